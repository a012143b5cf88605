public import Foundation

/// RFC 3339 timestamps (`2026-03-17T10:00:00+07:00`), parsed and written without `DateFormatter`,
/// which is slow and not safe to share across threads.
public enum RFC3339 {
    /// Parses an RFC 3339 date-time with a `Z` or `±HH:MM` offset and optional fractional seconds.
    ///
    /// - Returns: `nil` when the text is not a valid RFC 3339 date-time.
    public static func parse(_ text: String) -> Date? {
        var bytes = Array(text.utf8)[...]
        guard let year = number(&bytes, digits: 4), expect(&bytes, "-"),
            let month = number(&bytes, digits: 2), expect(&bytes, "-"),
            let day = number(&bytes, digits: 2)
        else { return nil }
        guard let separator = bytes.popFirst(),
            separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t")
                || separator == UInt8(ascii: " ")
        else { return nil }
        guard let hour = number(&bytes, digits: 2), expect(&bytes, ":"),
            let minute = number(&bytes, digits: 2), expect(&bytes, ":"),
            let second = number(&bytes, digits: 2)
        else { return nil }
        var fraction = 0.0
        if bytes.first == UInt8(ascii: ".") {
            bytes.removeFirst()
            var scale = 0.1
            var sawDigit = false
            while let digit = bytes.first, digit >= 0x30, digit <= 0x39 {
                fraction += Double(digit - 0x30) * scale
                scale /= 10
                sawDigit = true
                bytes.removeFirst()
            }
            if !sawDigit { return nil }
        }
        guard let zone = bytes.popFirst() else { return nil }
        var offsetSeconds = 0
        switch zone {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            break
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let offsetHours = number(&bytes, digits: 2), expect(&bytes, ":"),
                let offsetMinutes = number(&bytes, digits: 2), offsetHours < 24, offsetMinutes < 60
            else { return nil }
            offsetSeconds = (offsetHours * 60 + offsetMinutes) * 60 * (zone == UInt8(ascii: "-") ? -1 : 1)
        default:
            return nil
        }
        guard bytes.isEmpty, (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second <= 60
        else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds) + fraction)
    }

    /// Writes a date in UTC with a `Z` suffix and whole seconds: `2026-03-17T03:00:00Z`.
    public static func format(_ date: Date) -> String {
        format(date, offsetSeconds: 0)
    }

    /// Writes a date at a fixed UTC offset: `2026-03-17T10:00:00+07:00` (`Z` when the offset is 0).
    public static func format(_ date: Date, offsetSeconds: Int) -> String {
        let total = Int(date.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = total >= 0 ? total / 86_400 : (total - 86_399) / 86_400
        let secondOfDay = total - days * 86_400
        let (year, month, day) = civilFromDays(days)
        var text = pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
        text += "T" + pad(secondOfDay / 3_600, 2) + ":" + pad(secondOfDay / 60 % 60, 2) + ":" + pad(secondOfDay % 60, 2)
        if offsetSeconds == 0 { return text + "Z" }
        let sign = offsetSeconds < 0 ? "-" : "+"
        let magnitude = abs(offsetSeconds) / 60
        return text + sign + pad(magnitude / 60, 2) + ":" + pad(magnitude % 60, 2)
    }

    private static func number(_ bytes: inout ArraySlice<UInt8>, digits: Int) -> Int? {
        guard bytes.count >= digits else { return nil }
        var value = 0
        for _ in 0..<digits {
            let digit = bytes.removeFirst()
            guard digit >= 0x30, digit <= 0x39 else { return nil }
            value = value * 10 + Int(digit - 0x30)
        }
        return value
    }

    private static func expect(_ bytes: inout ArraySlice<UInt8>, _ character: Unicode.Scalar) -> Bool {
        guard bytes.first == UInt8(ascii: character) else { return false }
        bytes.removeFirst()
        return true
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    private static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The proleptic Gregorian date of a day count since 1970-01-01 (Howard Hinnant's `civil_from_days`).
    static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = days + 719_468
        let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }
}
