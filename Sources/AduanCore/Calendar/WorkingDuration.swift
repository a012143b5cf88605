public import Foundation

/// An SLA duration: `4 working_hours`, `2 working_days`, `3 hours`, `1 days`, `30 minutes`.
public struct WorkingDuration: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What the amount counts.
    public enum Unit: String, Sendable, Hashable, Codable {
        /// Hours of working time of the calendar.
        case workingHours = "working_hours"
        /// Working days of the calendar, ending at the close of the last one.
        case workingDays = "working_days"
        /// Wall-clock hours.
        case hours
        /// Calendar days: the same wall-clock time that many days later in the calendar's zone.
        case days
        /// Wall-clock minutes.
        case minutes
    }

    /// How many units; negative amounts count backwards.
    public var amount: Int
    /// The unit of ``amount``.
    public var unit: Unit

    /// Creates a duration of `amount` units.
    public init(_ amount: Int, _ unit: Unit) {
        self.amount = amount
        self.unit = unit
    }

    /// `4 working_hours`.
    public var description: String { "\(amount) \(unit.rawValue)" }

    /// The instant this long after `start`: wall-clock for minutes, hours and days; by the calendar for working
    /// units (``WorkingCalendar/adding(workingSeconds:to:)``, ``WorkingCalendar/adding(workingDays:to:)``).
    public func deadline(from start: Date, in calendar: WorkingCalendar) -> Date {
        switch unit {
        case .minutes: start.addingTimeInterval(Double(amount) * 60)
        case .hours: start.addingTimeInterval(Double(amount) * 3_600)
        case .days: calendar.adding(calendarDays: amount, to: start)
        case .workingHours: calendar.adding(workingSeconds: amount * 3_600, to: start)
        case .workingDays: calendar.adding(workingDays: amount, to: start)
        }
    }

    /// The instant this long before `anchor`, for escalation steps such as `respond_deadline - 1 working_day`.
    ///
    /// Wall-clock units go back in wall-clock time; `working_hours` go back that much working time
    /// (``WorkingCalendar/subtracting(workingSeconds:from:)``: the latest such instant, an opening rather than
    /// the closing before it); `working_days` go back to the same place in an earlier working day
    /// (``WorkingCalendar/subtracting(workingDays:from:)``: a deadline at the end of a working day maps to the
    /// end of the working day that many working days before).
    public func subtracted(from anchor: Date, in calendar: WorkingCalendar) -> Date {
        switch unit {
        case .minutes: anchor.addingTimeInterval(-Double(amount) * 60)
        case .hours: anchor.addingTimeInterval(-Double(amount) * 3_600)
        case .days: calendar.adding(calendarDays: -amount, to: anchor)
        case .workingHours: calendar.subtracting(workingSeconds: amount * 3_600, from: anchor)
        case .workingDays: calendar.subtracting(workingDays: amount, from: anchor)
        }
    }
}
