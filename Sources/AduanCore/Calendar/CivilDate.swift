/// A day of the proleptic Gregorian calendar with no time and no time zone: `2026-03-20`.
///
/// Encodes as its ISO 8601 text (`"2026-03-20"`).
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public var year: Int
    /// The month, 1…12.
    public var month: Int
    /// The day of the month, 1…31.
    public var day: Int

    /// Creates a date, or `nil` when the day does not exist (`2026-02-29`, month 13).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD`, or returns `nil`.
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = CivilDate.digits(bytes[0..<4]), let month = CivilDate.digits(bytes[5..<7]),
            let day = CivilDate.digits(bytes[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// The date of a day count since 1970-01-01.
    init(dayNumber: Int) {
        let civil = RFC3339.civilFromDays(dayNumber)
        year = civil.year
        month = civil.month
        day = civil.day
    }

    /// The ISO 8601 text, `2026-03-20`.
    public var iso: String {
        let yearText = String(year)
        let monthText = month < 10 ? "0\(month)" : String(month)
        let dayText = day < 10 ? "0\(day)" : String(day)
        return String(repeating: "0", count: max(0, 4 - yearText.count)) + yearText + "-" + monthText + "-" + dayText
    }

    /// The ISO 8601 text, `2026-03-20`.
    public var description: String { iso }

    /// The ISO weekday: 1 is Monday, 7 is Sunday.
    public var weekday: Int { CivilDate.weekday(ofDayNumber: dayNumber) }

    /// Days since 1970-01-01 (negative before).
    var dayNumber: Int { RFC3339.daysFromCivil(year: year, month: month, day: day) }

    /// The ISO weekday (1 = Monday … 7 = Sunday) of a day count since 1970-01-01, a Thursday.
    static func weekday(ofDayNumber dayNumber: Int) -> Int {
        let fromMonday = (dayNumber + 3) % 7
        return (fromMonday < 0 ? fromMonday + 7 : fromMonday) + 1
    }

    /// Orders dates chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes the ISO text `"2026-03-20"`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container,
                debugDescription: "'\(text)' is not a date in the form 2026-03-20"
            )
        }
        self = date
    }

    /// Encodes the ISO text `"2026-03-20"`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= 0x30, byte <= 0x39 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }
}
