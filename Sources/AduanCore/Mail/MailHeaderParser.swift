/// Reads the header section of a message or MIME part: `Name: value` lines, continuation lines that start with
/// a blank, ended by an empty line. CRLF and bare LF line ends are both accepted.
enum MailHeaderParser {
    /// The header fields and the index where the body starts.
    ///
    /// For a whole message (`isMessage`) the section must hold at least one field, every line must be a field or a
    /// continuation, and an empty line must end it; an mbox `From ` line before the fields is skipped. A MIME
    /// part is read leniently: a stray line is skipped, and a part without an empty line is all header.
    static func parse(
        _ bytes: ArraySlice<UInt8>,
        isMessage: Bool
    ) throws(MailParseError) -> (headers: MailHeaders, bodyStart: Int) {
        var fields: [MailHeaders.Field] = []
        fields.reserveCapacity(isMessage ? 24 : 4)
        var lineStart = bytes.startIndex
        var lineNumber = 0
        if isMessage && bytes.starts(with: "From ".utf8)
            && field(in: bytes, from: lineStart, to: MailBytes.lineEnd(in: bytes, from: lineStart)) == nil
        {
            lineStart = MailBytes.lineEnd(in: bytes, from: lineStart) + 1
            lineNumber = 1
        }
        while lineStart < bytes.endIndex {
            lineNumber += 1
            let lineFeed = MailBytes.lineEnd(in: bytes, from: lineStart)
            var contentEnd = lineFeed
            if contentEnd > lineStart && bytes[contentEnd - 1] == MailBytes.carriageReturn { contentEnd -= 1 }
            let next = min(lineFeed + 1, bytes.endIndex)
            if contentEnd == lineStart {
                guard !(isMessage && fields.isEmpty) else {
                    throw MailParseError("not a mail: the message starts with an empty line, no header fields")
                }
                return (MailHeaders(bytes: bytes, fields: fields), next)
            }
            if MailBytes.isBlank(bytes[lineStart]) {
                if fields.isEmpty {
                    guard !isMessage else {
                        throw MailParseError("not a mail: the first header line is a continuation line")
                    }
                } else {
                    fields[fields.count - 1].value = fields[fields.count - 1].value.lowerBound..<contentEnd
                    fields[fields.count - 1].isFolded = true
                }
            } else if let field = field(in: bytes, from: lineStart, to: contentEnd) {
                fields.append(field)
            } else if isMessage {
                throw MailParseError(
                    fields.isEmpty
                        ? "not a mail: the first line is not a header field ('Name: value')"
                        : "header line \(lineNumber) is not a 'Name: value' field"
                            + " (is the empty line before the body missing?)"
                )
            }
            lineStart = next
        }
        guard !isMessage else {
            throw MailParseError(
                fields.isEmpty
                    ? "empty message" : "not a mail: no empty line separates the header fields from the body"
            )
        }
        return (MailHeaders(bytes: bytes, fields: fields), bytes.endIndex)
    }

    /// A `Name: value` field on one line; the name is printable ASCII without a colon (blanks before the colon are
    /// the obsolete syntax and are allowed).
    private static func field(in bytes: ArraySlice<UInt8>, from start: Int, to end: Int) -> MailHeaders.Field? {
        var cursor = start
        while cursor < end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ":") { break }
            guard byte > 0x20 && byte < 0x7F else {
                guard MailBytes.isBlank(byte) else { return nil }
                var afterBlanks = cursor
                while afterBlanks < end && MailBytes.isBlank(bytes[afterBlanks]) { afterBlanks += 1 }
                guard afterBlanks < end, bytes[afterBlanks] == UInt8(ascii: ":") else { return nil }
                return MailHeaders.Field(name: start..<cursor, value: (afterBlanks + 1)..<end, isFolded: false)
            }
            cursor += 1
        }
        guard cursor < end, cursor > start else { return nil }
        return MailHeaders.Field(name: start..<cursor, value: (cursor + 1)..<end, isFolded: false)
    }
}
