import AduanCore
import Foundation
import Testing

/// One row of a golden table: a calendar, a local start, an amount of working time and the expected local result.
struct WorkingTimeCase: Sendable, CustomTestStringConvertible {
    /// Where the case comes from, and how it differs from the original when it does.
    var origin: String
    var hours: String
    var holidays: [String] = []
    var zone = "Asia/Jakarta"
    var start: String
    var seconds: Int
    var expected: String

    var testDescription: String { "\(origin): \(start) ± \(seconds) s → \(expected)" }

    var calendar: WorkingCalendar { CalendarFixtures.calendar(hours, holidays: holidays, zone: zone) }

    var timeZone: TimeZone { TimeZone(identifier: zone)! }

}

extension Int {
    /// Seconds in that many hours, for readable tables.
    static func hours(_ hours: Double) -> Int { Int(hours * 3_600) }
}
