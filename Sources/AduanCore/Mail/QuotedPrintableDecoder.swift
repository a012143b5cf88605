/// Quoted-printable (RFC 2045 §6.7) and the `Q` encoding of RFC 2047 encoded-words, which differs only in `_`.
enum QuotedPrintableDecoder {
    /// Decodes a quoted-printable body: `=XX` escapes, `=` at a line end is a soft line break, and white space
    /// before a line end is dropped (transports add it). A malformed `=` is kept as it is.
    static func decodeBody(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        // Every step writes at most as many bytes as it reads, so the input's length bounds the output.
        [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            written = 0
            var index = bytes.startIndex
            let end = bytes.endIndex
            var blankRunStart = -1
            while index < end {
                let byte = bytes[index]
                if byte == UInt8(ascii: "=") {
                    blankRunStart = -1
                    if let escaped = escapedByte(bytes, at: index) {
                        output[written] = escaped
                        written += 1
                        index += 3
                        continue
                    }
                    if let afterBreak = softLineBreakEnd(bytes, after: index) {
                        index = afterBreak
                        continue
                    }
                } else if byte == MailBytes.lineFeed || byte == MailBytes.carriageReturn {
                    if blankRunStart >= 0 {
                        written = blankRunStart
                        blankRunStart = -1
                    }
                } else if MailBytes.isBlank(byte) {
                    if blankRunStart < 0 { blankRunStart = written }
                } else {
                    blankRunStart = -1
                }
                output[written] = byte
                written += 1
                index += 1
            }
        }
    }

    /// Decodes the text of a `Q` encoded-word (`_` is a space), or `nil` when an `=` is not followed by two hex
    /// digits, so that the caller leaves the malformed word as it is.
    static func decodeWord(_ bytes: ArraySlice<UInt8>) -> [UInt8]? {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                guard let escaped = escapedByte(bytes, at: index) else { return nil }
                output.append(escaped)
                index += 3
            } else {
                output.append(byte == UInt8(ascii: "_") ? MailBytes.space : byte)
                index += 1
            }
        }
        return output
    }

    /// The byte of an `=XX` escape at `index`, or `nil`.
    @inline(__always)
    private static func escapedByte(_ bytes: ArraySlice<UInt8>, at index: Int) -> UInt8? {
        guard index + 2 < bytes.endIndex,
            let high = MailBytes.hexValue(bytes[index + 1]),
            let low = MailBytes.hexValue(bytes[index + 2])
        else { return nil }
        return high << 4 | low
    }

    /// Where the text resumes after a soft line break (`=`, optional blanks, CRLF or LF) at `index`, or `nil`.
    private static func softLineBreakEnd(_ bytes: ArraySlice<UInt8>, after index: Int) -> Int? {
        var cursor = index + 1
        while cursor < bytes.endIndex && MailBytes.isBlank(bytes[cursor]) { cursor += 1 }
        if cursor == bytes.endIndex { return cursor }
        if bytes[cursor] == MailBytes.carriageReturn { cursor += 1 }
        guard cursor < bytes.endIndex, bytes[cursor] == MailBytes.lineFeed else { return nil }
        return cursor + 1
    }
}
