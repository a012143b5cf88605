import AduanCore
import Foundation
import Testing

/// The edges of the arithmetic: long closures, zero and negative amounts, fractions of a second.
@Suite("working time: edge cases")
struct WorkingCalendarEdgeTests {
    static let indonesia = CalendarFixtures.indonesia

    @Test("a closure of a whole month is jumped over in one call")
    func longClosure() {
        let march = (1...31).map { String(format: "2026-03-%02d", $0) }
        let calendar = CalendarFixtures.calendar(WorkingHours.indonesianGovernment.description, holidays: march)
        let fridayClose = CalendarFixtures.date("2026-02-27 16:30")
        #expect(CalendarFixtures.local(calendar.adding(workingSeconds: 1, to: fridayClose)) == "2026-04-01 07:30:01")
        #expect(CalendarFixtures.local(calendar.adding(workingDays: 1, to: fridayClose)) == "2026-04-01 16:00")
        let fridayAfternoon = CalendarFixtures.date("2026-02-27 16:00")
        #expect(calendar.workingSeconds(from: fridayAfternoon, to: CalendarFixtures.date("2026-04-01 07:31")) == 1_860)
        #expect(calendar.skippedDays(from: fridayClose, to: CalendarFixtures.date("2026-04-01 07:30")).count == 32)
    }

    @Test("zero working seconds is the next opening, or the start inside working time")
    func zeroSeconds() {
        let saturday = CalendarFixtures.date("2026-03-14 10:00")
        #expect(CalendarFixtures.local(Self.indonesia.adding(workingSeconds: 0, to: saturday)) == "2026-03-16 07:30")
        let inside = CalendarFixtures.date("2026-03-16 10:00").addingTimeInterval(0.25)
        #expect(Self.indonesia.adding(workingSeconds: 0, to: inside) == inside)
        #expect(Self.indonesia.nextOpening(atOrAfter: inside) == inside)
    }

    @Test("negative amounts count backwards")
    func negativeAmounts() {
        let anchor = CalendarFixtures.date("2026-03-25 10:00")
        #expect(
            Self.indonesia.adding(workingDays: -1, to: anchor)
                == Self.indonesia.subtracting(workingDays: 1, from: anchor)
        )
        #expect(
            Self.indonesia.subtracting(workingDays: -5, from: anchor)
                == Self.indonesia.adding(workingDays: 5, to: anchor)
        )
        #expect(CalendarFixtures.local(Self.indonesia.adding(workingSeconds: -3_600, to: anchor)) == "2026-03-25 09:00")
    }

    @Test("fractions of a second are dropped from every instant")
    func fractions() {
        let start = CalendarFixtures.date("2026-03-16 10:00").addingTimeInterval(0.75)
        #expect(CalendarFixtures.local(Self.indonesia.adding(workingSeconds: 60, to: start)) == "2026-03-16 10:01")
        #expect(Self.indonesia.workingSeconds(from: start, to: start.addingTimeInterval(90.5)) == 91)
        #expect(Self.indonesia.isWorkingTime(CalendarFixtures.date("2026-03-16 16:00").addingTimeInterval(-0.5)))
        #expect(!Self.indonesia.isWorkingTime(CalendarFixtures.date("2026-03-16 16:00").addingTimeInterval(0.5)))
    }

    @Test("a calendar's zone can change and keeps its hours on the new wall clock")
    func changingZone() {
        var calendar = Self.indonesia
        calendar.timeZone = TimeZone(identifier: "Asia/Jayapura")!
        let start = CalendarFixtures.date("2026-03-16 07:00")
        #expect(calendar.isWorkingTime(start))
        #expect(!Self.indonesia.isWorkingTime(start))
        #expect(calendar != Self.indonesia)
    }
}
