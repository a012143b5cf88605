public import Foundation

/// RFC 5322 date-times (`Tue, 17 Mar 2026 10:00:00 +0700`), including the obsolete forms old clients still send:
/// no weekday, two- or three-digit years, no seconds, zone names (`GMT`, `UT`, `EST`, military letters) and
/// comments such as `(WIB)`.
public enum MailDate {
    /// The instant a Date field names, or `nil` when it is not a date-time.
    ///
    /// A missing zone, a military letter and `-0000` mean UTC (RFC 5322 §4.3 says their offset is unknown).
    public static func parse(_ text: String) -> Date? {
        parse(Array(text.utf8)[...])
    }

    static func parse(_ bytes: ArraySlice<UInt8>) -> Date? {
        var tokens = tokenize(bytes)[...]
        guard let first = tokens.first else { return nil }
        if MailBytes.isLetter(first[first.startIndex]) {
            tokens.removeFirst()  // day of week; not checked against the date, as most readers do not
        }
        guard tokens.count >= 4, let day = number(tokens.removeFirst()), let month = month(tokens.removeFirst()),
            let yearToken = tokens.first, let writtenYear = number(yearToken)
        else { return nil }
        tokens.removeFirst()
        let year: Int
        switch yearToken.count {
        case 2: year = writtenYear < 50 ? 2000 + writtenYear : 1900 + writtenYear
        case 3: year = 1900 + writtenYear
        case 4: year = writtenYear
        default: return nil
        }
        guard let (hour, minute, second) = time(tokens.removeFirst()) else { return nil }
        var offsetSeconds = 0
        if let zone = tokens.first {
            guard let offset = zoneOffset(zone) else { return nil }
            offsetSeconds = offset
        }
        guard (1...31).contains(day), day <= RFC3339.daysIn(month: month, year: year), hour < 24, minute < 60,
            second <= 60
        else { return nil }
        let days = RFC3339.daysFromCivil(year: year, month: month, day: day)
        let seconds = days * 86_400 + hour * 3_600 + minute * 60 + min(second, 59) - offsetSeconds
        return Date(timeIntervalSince1970: Double(seconds))
    }

    /// Words split at blanks and commas, comments removed.
    private static func tokenize(_ bytes: ArraySlice<UInt8>) -> [ArraySlice<UInt8>] {
        var tokens: [ArraySlice<UInt8>] = []
        var index = bytes.startIndex
        var tokenStart = index
        var commentDepth = 0
        while index < bytes.endIndex {
            let byte = bytes[index]
            let isSeparator =
                commentDepth > 0 || MailBytes.isWhitespace(byte) || byte == UInt8(ascii: ",")
                || byte == UInt8(ascii: "(")
            if isSeparator {
                if index > tokenStart && commentDepth == 0 { tokens.append(bytes[tokenStart..<index]) }
                if byte == UInt8(ascii: "(") {
                    commentDepth += 1
                } else if byte == UInt8(ascii: ")") {
                    commentDepth -= 1
                }
                tokenStart = index + 1
            }
            index += 1
        }
        if index > tokenStart && commentDepth == 0 { tokens.append(bytes[tokenStart..<index]) }
        return tokens
    }

    private static func number(_ token: ArraySlice<UInt8>) -> Int? {
        guard !token.isEmpty, token.count <= 4 else { return nil }
        var value = 0
        for byte in token {
            guard MailBytes.isDigit(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    /// `Jan`…`Dec`, any case; longer spellings (`March`) are read by their first three letters.
    private static func month(_ token: ArraySlice<UInt8>) -> Int? {
        guard token.count >= 3 else { return nil }
        let start = token.startIndex
        let key =
            String(
                decoding: [token[start], token[start + 1], token[start + 2]].map(MailBytes.lowercased),
                as: UTF8.self
            )
        guard let index = monthNames.firstIndex(of: key) else { return nil }
        return index + 1
    }

    private static let monthNames = [
        "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
    ]

    /// `HH:MM` or `HH:MM:SS`.
    private static func time(_ token: ArraySlice<UInt8>) -> (Int, Int, Int)? {
        let parts = token.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false)
        guard parts.count == 2 || parts.count == 3, parts.allSatisfy({ $0.count == 2 || $0.count == 1 }),
            let hour = number(parts[0]), let minute = number(parts[1])
        else { return nil }
        guard parts.count == 3 else { return (hour, minute, 0) }
        guard let second = number(parts[2]) else { return nil }
        return (hour, minute, second)
    }

    /// `+HHMM`/`-HHMM`, or a zone name from RFC 5322 §4.3 (plus Indonesia's WIB, WITA and WIT).
    private static func zoneOffset(_ token: ArraySlice<UInt8>) -> Int? {
        let start = token.startIndex
        if token.count == 5, token[start] == UInt8(ascii: "+") || token[start] == UInt8(ascii: "-"),
            let hours = number(token[(start + 1)..<(start + 3)]), let minutes = number(token[(start + 3)...]),
            minutes < 60
        {
            let offset = (hours * 60 + minutes) * 60
            return token[start] == UInt8(ascii: "-") ? -offset : offset
        }
        let name = MailBytes.lowercasedString(token)
        if name.count == 1, MailBytes.isLetter(token[start]), name != "j" { return 0 }
        return zoneNames[name].map { $0 * 3_600 }
    }

    private static let zoneNames: [String: Int] = [
        "ut": 0, "utc": 0, "gmt": 0, "z": 0,
        "est": -5, "edt": -4, "cst": -6, "cdt": -5, "mst": -7, "mdt": -6, "pst": -8, "pdt": -7,
        "wib": 7, "wita": 8, "wit": 9,
    ]
}
