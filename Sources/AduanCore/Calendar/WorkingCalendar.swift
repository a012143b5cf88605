public import Foundation

/// Working time in one place: a time zone, weekly hours and holidays; the arithmetic of SLA deadlines.
///
/// All arithmetic works on whole seconds (a fraction of a second in an input is dropped, except that
/// ``nextOpening(atOrAfter:)`` returns its input unchanged when that is working time), uses the zone's offset
/// at each instant, and jumps from interval to interval and week to week, never minute by minute. Working
/// time is half-open: an interval `07:30-16:00` contains 07:30:00 but not 16:00:00.
///
/// There is always working time ahead and behind: ``WorkingHours`` cannot be empty and a
/// ``HolidayCalendar`` is finite, so every search for the next working day ends.
public struct WorkingCalendar: Sendable, Hashable {
    /// The zone whose wall clock the hours and holidays are written in.
    public var timeZone: TimeZone {
        didSet { zone = ZoneOffsets(timeZone) }
    }
    /// The weekly working intervals.
    public var hours: WorkingHours
    /// The days off on top of the weekly hours.
    public var holidays: HolidayCalendar
    /// The zone's offsets, derived from ``timeZone``.
    private(set) var zone: ZoneOffsets

    /// Creates a calendar from its zone, weekly hours and holidays.
    public init(timeZone: TimeZone, hours: WorkingHours, holidays: HolidayCalendar) {
        self.timeZone = timeZone
        self.hours = hours
        self.holidays = holidays
        zone = ZoneOffsets(timeZone)
    }

    /// Indonesian government offices: Asia/Jakarta (WIB) and ``WorkingHours/indonesianGovernment``.
    public static func indonesia(holidays: HolidayCalendar) -> WorkingCalendar {
        WorkingCalendar(timeZone: jakarta, hours: .indonesianGovernment, holidays: holidays)
    }

    private static let jakarta = TimeZone(identifier: "Asia/Jakarta") ?? TimeZone(secondsFromGMT: 7 * 3_600)!

    /// Whether the instant is inside a working interval of a working day (closing instants are not).
    public func isWorkingTime(_ date: Date) -> Bool {
        let second = Self.second(of: date)
        return openingSecond(atOrAfter: second) == second
    }

    /// The instant itself when it is working time, else the next opening.
    public func nextOpening(atOrAfter date: Date) -> Date {
        if isWorkingTime(date) { return date }
        return Self.date(openingSecond(atOrAfter: Self.second(of: date)))
    }

    /// Whether the day has working hours and is not a holiday.
    public func isWorkingDay(_ day: CivilDate) -> Bool { isWorkingDay(day.dayNumber) }

    /// The deadline `workingSeconds` of working time after `start`.
    ///
    /// Counting starts at `start`, or at the next opening when `start` is outside working time. A deadline
    /// that lands exactly on a closing time is that closing time, not the next opening; zero is the next
    /// opening (or `start` itself inside working time). A negative amount counts backwards, as
    /// ``subtracting(workingSeconds:from:)`` does.
    public func adding(workingSeconds: Int, to start: Date) -> Date {
        if workingSeconds < 0 { return subtracting(workingSeconds: -workingSeconds, from: start) }
        if workingSeconds == 0 { return nextOpening(atOrAfter: start) }
        return Self.date(secondAdding(workingSeconds, to: Self.second(of: start)))
    }

    /// The end of the last working interval of the `workingDays`-th working day after the day of receipt.
    ///
    /// The day of receipt (the local day of `start`) never counts, whether `start` is inside working hours,
    /// before them, after them or on a day off. Zero working days is the end of the day of receipt when that
    /// is a working day not yet closed at `start`, else the end of the next working day. A negative amount
    /// counts backwards, as ``subtracting(workingDays:from:)`` does.
    public func adding(workingDays: Int, to start: Date) -> Date {
        if workingDays < 0 { return subtracting(workingDays: -workingDays, from: start) }
        let second = Self.second(of: start)
        var day = zone.localDay(of: second)
        if workingDays == 0 {
            if !isWorkingDay(day) || closingSecond(ofDay: day) <= second { day = workingDay(after: day) }
        } else {
            for _ in 0..<workingDays { day = workingDay(after: day) }
        }
        return Self.date(closingSecond(ofDay: day))
    }

    /// The working time between two instants, in whole seconds; 0 when `end` is not after `start`.
    public func workingSeconds(from start: Date, to end: Date) -> Int {
        workingSecondsBetween(Self.second(of: start), Self.second(of: end))
    }

    /// The days off from the day of `from` to the day of `to`, both included, with the reason for each: the
    /// holiday's name, or the weekday's English name (`Saturday`) for a day without working hours.
    public func skippedDays(from: Date, to: Date) -> [(day: CivilDate, reason: String)] {
        let first = zone.localDay(of: Self.second(of: from))
        let last = zone.localDay(of: Self.second(of: to))
        guard first <= last else { return [] }
        return (first...last).compactMap { day in
            if let name = holidays.names[day] { return (CivilDate(dayNumber: day), name) }
            let weekday = CivilDate.weekday(ofDayNumber: day)
            guard hours.daySeconds[weekday - 1] == 0 else { return nil }
            return (CivilDate(dayNumber: day), Self.weekdayNames[weekday - 1])
        }
    }

    private static let weekdayNames = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

    /// Whole seconds since 1970, rounded down.
    @inline(__always)
    static func second(of date: Date) -> Int { Int(date.timeIntervalSince1970.rounded(.down)) }

    @inline(__always)
    static func date(_ second: Int) -> Date { Date(timeIntervalSince1970: Double(second)) }
}
