/// A mailbox from a `From` field: the address and the display name, if any.
public struct MailAddress: Sendable, Hashable {
    /// The display name, encoded-words decoded and quotes removed (`Budi Santoso`).
    public var name: String?
    /// The addr-spec (`budi@example.co.id`).
    public var address: String

    /// Creates a mailbox.
    public init(name: String? = nil, address: String) {
        self.name = name
        self.address = address
    }

    /// The first mailbox of an address field value: `"Name" <addr>`, `Name <addr>`, `<addr>`, `addr`, or the old
    /// `addr (Name)`; comments are dropped, and a comment stands in for the name only when there is no other.
    ///
    /// - Returns: `nil` when the value holds no address with an `@`.
    public init?(parsing text: String) {
        self.init(bytes: Array(text.utf8)[...])
    }

    init?(bytes: ArraySlice<UInt8>) {
        var phrase: [UInt8] = []
        var comment: [UInt8] = []
        var angleAddress: ArraySlice<UInt8>?
        var index = bytes.startIndex
        let end = bytes.endIndex
        scan: while index < end {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                Self.appendSeparator(to: &phrase)
                while index < end && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") && index + 1 < end { index += 1 }
                    phrase.append(bytes[index])
                    index += 1
                }
                index += 1
            case UInt8(ascii: "("):
                index = Self.skipComment(bytes, from: index, into: &comment)
            case UInt8(ascii: "<"):
                let start = index + 1
                index = start
                while index < end && bytes[index] != UInt8(ascii: ">") { index += 1 }
                angleAddress = bytes[start..<index]
                break scan
            case UInt8(ascii: ","):
                break scan
            default:
                if MailBytes.isWhitespace(byte) {
                    Self.appendSeparator(to: &phrase)
                } else {
                    phrase.append(byte)
                }
                index += 1
            }
        }
        var nameBytes: [UInt8]
        var addressBytes: ArraySlice<UInt8>
        if var angle = angleAddress {
            // Obsolete source route: `<@relay.example:user@host>`.
            if angle.first == UInt8(ascii: "@"), let colon = angle.firstIndex(of: UInt8(ascii: ":")) {
                angle = angle[(colon + 1)...]
            }
            addressBytes = MailBytes.trimmed(angle)
            nameBytes = phrase
        } else {
            addressBytes = phrase.filter { !MailBytes.isWhitespace($0) }[...]
            nameBytes = comment
        }
        guard addressBytes.contains(UInt8(ascii: "@")) else { return nil }
        let name = String(decoding: EncodedWordDecoder.decode(MailBytes.trimmed(nameBytes[...])), as: UTF8.self)
        self.init(name: name.isEmpty ? nil : name, address: String(decoding: addressBytes, as: UTF8.self))
    }

    /// One space between words, none at the start.
    private static func appendSeparator(to phrase: inout [UInt8]) {
        if let last = phrase.last, last != MailBytes.space { phrase.append(MailBytes.space) }
    }

    /// Skips a (possibly nested) comment starting at `start`, collecting its text; returns the index after it.
    private static func skipComment(_ bytes: ArraySlice<UInt8>, from start: Int, into text: inout [UInt8]) -> Int {
        var depth = 0
        var index = start
        if !text.isEmpty { text.append(MailBytes.space) }
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\\") && index + 1 < bytes.endIndex {
                text.append(bytes[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "(") {
                depth += 1
                if depth > 1 { text.append(byte) }
            } else if byte == UInt8(ascii: ")") {
                depth -= 1
                if depth == 0 { return index + 1 }
                text.append(byte)
            } else {
                text.append(byte)
            }
            index += 1
        }
        return index
    }
}
