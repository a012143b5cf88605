/// Splits a multipart body at its boundary (RFC 2046 §5.1.1): the preamble before the first delimiter and the
/// epilogue after the closing one are ignored, and the line break before each delimiter belongs to it.
enum MultipartSplitter {
    /// The body parts, or `nil` when the boundary never starts a line.
    ///
    /// A missing closing delimiter is tolerated (the last part runs to the end): truncated or hand-made mail often
    /// lacks it, and the text before the cut is still the complaint.
    static func parts(of body: ArraySlice<UInt8>, boundary: [UInt8]) -> [ArraySlice<UInt8>]? {
        let delimiter = Array("--".utf8) + boundary
        var parts: [ArraySlice<UInt8>] = []
        var partStart: Int?
        var lineStart = body.startIndex
        while lineStart < body.endIndex {
            let lineFeed = MailBytes.lineEnd(in: body, from: lineStart)
            if body[lineStart] == UInt8(ascii: "-"), let isClosing = delimiterKind(body, lineStart, lineFeed, delimiter)
            {
                if let start = partStart {
                    parts.append(body[start..<partEnd(body, start: start, delimiterLine: lineStart)])
                }
                if isClosing { return parts }
                partStart = min(lineFeed + 1, body.endIndex)
            }
            lineStart = lineFeed + 1
        }
        guard let start = partStart else { return nil }
        parts.append(body[start...])
        return parts
    }

    /// Whether the line `start..<lineFeed` is a delimiter line: `nil` if not, `true` for the closing one.
    private static func delimiterKind(
        _ body: ArraySlice<UInt8>,
        _ start: Int,
        _ lineFeed: Int,
        _ delimiter: [UInt8]
    ) -> Bool? {
        guard lineFeed - start >= delimiter.count, body[start..<(start + delimiter.count)].elementsEqual(delimiter)
        else { return nil }
        var cursor = start + delimiter.count
        let isClosing =
            lineFeed - cursor >= 2 && body[cursor] == UInt8(ascii: "-") && body[cursor + 1] == UInt8(ascii: "-")
        if isClosing { cursor += 2 }
        // Only transport padding may follow; anything else means the boundary is a prefix of a longer line.
        while cursor < lineFeed {
            guard MailBytes.isWhitespace(body[cursor]) else { return nil }
            cursor += 1
        }
        return isClosing
    }

    /// The end of a part: the start of the delimiter line, minus the CRLF or LF before it.
    private static func partEnd(_ body: ArraySlice<UInt8>, start: Int, delimiterLine: Int) -> Int {
        var end = delimiterLine
        if end > start && body[end - 1] == MailBytes.lineFeed { end -= 1 }
        if end > start && body[end - 1] == MailBytes.carriageReturn { end -= 1 }
        return end
    }
}
