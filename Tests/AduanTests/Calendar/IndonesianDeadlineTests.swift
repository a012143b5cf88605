import AduanCore
import Foundation
import Testing

/// Deadlines on the Indonesian government calendar with the bundled 2025–2027 holidays (Asia/Jakarta).
@Suite("working time: Indonesian calendar")
struct IndonesianDeadlineTests {
    struct DayCase: Sendable, CustomTestStringConvertible {
        var situation: String
        var start: String
        var workingDays: Int
        var expected: String
        var testDescription: String { "\(situation): \(start) + \(workingDays) working days → \(expected)" }
    }

    static let dayCases: [DayCase] = [
        .init(
            situation: "Idul Fitri 1447 H, cuti bersama and Nyepi",
            start: "2026-03-17 10:00",
            workingDays: 5,
            expected: "2026-03-31 16:00"
        ),
        .init(
            situation: "received before opening: the day of receipt still does not count",
            start: "2026-03-17 06:00",
            workingDays: 5,
            expected: "2026-03-31 16:00"
        ),
        .init(
            situation: "received after closing: the day of receipt still does not count",
            start: "2026-03-17 20:00",
            workingDays: 5,
            expected: "2026-03-31 16:00"
        ),
        .init(
            situation: "one day before the Nyepi and Idul Fitri closure",
            start: "2026-03-17 10:00",
            workingDays: 1,
            expected: "2026-03-25 16:00"
        ),
        .init(
            situation: "Nyepi 1947 then Idul Fitri 1446 H with cuti bersama",
            start: "2025-03-27 10:00",
            workingDays: 1,
            expected: "2025-04-08 16:00"
        ),
        .init(
            situation: "Friday afternoon start",
            start: "2026-03-13 15:00",
            workingDays: 1,
            expected: "2026-03-16 16:00"
        ),
        .init(
            situation: "Friday afternoon start into the holidays",
            start: "2026-03-13 15:00",
            workingDays: 3,
            expected: "2026-03-25 16:00"
        ),
        .init(
            situation: "start in the Friday prayer break",
            start: "2026-03-13 12:00",
            workingDays: 1,
            expected: "2026-03-16 16:00"
        ),
        .init(situation: "Saturday start", start: "2026-03-07 10:00", workingDays: 1, expected: "2026-03-09 16:00"),
        .init(situation: "Sunday start", start: "2026-03-08 23:59", workingDays: 3, expected: "2026-03-11 16:00"),
        .init(
            situation: "ending on a Friday closes at 16:30",
            start: "2026-03-09 10:00",
            workingDays: 4,
            expected: "2026-03-13 16:30"
        ),
        .init(
            situation: "year end 2025: Natal and cuti bersama, then Tahun Baru",
            start: "2025-12-24 10:00",
            workingDays: 4,
            expected: "2026-01-02 16:30"
        ),
        .init(
            situation: "year end 2026: cuti bersama on Christmas Eve",
            start: "2026-12-23 10:00",
            workingDays: 2,
            expected: "2026-12-29 16:00"
        ),
        .init(
            situation: "14 working days over Idul Fitri",
            start: "2026-03-17 10:00",
            workingDays: 14,
            expected: "2026-04-14 16:00"
        ),
        .init(
            situation: "60 working days over Idul Fitri, Idul Adha and Waisak",
            start: "2026-03-17 10:00",
            workingDays: 60,
            expected: "2026-06-26 16:30"
        ),
        .init(
            situation: "60 working days over year end",
            start: "2025-12-01 09:15",
            workingDays: 60,
            expected: "2026-03-03 16:00"
        ),
        .init(
            situation: "30 working days into provisional 2027",
            start: "2026-11-20 14:00",
            workingDays: 30,
            expected: "2027-01-07 16:00"
        ),
        .init(
            situation: "zero: the end of the day of receipt",
            start: "2026-03-17 10:00",
            workingDays: 0,
            expected: "2026-03-17 16:00"
        ),
        .init(
            situation: "zero after closing: the end of the next working day",
            start: "2026-03-17 16:00",
            workingDays: 0,
            expected: "2026-03-25 16:00"
        ),
        .init(
            situation: "zero on Saturday: the end of Monday",
            start: "2026-03-07 10:00",
            workingDays: 0,
            expected: "2026-03-09 16:00"
        ),
    ]

    @Test("N working days end at the close of the N-th working day after the day of receipt", arguments: dayCases)
    func workingDays(_ row: DayCase) {
        let due = CalendarFixtures.indonesia.adding(workingDays: row.workingDays, to: CalendarFixtures.date(row.start))
        #expect(CalendarFixtures.local(due) == row.expected)
    }

    struct HourCase: Sendable, CustomTestStringConvertible {
        var situation: String
        var start: String
        var workingHours: Double
        var expected: String
        var testDescription: String { "\(situation): \(start) + \(workingHours) working hours → \(expected)" }
    }

    static let hourCases: [HourCase] = [
        .init(situation: "inside hours", start: "2026-03-16 09:00", workingHours: 4, expected: "2026-03-16 13:00"),
        .init(
            situation: "landing exactly on closing",
            start: "2026-03-16 08:00",
            workingHours: 8,
            expected: "2026-03-16 16:00"
        ),
        .init(
            situation: "at opening, a full day",
            start: "2026-03-16 07:30",
            workingHours: 8.5,
            expected: "2026-03-16 16:00"
        ),
        .init(
            situation: "landing exactly on the Friday break",
            start: "2026-03-13 07:30",
            workingHours: 4,
            expected: "2026-03-13 11:30"
        ),
        .init(
            situation: "across the Friday break",
            start: "2026-03-13 10:00",
            workingHours: 4,
            expected: "2026-03-13 15:30"
        ),
        .init(
            situation: "from the Friday break into Monday",
            start: "2026-03-13 12:00",
            workingHours: 4,
            expected: "2026-03-16 08:00"
        ),
        .init(
            situation: "Friday afternoon into Monday",
            start: "2026-03-13 15:00",
            workingHours: 4,
            expected: "2026-03-16 10:00"
        ),
        .init(situation: "Saturday start", start: "2026-03-14 10:00", workingHours: 4, expected: "2026-03-16 11:30"),
        .init(
            situation: "before Nyepi, Idul Fitri and cuti bersama",
            start: "2026-03-17 15:00",
            workingHours: 4,
            expected: "2026-03-25 10:30"
        ),
        .init(
            situation: "480 working hours over Idul Fitri",
            start: "2026-03-17 10:00",
            workingHours: 480,
            expected: "2026-06-23 15:30"
        ),
        .init(
            situation: "100 working hours over Nyepi and Idul Fitri 2025",
            start: "2025-03-20 11:45",
            workingHours: 100,
            expected: "2025-04-16 11:45"
        ),
        .init(
            situation: "300 working hours over year end",
            start: "2026-12-01 13:10",
            workingHours: 300,
            expected: "2027-01-26 13:10"
        ),
        .init(
            situation: "1000 working hours through provisional 2027",
            start: "2027-02-26 07:00",
            workingHours: 1_000,
            expected: "2027-08-31 11:30"
        ),
    ]

    @Test("N working hours count working time from receipt or the next opening", arguments: hourCases)
    func workingHours(_ row: HourCase) {
        let start = CalendarFixtures.date(row.start)
        let due = CalendarFixtures.indonesia.adding(workingSeconds: .hours(row.workingHours), to: start)
        #expect(CalendarFixtures.local(due) == row.expected)
        #expect(CalendarFixtures.indonesia.workingSeconds(from: start, to: due) == .hours(row.workingHours))
    }

    @Test("skipped days name the holiday or the weekday")
    func skippedDays() {
        let skipped = CalendarFixtures.indonesia.skippedDays(
            from: CalendarFixtures.date("2026-03-17 10:00"),
            to: CalendarFixtures.date("2026-03-31 16:00")
        )
        #expect(
            skipped.map(\.day.iso) == [
                "2026-03-18", "2026-03-19", "2026-03-20", "2026-03-21", "2026-03-22", "2026-03-23", "2026-03-24",
                "2026-03-28", "2026-03-29",
            ]
        )
        #expect(skipped[1].reason == "Hari Suci Nyepi Tahun Baru Saka 1948")
        #expect(skipped[3].reason == "Idul Fitri 1447 H")
        #expect(skipped[5].reason == "Cuti Bersama Idul Fitri 1447 H")
        #expect(skipped[7].reason == "Saturday")
        #expect(skipped[8].reason == "Sunday")
    }

    @Test("skipped days of a reversed span are none")
    func skippedDaysReversed() {
        let skipped = CalendarFixtures.indonesia.skippedDays(
            from: CalendarFixtures.date("2026-03-31 16:00"),
            to: CalendarFixtures.date("2026-03-17 10:00")
        )
        #expect(skipped.isEmpty)
    }

    @Test(
        "working time and working days follow the hours, the break and the holidays",
        arguments: [
            ("2026-03-16 07:29", false), ("2026-03-16 07:30", true), ("2026-03-16 15:59", true),
            ("2026-03-16 16:00", false), ("2026-03-13 11:29", true), ("2026-03-13 11:30", false),
            ("2026-03-13 12:59", false), ("2026-03-13 13:00", true), ("2026-03-13 16:29", true),
            ("2026-03-13 16:30", false), ("2026-03-14 10:00", false), ("2026-03-19 10:00", false),
            ("2026-03-25 10:00", true),
        ]
    )
    func workingTime(local: String, isWorking: Bool) {
        #expect(CalendarFixtures.indonesia.isWorkingTime(CalendarFixtures.date(local)) == isWorking)
    }

    @Test("holidays and weekends are not working days")
    func workingDay() {
        let calendar = CalendarFixtures.indonesia
        #expect(calendar.isWorkingDay(CivilDate(iso: "2026-03-17")!))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-03-20")!))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-03-21")!))
        #expect(!calendar.isWorkingDay(CivilDate(iso: "2026-12-24")!))
        #expect(calendar.isWorkingDay(CivilDate(iso: "2026-03-13")!))
    }

    @Test("Makassar (WITA) keeps the same wall-clock hours an hour earlier in UTC")
    func otherIndonesianZone() {
        let makassar = TimeZone(identifier: "Asia/Makassar")!
        var calendar = CalendarFixtures.indonesia
        calendar.timeZone = makassar
        let due = calendar.adding(workingDays: 5, to: CalendarFixtures.date("2026-03-17 10:00", in: makassar))
        #expect(CalendarFixtures.local(due, in: makassar) == "2026-03-31 16:00")
        #expect(due == CalendarFixtures.date("2026-03-31 15:00"))
    }
}
