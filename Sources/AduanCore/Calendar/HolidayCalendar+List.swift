import Foundation

extension HolidayCalendar {
    /// Parses a dated list: one `2026-03-20 Idul Fitri 1447 H` per line; `#` starts a comment line; blank
    /// lines are ignored; CRLF or LF.
    ///
    /// - Throws: ``CalendarError`` with the line (and column) of the first bad line.
    public static func parseList(_ text: String) throws(CalendarError) -> HolidayCalendar {
        var names: [Int: String] = [:]
        var lineNumber = 0
        for line in text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineBreak) {
            lineNumber += 1
            let content = line.drop { $0 == " " || $0 == "\t" }
            if content.isEmpty || content.hasPrefix("#") { continue }
            let column = line.count - content.count + 1
            let dateText = content.prefix { $0 != " " && $0 != "\t" }
            guard let date = CivilDate(iso: String(dateText)) else {
                throw CalendarError(
                    "expected a date such as 2026-03-20 and a name, found '\(dateText)'",
                    line: lineNumber,
                    column: column
                )
            }
            let name = content.dropFirst(dateText.count).trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty else {
                throw CalendarError(
                    "\(date.iso) needs a name after the date, e.g. '\(date.iso) Idul Fitri 1447 H'",
                    line: lineNumber,
                    column: column + dateText.count
                )
            }
            add(name, day: date.dayNumber, to: &names)
        }
        return HolidayCalendar(names: names)
    }
}
