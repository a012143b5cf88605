/// A structured MIME header value: `text/plain; charset="utf-8"` or `attachment; filename="laporan.pdf"`.
///
/// The value and parameter names are lowercased; parameter values keep their case. RFC 2231 extended values
/// (`filename*=utf-8''laporan%20jalan.pdf`) and continuations (`filename*0=`, `filename*1=`) are read, since mail
/// clients use them for non-ASCII attachment names.
struct MIMEHeaderValue: Sendable {
    /// The lowercased value before the first `;`, e.g. `multipart/mixed`.
    var value: String
    private var parameters: [(name: String, value: [UInt8])]

    /// The media type's top-level type, e.g. `text` for `text/plain`.
    var topLevelType: Substring {
        value.prefix { $0 != "/" }
    }

    init(_ bytes: [UInt8]) {
        var index = 0
        let end = bytes.count
        while index < end && bytes[index] != UInt8(ascii: ";") { index += 1 }
        var valueBytes = MailBytes.trimmed(bytes[0..<index])
        if let comment = valueBytes.firstIndex(of: UInt8(ascii: "(")) {
            valueBytes = MailBytes.trimmed(valueBytes[..<comment])
        }
        value = MailBytes.lowercasedString(valueBytes)
        parameters = []
        while index < end {
            index += 1
            while index < end && MailBytes.isWhitespace(bytes[index]) { index += 1 }
            let nameStart = index
            while index < end && bytes[index] != UInt8(ascii: "=") && bytes[index] != UInt8(ascii: ";") {
                index += 1
            }
            let name = MailBytes.lowercasedString(MailBytes.trimmed(bytes[nameStart..<index]))
            guard index < end, bytes[index] == UInt8(ascii: "=") else { continue }
            index += 1
            while index < end && MailBytes.isWhitespace(bytes[index]) { index += 1 }
            var parameterValue: [UInt8] = []
            if index < end && bytes[index] == UInt8(ascii: "\"") {
                index += 1
                while index < end && bytes[index] != UInt8(ascii: "\"") {
                    if bytes[index] == UInt8(ascii: "\\") && index + 1 < end { index += 1 }
                    parameterValue.append(bytes[index])
                    index += 1
                }
                while index < end && bytes[index] != UInt8(ascii: ";") { index += 1 }
            } else {
                let valueStart = index
                while index < end && bytes[index] != UInt8(ascii: ";") { index += 1 }
                parameterValue = Array(MailBytes.trimmed(bytes[valueStart..<index]))
            }
            if !name.isEmpty { parameters.append((name, parameterValue)) }
        }
    }

    /// The value of parameter `name` (lowercase) as text: RFC 2231 forms decoded, encoded-words decoded.
    func parameter(_ name: String) -> String? {
        if let plain = parameters.first(where: { $0.name == name }) {
            return String(decoding: EncodedWordDecoder.decode(plain.value[...]), as: UTF8.self)
        }
        if let extended = parameters.first(where: { $0.name == name + "*" }) {
            return Self.decodeExtended(extended.value[...])
        }
        return continuedParameter(name)
    }

    /// `name*0`, `name*1*`, …: segments in order; those with a trailing `*` are percent-encoded in the charset
    /// named by the first segment.
    private func continuedParameter(_ name: String) -> String? {
        let prefix = name + "*"
        var segments: [(number: Int, isEncoded: Bool, value: [UInt8])] = []
        for parameter in parameters where parameter.name.hasPrefix(prefix) {
            var suffix = parameter.name.dropFirst(prefix.count)
            let isEncoded = suffix.hasSuffix("*")
            if isEncoded { suffix = suffix.dropLast() }
            guard let number = Int(suffix) else { continue }
            segments.append((number, isEncoded, parameter.value))
        }
        guard !segments.isEmpty else { return nil }
        segments.sort { $0.number < $1.number }
        var joined: [UInt8] = []
        var charset: MailCharset? = .utf8
        for (position, segment) in segments.enumerated() {
            guard segment.isEncoded else {
                joined.append(contentsOf: segment.value)
                continue
            }
            var encoded = segment.value[...]
            if position == 0, let (named, rest) = Self.splitCharset(encoded) {
                charset = named
                encoded = rest
            }
            joined.append(contentsOf: Self.percentDecoded(encoded))
        }
        return String(decoding: (charset ?? .latin1).utf8Bytes(joined), as: UTF8.self)
    }

    /// `charset'language'percent-encoded` (RFC 2231 §4); a charset this parser does not know is read as Latin-1,
    /// which keeps an attachment name legible enough to mention.
    private static func decodeExtended(_ bytes: ArraySlice<UInt8>) -> String {
        guard let (charset, rest) = splitCharset(bytes) else {
            return String(decoding: percentDecoded(bytes), as: UTF8.self)
        }
        return String(decoding: (charset ?? .latin1).utf8Bytes(percentDecoded(rest)), as: UTF8.self)
    }

    /// The charset (nil when unsupported) and the text after the second `'`, or `nil` without two quotes.
    private static func splitCharset(_ bytes: ArraySlice<UInt8>) -> (MailCharset?, ArraySlice<UInt8>)? {
        guard let first = bytes.firstIndex(of: UInt8(ascii: "'")),
            let second = bytes[(first + 1)...].firstIndex(of: UInt8(ascii: "'"))
        else { return nil }
        return (MailCharset(name: bytes[..<first]), bytes[(second + 1)...])
    }

    private static func percentDecoded(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.endIndex,
                let high = MailBytes.hexValue(bytes[index + 1]), let low = MailBytes.hexValue(bytes[index + 2])
            {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return output
    }
}
