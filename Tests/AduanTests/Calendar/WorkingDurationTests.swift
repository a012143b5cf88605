import AduanCore
import Foundation
import Testing

/// SLA durations: deadlines forwards and escalation points backwards, on the Indonesian calendar.
@Suite("working durations")
struct WorkingDurationTests {
    struct DurationCase: Sendable, CustomTestStringConvertible {
        var situation: String
        var duration: WorkingDuration
        var anchor: String
        var expected: String
        var testDescription: String { "\(situation): \(anchor) ∓ \(duration) → \(expected)" }
    }

    static let deadlineCases: [DurationCase] = [
        .init(
            situation: "working hours",
            duration: .init(4, .workingHours),
            anchor: "2026-03-13 10:00",
            expected: "2026-03-13 15:30"
        ),
        .init(
            situation: "working days",
            duration: .init(5, .workingDays),
            anchor: "2026-03-17 10:00",
            expected: "2026-03-31 16:00"
        ),
        .init(
            situation: "wall-clock hours ignore working time",
            duration: .init(3, .hours),
            anchor: "2026-03-13 15:00",
            expected: "2026-03-13 18:00"
        ),
        .init(
            situation: "wall-clock minutes",
            duration: .init(90, .minutes),
            anchor: "2026-03-14 23:00",
            expected: "2026-03-15 00:30"
        ),
        .init(
            situation: "calendar days ignore holidays",
            duration: .init(1, .days),
            anchor: "2026-03-19 10:00",
            expected: "2026-03-20 10:00"
        ),
        .init(
            situation: "a negative amount counts back",
            duration: .init(-1, .workingDays),
            anchor: "2026-03-31 16:00",
            expected: "2026-03-30 16:00"
        ),
    ]

    @Test("a deadline adds the duration in its unit", arguments: deadlineCases)
    func deadline(_ row: DurationCase) {
        let deadline = row.duration.deadline(from: CalendarFixtures.date(row.anchor), in: CalendarFixtures.indonesia)
        #expect(CalendarFixtures.local(deadline) == row.expected)
    }

    static let subtractedCases: [DurationCase] = [
        .init(
            situation: "end of a working day to the end of the one before",
            duration: .init(1, .workingDays),
            anchor: "2026-03-31 16:00",
            expected: "2026-03-30 16:00"
        ),
        .init(
            situation: "Monday's close to Friday's later close",
            duration: .init(1, .workingDays),
            anchor: "2026-03-16 16:00",
            expected: "2026-03-13 16:30"
        ),
        .init(
            situation: "Friday's close to Thursday's earlier close",
            duration: .init(1, .workingDays),
            anchor: "2026-03-13 16:30",
            expected: "2026-03-12 16:00"
        ),
        .init(
            situation: "same time of day, back over the holidays",
            duration: .init(1, .workingDays),
            anchor: "2026-03-25 10:00",
            expected: "2026-03-17 10:00"
        ),
        .init(
            situation: "a time in Friday's break moves to Friday's 11:30",
            duration: .init(1, .workingDays),
            anchor: "2026-03-16 12:00",
            expected: "2026-03-13 11:30"
        ),
        .init(
            situation: "Friday afternoon to Thursday afternoon",
            duration: .init(1, .workingDays),
            anchor: "2026-03-13 15:00",
            expected: "2026-03-12 15:00"
        ),
        .init(
            situation: "from the Friday break: place is the 11:30 closing",
            duration: .init(1, .workingDays),
            anchor: "2026-03-13 12:00",
            expected: "2026-03-12 11:30"
        ),
        .init(
            situation: "from Saturday: place is Friday's close",
            duration: .init(1, .workingDays),
            anchor: "2026-03-14 10:00",
            expected: "2026-03-12 16:00"
        ),
        .init(
            situation: "before Monday's opening: place is Friday's close",
            duration: .init(1, .workingDays),
            anchor: "2026-03-16 07:00",
            expected: "2026-03-12 16:00"
        ),
        .init(
            situation: "a due date of 5 working days back to its 4th",
            duration: .init(1, .workingDays),
            anchor: "2026-04-14 16:00",
            expected: "2026-04-13 16:00"
        ),
        .init(
            situation: "three working days back over Idul Fitri",
            duration: .init(3, .workingDays),
            anchor: "2026-03-26 16:00",
            expected: "2026-03-16 16:00"
        ),
        .init(
            situation: "working hours back across the weekend",
            duration: .init(1, .workingHours),
            anchor: "2026-03-16 08:00",
            expected: "2026-03-13 16:00"
        ),
        .init(
            situation: "working hours back onto an opening stay there",
            duration: .init(1, .workingHours),
            anchor: "2026-03-16 08:30",
            expected: "2026-03-16 07:30"
        ),
        .init(
            situation: "working hours back from a closing",
            duration: .init(2, .workingHours),
            anchor: "2026-03-16 16:00",
            expected: "2026-03-16 14:00"
        ),
        .init(
            situation: "wall-clock hours",
            duration: .init(2, .hours),
            anchor: "2026-03-16 08:00",
            expected: "2026-03-16 06:00"
        ),
        .init(
            situation: "calendar days",
            duration: .init(2, .days),
            anchor: "2026-03-16 08:00",
            expected: "2026-03-14 08:00"
        ),
        .init(
            situation: "zero is the anchor",
            duration: .init(0, .workingDays),
            anchor: "2026-03-14 10:00",
            expected: "2026-03-14 10:00"
        ),
        .init(
            situation: "a negative amount counts forwards",
            duration: .init(-2, .workingHours),
            anchor: "2026-03-13 15:00",
            expected: "2026-03-16 08:00"
        ),
    ]

    @Test("subtracting goes back to the same place in working time", arguments: subtractedCases)
    func subtracted(_ row: DurationCase) {
        let point = row.duration.subtracted(from: CalendarFixtures.date(row.anchor), in: CalendarFixtures.indonesia)
        #expect(CalendarFixtures.local(point) == row.expected)
    }

    @Test("description and Codable use the rules' unit words")
    func textForms() throws {
        let duration = WorkingDuration(4, .workingHours)
        #expect(duration.description == "4 working_hours")
        #expect(WorkingDuration(2, .workingDays).description == "2 working_days")
        let data = try JSONEncoder().encode(duration)
        #expect(try JSONDecoder().decode(WorkingDuration.self, from: data) == duration)
        #expect(String(decoding: data, as: UTF8.self).contains("\"working_hours\""))
    }
}
