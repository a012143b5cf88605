/// Decodes RFC 2047 encoded-words (`=?UTF-8?B?…?=`, `=?ISO-8859-1?Q?…?=`) in header text such as a Subject or a
/// display name.
///
/// White space between two adjacent encoded-words is dropped (RFC 2047 §6.2), and adjacent words in the same
/// charset are joined before conversion, so a character split across two words survives. A malformed word, or
/// one in an unsupported charset, is left as it is: a subject is never a reason to refuse a complaint. Words not
/// separated from ordinary text by white space are decoded too, as most mail readers do.
public enum EncodedWordDecoder {
    /// `text` with its encoded-words decoded.
    public static func decode(_ text: String) -> String {
        String(decoding: decode(Array(text.utf8)[...]), as: UTF8.self)
    }

    /// The UTF-8 bytes of `bytes` with its encoded-words decoded; other bytes are copied as they are.
    static func decode(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        guard containsEncodedWordStart(bytes) else { return Array(bytes) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var pendingCharset: MailCharset?
        var pendingBytes: [UInt8] = []
        var blankAfterWord: Range<Int>?
        var index = bytes.startIndex
        while index < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "="), let word = encodedWord(in: bytes, at: index) {
                if pendingCharset != word.charset, let charset = pendingCharset {
                    output.append(contentsOf: charset.utf8Bytes(pendingBytes))
                    pendingBytes.removeAll(keepingCapacity: true)
                }
                pendingCharset = word.charset
                pendingBytes.append(contentsOf: word.bytes)
                blankAfterWord = nil
                index = word.end
                continue
            }
            if let charset = pendingCharset {
                if MailBytes.isWhitespace(bytes[index]) {
                    // Held back: dropped if another encoded-word follows, kept otherwise.
                    let start = blankAfterWord?.lowerBound ?? index
                    blankAfterWord = start..<(index + 1)
                    index += 1
                    continue
                }
                output.append(contentsOf: charset.utf8Bytes(pendingBytes))
                pendingBytes.removeAll(keepingCapacity: true)
                pendingCharset = nil
                if let blank = blankAfterWord {
                    output.append(contentsOf: bytes[blank])
                    blankAfterWord = nil
                }
            }
            output.append(bytes[index])
            index += 1
        }
        if let charset = pendingCharset {
            output.append(contentsOf: charset.utf8Bytes(pendingBytes))
            if let blank = blankAfterWord { output.append(contentsOf: bytes[blank]) }
        }
        return output
    }

    private static func containsEncodedWordStart(_ bytes: ArraySlice<UInt8>) -> Bool {
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            if bytes[index] == UInt8(ascii: "=") && bytes[index + 1] == UInt8(ascii: "?") { return true }
            index += 1
        }
        return false
    }

    /// The encoded-word starting at `start` (`=?charset?B|Q?text?=`), decoded to bytes in its charset.
    private static func encodedWord(
        in bytes: ArraySlice<UInt8>,
        at start: Int
    ) -> (charset: MailCharset, bytes: [UInt8], end: Int)? {
        let end = bytes.endIndex
        guard start + 1 < end, bytes[start + 1] == UInt8(ascii: "?") else { return nil }
        let charsetStart = start + 2
        var cursor = charsetStart
        while cursor < end && bytes[cursor] != UInt8(ascii: "?") && !MailBytes.isWhitespace(bytes[cursor]) {
            cursor += 1
        }
        guard cursor > charsetStart, cursor + 2 < end, bytes[cursor] == UInt8(ascii: "?"),
            bytes[cursor + 2] == UInt8(ascii: "?"),
            let charset = MailCharset(name: bytes[charsetStart..<cursor])
        else { return nil }
        let encoding = MailBytes.lowercased(bytes[cursor + 1])
        let textStart = cursor + 3
        var textEnd = textStart
        while textEnd < end && bytes[textEnd] != UInt8(ascii: "?") && !MailBytes.isWhitespace(bytes[textEnd]) {
            textEnd += 1
        }
        guard textEnd + 1 < end, bytes[textEnd] == UInt8(ascii: "?"), bytes[textEnd + 1] == UInt8(ascii: "=")
        else { return nil }
        let text = bytes[textStart..<textEnd]
        let decoded: [UInt8]?
        switch encoding {
        case UInt8(ascii: "b"): decoded = Base64Decoder.isEncodedText(text) ? Base64Decoder.decode(text) : nil
        case UInt8(ascii: "q"): decoded = QuotedPrintableDecoder.decodeWord(text)
        default: decoded = nil
        }
        guard let decoded else { return nil }
        return (charset, decoded, textEnd + 2)
    }
}
