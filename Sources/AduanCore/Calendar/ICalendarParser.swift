import Foundation

/// Collects the all-day `VEVENT`s of an iCalendar stream, one content line at a time.
struct ICalendarParser {
    /// An event being read, with the lines of its properties for errors.
    private struct Event {
        var beginLine: Int
        var start: (day: Int, line: Int)?
        var isTimed = false
        var end: (day: Int, line: Int)?
        var durationDays: (days: Int, line: Int)?
        var summary: String?
        var isCancelled = false
    }

    /// The longest event accepted, so that a typo in a year cannot make a million holidays.
    private static let longestEventDays = 366

    /// Open components, innermost last, with the line of their `BEGIN`.
    private var components: [(name: String, line: Int)] = []
    private var event: Event?
    private var sawCalendar = false
    private var names: [Int: String] = [:]

    /// Reads one unfolded content line.
    mutating func read(_ line: ICalendarContentLine) throws(CalendarError) {
        guard !line.name.isEmpty else {
            throw CalendarError("expected NAME:value, found '\(line.value.prefix(40))'", line: line.line)
        }
        if components.isEmpty, !(line.name == "BEGIN" && line.value.uppercased() == "VCALENDAR") {
            let what = sawCalendar ? "after END:VCALENDAR" : "before BEGIN:VCALENDAR (is this an iCalendar file?)"
            throw CalendarError("unexpected \(line.name) \(what)", line: line.line)
        }
        switch line.name {
        case "BEGIN":
            let component = line.value.uppercased()
            if component == "VCALENDAR" { sawCalendar = true }
            if component == "VEVENT" { event = Event(beginLine: line.line) }
            components.append((component, line.line))
        case "END":
            let component = line.value.uppercased()
            guard let open = components.last, open.name == component else {
                let open = components.last.map { "BEGIN:\($0.name) of line \($0.line)" } ?? "no open component"
                throw CalendarError("END:\(component) does not match \(open)", line: line.line)
            }
            components.removeLast()
            if component == "VEVENT" { try finishEvent() }
        default:
            guard components.last?.name == "VEVENT" else { return }
            try readEventProperty(line)
        }
    }

    /// The holidays read, once the stream has ended.
    mutating func finish() throws(CalendarError) -> [Int: String] {
        if let open = components.last {
            throw CalendarError("BEGIN:\(open.name) is never closed with END:\(open.name)", line: open.line)
        }
        guard sawCalendar else { throw CalendarError("empty file: expected BEGIN:VCALENDAR", line: 1) }
        return names
    }

    private mutating func readEventProperty(_ line: ICalendarContentLine) throws(CalendarError) {
        switch line.name {
        case "DTSTART":
            guard let day = try date(line) else {
                event?.isTimed = true
                return
            }
            event?.start = (day, line.line)
        case "DTEND":
            guard let day = try date(line) else { return }
            event?.end = (day, line.line)
        case "DURATION":
            let days = try days(line)
            event?.durationDays = (days, line.line)
        case "SUMMARY":
            event?.summary = line.text.trimmingCharacters(in: .whitespaces)
        case "STATUS":
            event?.isCancelled = line.value.uppercased() == "CANCELLED"
        case "RRULE", "RDATE":
            throw CalendarError(
                "recurring events (\(line.name)) are not supported; list each holiday as its own event",
                line: line.line
            )
        default:
            return
        }
    }

    private mutating func finishEvent() throws(CalendarError) {
        guard let event else { return }
        self.event = nil
        if event.isTimed || event.isCancelled { return }
        guard let start = event.start else {
            throw CalendarError("event has no DTSTART;VALUE=DATE:YYYYMMDD", line: event.beginLine)
        }
        var endDay = start.day + 1
        if let end = event.end {
            guard end.day > start.day else {
                throw CalendarError(
                    "DTEND must be after DTSTART (DTEND is exclusive: the day after the last)",
                    line: end.line
                )
            }
            endDay = end.day
        } else if let duration = event.durationDays {
            guard duration.days > 0 else {
                throw CalendarError("DURATION must be at least one day", line: duration.line)
            }
            endDay = start.day + duration.days
        }
        guard endDay - start.day <= Self.longestEventDays else {
            throw CalendarError(
                "event lasts \(endDay - start.day) days, more than a year; check DTEND",
                line: event.end?.line ?? event.beginLine
            )
        }
        let name = event.summary.flatMap { $0.isEmpty ? nil : $0 } ?? "Holiday"
        for day in start.day..<endDay {
            HolidayCalendar.add(name, day: day, to: &names)
        }
    }

    /// The day of a `DATE` value (`20260320`), or `nil` for a `DATE-TIME` (`20260320T090000Z`).
    private func date(_ line: ICalendarContentLine) throws(CalendarError) -> Int? {
        let value = line.value.trimmingCharacters(in: .whitespaces)
        if line.parameters["VALUE"]?.uppercased() != "DATE", value.contains("T") || value.contains("t") {
            return nil
        }
        let digits = Array(value.utf8)
        guard digits.count == 8, digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
            let year = Int(value.prefix(4)), let month = Int(value.dropFirst(4).prefix(2)),
            let day = Int(value.suffix(2)), let date = CivilDate(year: year, month: month, day: day)
        else {
            throw CalendarError("\(line.name) '\(value)' is not a date such as 20260320", line: line.line)
        }
        return date.dayNumber
    }

    /// Whole days of a `DURATION` such as `P1D` or `P2W` (a zero time part, `P1DT0H`, is allowed).
    private func days(_ line: ICalendarContentLine) throws(CalendarError) -> Int {
        var value = Substring(line.value.trimmingCharacters(in: .whitespaces).uppercased())
        if value.hasPrefix("+") { value = value.dropFirst() }
        if let time = value.firstIndex(of: "T"), value[value.index(after: time)...].allSatisfy({ "0HMS".contains($0) })
        {
            value = value[..<time]
        }
        guard value.hasPrefix("P"), let unit = value.last, unit == "D" || unit == "W",
            let count = Int(value.dropFirst().dropLast())
        else {
            throw CalendarError("DURATION '\(line.value)' is not a whole number of days (P1D, P2W)", line: line.line)
        }
        // Checked here, before any arithmetic: a count near Int.max overflowed `* 7` and `start + days` (fuzzing).
        let days = unit == "W" ? count.multipliedReportingOverflow(by: 7) : (partialValue: count, overflow: false)
        guard !days.overflow, days.partialValue <= Self.longestEventDays else {
            throw CalendarError("DURATION '\(line.value)' is more than a year; check it", line: line.line)
        }
        return days.partialValue
    }
}
