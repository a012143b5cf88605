extension HolidayCalendar {
    /// Parses an iCalendar (RFC 5545) file of all-day events.
    ///
    /// Each `VEVENT` whose `DTSTART` is a date (`DTSTART;VALUE=DATE:20260320`) makes every day from its start
    /// up to, not including, its `DTEND` a holiday named by its `SUMMARY` (`DURATION:P2D` works too; with
    /// neither, one day). Folded lines, CRLF or LF line ends and the text escapes `\\ \; \, \n` are understood.
    /// Events with a time of day (`DTSTART:20260320T090000`) are skipped: a holiday closes whole days, and
    /// public feeds mix such observances in. Cancelled events (`STATUS:CANCELLED`) are skipped as well.
    /// Recurring events (`RRULE`, `RDATE`) are refused rather than misread: list each date.
    ///
    /// - Throws: ``CalendarError`` with the (physical, 1-based) line of the first problem.
    public static func parseICS(_ text: String) throws(CalendarError) -> HolidayCalendar {
        var parser = ICalendarParser()
        for line in ICalendarContentLine.unfold(text) {
            try parser.read(line)
        }
        return HolidayCalendar(names: try parser.finish())
    }
}
