import AduanCore
public import Foundation

/// Writes JSON straight into bytes, the way ``ControlCoding/makeEncoder()`` writes the same values: strings escaped
/// as `JSONEncoder` escapes them (slashes left alone), dates as RFC 3339 UTC `Z`, absent values as `null`.
///
/// For responses too hot for `JSONEncoder`: its generic containers cost ~8 µs per listed case, 50 cases ~0.5 ms of
/// the daemon's CPU per `cases` request, which becomes tail latency while intake saturates the CPU.
public struct JSONByteWriter: Sendable {
    /// The JSON written so far.
    public private(set) var bytes: [UInt8] = []
    /// `YYYY-MM-DDT` of each day a date has been written on, by days since 1970-01-01.
    private var dayPrefixes: [Int: [UInt8]] = [:]

    /// Creates a writer with room for `capacity` bytes.
    public init(capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    /// Appends JSON punctuation or a key already in JSON form, e.g. `,"id":`.
    public mutating func raw(_ text: StaticString) {
        text.withUTF8Buffer { bytes.append(contentsOf: $0) }
    }

    /// Appends an integer, or `null`.
    public mutating func number(_ value: Int?) {
        guard let value else { return raw("null") }
        bytes.append(contentsOf: String(value).utf8)
    }

    /// Appends a date as an RFC 3339 UTC string (``RFC3339/format(_:)``), or `null`.
    public mutating func date(_ value: Date?) {
        guard let value else { return raw("null") }
        // `RFC3339.format` builds a dozen small strings (~0.5 µs a date); the dates of one response fall on a few
        // days, so it writes each day's `YYYY-MM-DDT` once and the time of day is digits.
        let seconds = Int(value.timeIntervalSince1970.rounded(.down))
        let day = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - day * 86_400
        bytes.append(UInt8(ascii: "\""))
        if let prefix = dayPrefixes[day] {
            bytes.append(contentsOf: prefix)
        } else {
            let midnight = RFC3339.format(Date(timeIntervalSince1970: Double(day * 86_400))).utf8
            let prefix = Array(midnight.prefix { $0 != UInt8(ascii: "T") }) + [UInt8(ascii: "T")]
            dayPrefixes[day] = prefix
            bytes.append(contentsOf: prefix)
        }
        twoDigits(secondOfDay / 3_600)
        bytes.append(UInt8(ascii: ":"))
        twoDigits(secondOfDay / 60 % 60)
        bytes.append(UInt8(ascii: ":"))
        twoDigits(secondOfDay % 60)
        raw(#"Z""#)
    }

    private mutating func twoDigits(_ value: Int) {
        bytes.append(UInt8(ascii: "0") + UInt8(value / 10))
        bytes.append(UInt8(ascii: "0") + UInt8(value % 10))
    }

    /// Appends a string, or `null`, escaping quotes, backslashes and control characters.
    public mutating func string(_ value: String?) {
        guard let value else { return raw("null") }
        bytes.append(UInt8(ascii: "\""))
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "\""): raw(#"\""#)
            case UInt8(ascii: "\\"): raw(#"\\"#)
            case 0x08: raw(#"\b"#)
            case 0x09: raw(#"\t"#)
            case 0x0A: raw(#"\n"#)
            case 0x0C: raw(#"\f"#)
            case 0x0D: raw(#"\r"#)
            case ..<0x20:
                raw(#"\u00"#)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)
}
