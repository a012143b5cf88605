/// Reduces an HTML mail body to plain text for routing: tags stripped, `script`/`style`/`title` dropped, common
/// and numeric character references decoded, `<br>` and block elements turned into line breaks, other white space
/// collapsed to single spaces.
///
/// Works on UTF-8 bytes; tags and references are ASCII, so multi-byte characters pass through untouched.
enum HTMLTextExtractor {
    /// The text of an HTML document given as UTF-8 bytes.
    static func text(_ html: [UInt8]) -> [UInt8] {
        var writer = Writer(capacity: html.count / 2)
        let bytes = html[...]
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<") {
                index = tag(in: bytes, at: index, writer: &writer)
            } else if byte == UInt8(ascii: "&") {
                index = reference(in: bytes, at: index, writer: &writer)
            } else if MailBytes.isWhitespace(byte) {
                writer.space()
                index += 1
            } else {
                writer.append(byte)
                index += 1
            }
        }
        return writer.output
    }

    /// Text output that collapses white space and keeps at most one empty line between paragraphs.
    private struct Writer {
        var output: [UInt8] = []
        private var pendingSpace = false
        private var pendingLineBreaks = 0

        init(capacity: Int) {
            output.reserveCapacity(capacity)
        }

        mutating func space() {
            pendingSpace = true
        }

        /// Asks for at least `count` line breaks before the next text (`<br>` adds one each time instead).
        mutating func lineBreaks(atLeast count: Int) {
            pendingLineBreaks = max(pendingLineBreaks, count)
        }

        mutating func addLineBreak() {
            pendingLineBreaks = min(pendingLineBreaks + 1, 2)
        }

        mutating func append(_ byte: UInt8) {
            if !output.isEmpty {
                if pendingLineBreaks > 0 {
                    output.append(contentsOf: repeatElement(MailBytes.lineFeed, count: pendingLineBreaks))
                } else if pendingSpace {
                    output.append(MailBytes.space)
                }
            }
            pendingSpace = false
            pendingLineBreaks = 0
            output.append(byte)
        }

        mutating func append(codePoint: UInt32) {
            guard codePoint >= 0x80 else {
                append(UInt8(codePoint))
                return
            }
            var encoded: [UInt8] = []
            MailBytes.appendUTF8(codePoint, to: &encoded)
            append(encoded[0])
            output.append(contentsOf: encoded[1...])
        }
    }

    /// Handles the tag (or comment) at `start`; returns the index after it.
    private static func tag(in bytes: ArraySlice<UInt8>, at start: Int, writer: inout Writer) -> Int {
        let end = bytes.endIndex
        if MailBytes.hasPrefixIgnoringCase(bytes, at: start, "<!--".utf8) {
            return index(after: "-->".utf8, in: bytes, from: start + 4)
        }
        var cursor = start + 1
        let isClosing = cursor < end && bytes[cursor] == UInt8(ascii: "/")
        if isClosing { cursor += 1 }
        let nameStart = cursor
        while cursor < end && (MailBytes.isLetter(bytes[cursor]) || MailBytes.isDigit(bytes[cursor])) { cursor += 1 }
        if cursor == nameStart && !(cursor < end && bytes[cursor] == UInt8(ascii: "!")) {
            writer.append(UInt8(ascii: "<"))  // "a < b" or "<3": text, not a tag
            return start + 1
        }
        let name = bytes[nameStart..<cursor]
        let tagEnd = endOfTag(in: bytes, from: cursor)
        if !isClosing, let skipped = skippedElements.first(where: { MailBytes.equalsIgnoringCase(name, $0) }) {
            return index(after: "</".utf8 + skipped, in: bytes, from: tagEnd, thenTagEnd: true)
        }
        if MailBytes.equalsIgnoringCase(name, "br".utf8) {
            writer.addLineBreak()
        } else if paragraphElements.contains(where: { MailBytes.equalsIgnoringCase(name, $0) }) {
            writer.lineBreaks(atLeast: 2)
        } else if lineElements.contains(where: { MailBytes.equalsIgnoringCase(name, $0) }) {
            writer.lineBreaks(atLeast: 1)
        } else if cellElements.contains(where: { MailBytes.equalsIgnoringCase(name, $0) }) {
            writer.space()
        }
        return tagEnd
    }

    private static let skippedElements: [[UInt8]] = ["script", "style", "title"].map { Array($0.utf8) }
    private static let paragraphElements: [[UInt8]] = ["p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr"]
        .map { Array($0.utf8) }
    private static let lineElements: [[UInt8]] = ["div", "tr", "li", "ul", "ol", "table", "pre", "dd", "dt"]
        .map { Array($0.utf8) }
    private static let cellElements: [[UInt8]] = ["td", "th"].map { Array($0.utf8) }

    /// The index after the `>` that ends a tag, skipping quoted attribute values.
    private static func endOfTag(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var cursor = start
        var quote: UInt8?
        while cursor < bytes.endIndex {
            let byte = bytes[cursor]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                quote = byte
            } else if byte == UInt8(ascii: ">") {
                return cursor + 1
            }
            cursor += 1
        }
        return cursor
    }

    /// The index after the first occurrence of `marker` (ASCII, any case) at or after `start` (and after the `>`
    /// that follows it when `thenTagEnd`), or the end.
    private static func index(
        after marker: some Collection<UInt8>,
        in bytes: ArraySlice<UInt8>,
        from start: Int,
        thenTagEnd: Bool = false
    ) -> Int {
        let lowercaseMarker = Array(marker).map(MailBytes.lowercased)
        guard let first = lowercaseMarker.first else { return start }
        var cursor = start
        while cursor < bytes.endIndex {
            if MailBytes.lowercased(bytes[cursor]) == first
                && MailBytes.hasPrefixIgnoringCase(bytes, at: cursor, lowercaseMarker)
            {
                let after = cursor + lowercaseMarker.count
                return thenTagEnd ? endOfTag(in: bytes, from: after) : after
            }
            cursor += 1
        }
        return bytes.endIndex
    }

    /// Decodes the character reference at `start` (`&amp;`, `&#233;`, `&#xE9;`); an unknown one is text.
    private static func reference(in bytes: ArraySlice<UInt8>, at start: Int, writer: inout Writer) -> Int {
        let end = bytes.endIndex
        var cursor = start + 1
        if cursor < end && bytes[cursor] == UInt8(ascii: "#") {
            cursor += 1
            let isHex = cursor < end && (bytes[cursor] | 0x20) == UInt8(ascii: "x")
            if isHex { cursor += 1 }
            var value: UInt32 = 0
            let digitsStart = cursor
            while cursor < end, cursor - digitsStart < 8 {
                guard let digit = isHex ? MailBytes.hexValue(bytes[cursor]) : decimalValue(bytes[cursor]) else { break }
                value = value * (isHex ? 16 : 10) + UInt32(digit)
                cursor += 1
            }
            if cursor > digitsStart {
                if cursor < end && bytes[cursor] == UInt8(ascii: ";") { cursor += 1 }
                writer.append(codePoint: value == 0 ? 0xFFFD : value)
                return cursor
            }
        } else {
            let nameStart = cursor
            while cursor < end, cursor - nameStart < 10,
                MailBytes.isLetter(bytes[cursor]) || MailBytes.isDigit(bytes[cursor])
            {
                cursor += 1
            }
            if cursor < end, bytes[cursor] == UInt8(ascii: ";"),
                let codePoint = namedReferences[String(decoding: bytes[nameStart..<cursor], as: UTF8.self)]
            {
                if codePoint == 0x20 {
                    writer.space()
                } else {
                    writer.append(codePoint: codePoint)
                }
                return cursor + 1
            }
        }
        writer.append(UInt8(ascii: "&"))
        return start + 1
    }

    @inline(__always)
    private static func decimalValue(_ byte: UInt8) -> UInt8? {
        MailBytes.isDigit(byte) ? byte - 0x30 : nil
    }

    /// The references mail editors write; `&nbsp;` is a plain space so that it collapses like one.
    private static let namedReferences: [String: UInt32] = [
        "amp": 0x26, "lt": 0x3C, "gt": 0x3E, "quot": 0x22, "apos": 0x27, "nbsp": 0x20,
        "copy": 0xA9, "reg": 0xAE, "trade": 0x2122, "deg": 0xB0, "middot": 0xB7, "bull": 0x2022,
        "hellip": 0x2026, "ndash": 0x2013, "mdash": 0x2014, "lsquo": 0x2018, "rsquo": 0x2019,
        "ldquo": 0x201C, "rdquo": 0x201D, "laquo": 0xAB, "raquo": 0xBB, "euro": 0x20AC, "times": 0xD7,
        "eacute": 0xE9, "egrave": 0xE8, "aacute": 0xE1, "agrave": 0xE0, "oacute": 0xF3, "uuml": 0xFC,
        "ouml": 0xF6, "auml": 0xE4, "ccedil": 0xE7, "ntilde": 0xF1,
    ]
}
