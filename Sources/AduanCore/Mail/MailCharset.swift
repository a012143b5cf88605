/// The character sets the mail parser converts to UTF-8: the ones Indonesian webmail and Outlook send in practice.
///
/// Names are matched as IANA registers them and by their common aliases (`utf8`, `latin1`, `cp1252`), ignoring
/// case and punctuation, and an RFC 2231 language suffix (`utf-8*id`) is ignored.
enum MailCharset: Sendable, Hashable {
    case utf8
    case usASCII
    case latin1
    case windows1252
    case latin9

    /// The charset a name stands for, or `nil` when it is not supported.
    init?(name: some Collection<UInt8>) {
        var key: [UInt8] = []
        key.reserveCapacity(16)
        for byte in name {
            if byte == UInt8(ascii: "*") { break }
            if MailBytes.isLetter(byte) || MailBytes.isDigit(byte) { key.append(MailBytes.lowercased(byte)) }
        }
        guard let charset = Self.aliases[String(decoding: key, as: UTF8.self)] else { return nil }
        self = charset
    }

    private static let aliases: [String: MailCharset] = [
        "utf8": .utf8, "unicode11utf8": .utf8,
        "usascii": .usASCII, "ascii": .usASCII, "ansix341968": .usASCII, "iso646us": .usASCII,
        "iso88591": .latin1, "iso885911987": .latin1, "latin1": .latin1, "l1": .latin1, "cp819": .latin1,
        "windows1252": .windows1252, "cp1252": .windows1252, "xcp1252": .windows1252,
        "iso885915": .latin9, "latin9": .latin9, "latin0": .latin9,
    ]

    /// `bytes` converted to UTF-8.
    ///
    /// UTF-8 and US-ASCII bytes are passed through (8-bit bytes in a part labelled US-ASCII are almost always
    /// UTF-8); invalid UTF-8 becomes U+FFFD when the caller makes a `String` of the result.
    func utf8Bytes(_ bytes: [UInt8]) -> [UInt8] {
        switch self {
        case .utf8, .usASCII:
            return bytes
        case .latin1, .windows1252, .latin9:
            guard bytes.contains(where: { $0 >= 0x80 }) else { return bytes }
            var output: [UInt8] = []
            output.reserveCapacity(bytes.count + bytes.count / 8)
            for byte in bytes {
                MailBytes.appendUTF8(codePoint(of: byte), to: &output)
            }
            return output
        }
    }

    @inline(__always)
    private func codePoint(of byte: UInt8) -> UInt32 {
        switch self {
        case .windows1252 where byte &- 0x80 < 0x20:
            return UInt32(Self.windows1252High[Int(byte - 0x80)])
        case .latin9:
            switch byte {
            case 0xA4: return 0x20AC
            case 0xA6: return 0x0160
            case 0xA8: return 0x0161
            case 0xB4: return 0x017D
            case 0xB8: return 0x017E
            case 0xBC: return 0x0152
            case 0xBD: return 0x0153
            case 0xBE: return 0x0178
            default: return UInt32(byte)
            }
        default:
            return UInt32(byte)
        }
    }

    /// Windows-1252's 0x80–0x9F; the five unassigned bytes keep their C1 code points, as browsers do.
    private static let windows1252High: [UInt16] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}
