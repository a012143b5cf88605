import AduanBench
import AduanCore
import Foundation
import Testing

/// Laws that hold for every start and amount, checked on seeded random samples so that failures repeat.
@Suite("working time: properties")
struct WorkingCalendarPropertyTests {
    static let calendars: [(String, WorkingCalendar)] = [
        ("Indonesia with 2025-2027 holidays", CalendarFixtures.indonesia),
        (
            "biz schedule in Europe/Berlin (DST)",
            CalendarFixtures.calendar(
                WorkingCalendarGoldenTests.bizHours,
                holidays: ["2026-04-06", "2026-12-25"],
                zone: "Europe/Berlin"
            )
        ),
        (
            "round the clock in America/Sao_Paulo (historic DST)",
            CalendarFixtures.calendar("Mon-Sun 00:00-24:00", holidays: ["2018-11-02"], zone: "America/Sao_Paulo")
        ),
        (
            "night shift with a break in Asia/Jayapura",
            CalendarFixtures.calendar("Sun-Thu 00:00-02:00 19:00-24:00, Fri 00:00-02:00", zone: "Asia/Jayapura")
        ),
    ]

    /// A random instant between 2015 and 2028 and a random amount, small or up to about 60 working days.
    static func samples(seed: UInt64, count: Int) -> [(start: Date, seconds: Int)] {
        var generator = SplitMix64(seed: seed)
        return (0..<count).map { index in
            let start = Date(
                timeIntervalSince1970: Double(Int.random(in: 1_420_070_400...1_830_297_600, using: &generator))
            )
            let limit = index % 3 == 0 ? 7_200 : 2_000_000
            return (start, Int.random(in: 1...limit, using: &generator))
        }
    }

    @Test("working seconds from a start to start + t are t", arguments: 0..<calendars.count)
    func addingThenMeasuring(calendarIndex: Int) {
        let (name, calendar) = Self.calendars[calendarIndex]
        for (start, seconds) in Self.samples(seed: 0xAD0A_0001 + UInt64(calendarIndex), count: 3_000) {
            let end = calendar.adding(workingSeconds: seconds, to: start)
            let measured = calendar.workingSeconds(from: start, to: end)
            #expect(
                measured == seconds,
                "\(name): from \(RFC3339.format(start)) + \(seconds) s = \(RFC3339.format(end))"
            )
            if measured != seconds { return }
            #expect(
                calendar.isWorkingTime(end.addingTimeInterval(-1)),
                "\(name): \(RFC3339.format(end)) follows working time"
            )
        }
    }

    @Test("working seconds from anchor − t to the anchor are t", arguments: 0..<calendars.count)
    func subtractingThenMeasuring(calendarIndex: Int) {
        let (name, calendar) = Self.calendars[calendarIndex]
        for (anchor, seconds) in Self.samples(seed: 0xAD0A_0100 + UInt64(calendarIndex), count: 3_000) {
            let start = calendar.subtracting(workingSeconds: seconds, from: anchor)
            let measured = calendar.workingSeconds(from: start, to: anchor)
            #expect(measured == seconds, "\(name): \(RFC3339.format(anchor)) − \(seconds) s = \(RFC3339.format(start))")
            if measured != seconds { return }
            #expect(calendar.isWorkingTime(start), "\(name): \(RFC3339.format(start)) is working time")
        }
    }

    @Test("working days end at the close of a working day, never on a holiday", arguments: 0..<calendars.count)
    func workingDaysLandOnClosings(calendarIndex: Int) {
        let (name, calendar) = Self.calendars[calendarIndex]
        var generator = SplitMix64(seed: 0xAD0A_0200 + UInt64(calendarIndex))
        for (start, _) in Self.samples(seed: 0xAD0A_0300 + UInt64(calendarIndex), count: 2_000) {
            let days = Int.random(in: 1...60, using: &generator)
            let due = calendar.adding(workingDays: days, to: start)
            let lastSecond = due.addingTimeInterval(-1)
            #expect(calendar.isWorkingTime(lastSecond), "\(name): \(RFC3339.format(due)) closes working time")
            let day = Self.civilDay(of: lastSecond, in: calendar.timeZone)
            let isMidnight = Self.civilDay(of: due, in: calendar.timeZone) != day
            #expect(!calendar.isWorkingTime(due) || isMidnight, "\(name): \(RFC3339.format(due)) is a closing")
            #expect(calendar.holidays.name(of: day) == nil, "\(name): \(day.iso) is a holiday")
            #expect(calendar.isWorkingDay(day))
            #expect(due > start)
        }
    }

    @Test("counting working days back from a due date returns to the end of an earlier working day")
    func workingDaysBackFromDueDates() {
        let calendar = CalendarFixtures.indonesia
        var generator = SplitMix64(seed: 0xAD0A_0400)
        for (start, _) in Self.samples(seed: 0xAD0A_0500, count: 1_000) {
            let days = Int.random(in: 2...30, using: &generator)
            let due = calendar.adding(workingDays: days, to: start)
            let earlier = calendar.subtracting(workingDays: 1, from: due)
            #expect(earlier == calendar.adding(workingDays: days - 1, to: start), "\(RFC3339.format(start)) + \(days)")
        }
    }

    private static func civilDay(of date: Date, in zone: TimeZone) -> CivilDate {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)!
    }
}
