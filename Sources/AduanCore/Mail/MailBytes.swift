/// Byte-level helpers shared by the mail parser: ASCII classes, case-insensitive comparison, trimming, line ends,
/// UTF-8 encoding. Mail is parsed on bytes so that a message costs a handful of allocations, not one per character.
enum MailBytes {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09
    static let carriageReturn: UInt8 = 0x0D
    static let lineFeed: UInt8 = 0x0A

    /// Space or horizontal tab (RFC 5322 WSP).
    @inline(__always)
    static func isBlank(_ byte: UInt8) -> Bool {
        byte == space || byte == tab
    }

    /// Any ASCII white space, line ends included.
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == tab || byte == lineFeed || byte == carriageReturn || byte == 0x0C
    }

    @inline(__always)
    static func isDigit(_ byte: UInt8) -> Bool {
        byte &- 0x30 < 10
    }

    @inline(__always)
    static func isLetter(_ byte: UInt8) -> Bool {
        (byte | 0x20) &- 0x61 < 26
    }

    @inline(__always)
    static func lowercased(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// The value of a hexadecimal digit, or `nil`.
    @inline(__always)
    static func hexValue(_ byte: UInt8) -> UInt8? {
        if byte &- 0x30 < 10 { return byte &- 0x30 }
        let lower = byte | 0x20
        if lower &- 0x61 < 6 { return lower &- 0x61 &+ 10 }
        return nil
    }

    /// Whether `bytes` equals the lowercase ASCII `lowercaseName`, ignoring ASCII case.
    static func equalsIgnoringCase(_ bytes: ArraySlice<UInt8>, _ lowercaseName: some Collection<UInt8>) -> Bool {
        guard bytes.count == lowercaseName.count else { return false }
        var index = bytes.startIndex
        for expected in lowercaseName {
            guard lowercased(bytes[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    /// Whether `bytes` starts at `start` with the lowercase ASCII `prefix`, ignoring ASCII case.
    static func hasPrefixIgnoringCase(
        _ bytes: ArraySlice<UInt8>,
        at start: Int,
        _ prefix: some Collection<UInt8>
    ) -> Bool {
        guard bytes.endIndex - start >= prefix.count else { return false }
        var index = start
        for expected in prefix {
            guard lowercased(bytes[index]) == expected else { return false }
            index += 1
        }
        return true
    }

    /// `bytes` without leading and trailing ASCII white space.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        while start < end && isWhitespace(bytes[start]) { start += 1 }
        while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }

    /// The index of the next line feed at or after `start`, or `end`.
    @inline(__always)
    static func lineEnd(in bytes: ArraySlice<UInt8>, from start: Int) -> Int {
        var index = start
        let end = bytes.endIndex
        while index < end && bytes[index] != lineFeed { index += 1 }
        return index
    }

    /// `bytes` as an ASCII-lowercased string (for media types, parameter names and charsets).
    static func lowercasedString(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes.lazy.map(lowercased), as: UTF8.self)
    }

    /// Appends the UTF-8 encoding of a code point; surrogates and values beyond U+10FFFF become U+FFFD.
    @inline(__always)
    static func appendUTF8(_ codePoint: UInt32, to output: inout [UInt8]) {
        switch codePoint {
        case 0..<0x80:
            output.append(UInt8(codePoint))
        case 0x80..<0x800:
            output.append(0xC0 | UInt8(codePoint >> 6))
            output.append(0x80 | UInt8(codePoint & 0x3F))
        case 0xD800..<0xE000, 0x11_0000...:
            output.append(contentsOf: [0xEF, 0xBF, 0xBD])
        case 0x800..<0x1_0000:
            output.append(0xE0 | UInt8(codePoint >> 12))
            output.append(0x80 | UInt8((codePoint >> 6) & 0x3F))
            output.append(0x80 | UInt8(codePoint & 0x3F))
        default:
            output.append(0xF0 | UInt8(codePoint >> 18))
            output.append(0x80 | UInt8((codePoint >> 12) & 0x3F))
            output.append(0x80 | UInt8((codePoint >> 6) & 0x3F))
            output.append(0x80 | UInt8(codePoint & 0x3F))
        }
    }

    /// Text with every CRLF and lone CR turned into LF.
    static func normalizedLineEnds(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.contains(carriageReturn) else { return bytes }
        return [UInt8](unsafeUninitializedCapacity: bytes.count) { output, written in
            written = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte == carriageReturn {
                    output[written] = lineFeed
                    if index + 1 < bytes.count && bytes[index + 1] == lineFeed { index += 1 }
                } else {
                    output[written] = byte
                }
                written += 1
                index += 1
            }
        }
    }
}
