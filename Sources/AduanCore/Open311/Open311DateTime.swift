public import Foundation

/// Reads GeoReport v2 date-times (the W3C note's subset of ISO 8601) as servers really write them.
///
/// RFC 3339 with `Z` or an offset, with or without fractional seconds; also an offset without a colon (`+0700`,
/// `+07`) and a time without seconds (`2010-04-14T06:37-08:00`). A time without a zone is refused: the
/// specification requires one and guessing would shift every deadline.
public enum Open311DateTime {
    /// The instant a date-time names, or `nil` when it is not one of the accepted forms.
    public static func parse(_ text: String) -> Date? {
        if let date = RFC3339.parse(text) { return date }
        var bytes = Array(text.utf8)
        let count = bytes.count
        func isDigit(_ position: Int) -> Bool { position < count && bytes[position] >= 0x30 && bytes[position] <= 0x39 }
        func isSign(_ position: Int) -> Bool {
            position >= 0 && position < count
                && (bytes[position] == UInt8(ascii: "+") || bytes[position] == UInt8(ascii: "-"))
        }
        if count >= 5, isSign(count - 5), (1...4).allSatisfy({ isDigit(count - $0) }) {
            bytes.insert(UInt8(ascii: ":"), at: count - 2)
        } else if count >= 3, isSign(count - 3), isDigit(count - 2), isDigit(count - 1) {
            bytes += Array(":00".utf8)
        }
        if bytes.count > 16, bytes[13] == UInt8(ascii: ":"), bytes[16] != UInt8(ascii: ":") {
            bytes.insert(contentsOf: Array(":00".utf8), at: 16)
        }
        return RFC3339.parse(String(decoding: bytes, as: UTF8.self))
    }
}
