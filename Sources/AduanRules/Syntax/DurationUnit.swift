import AduanCore

/// The unit of a duration such as `4 working_hours`.
public enum DurationUnit: String, Sendable, Hashable, CaseIterable {
    /// Wall-clock minutes.
    case minutes
    /// Wall-clock hours.
    case hours
    /// Calendar days.
    case days
    /// Hours of working time of the applicable calendar.
    case workingHours = "working_hours"
    /// Working days of the applicable calendar.
    case workingDays = "working_days"

    /// Parses a unit word; the singular (`1 working_day`) is accepted as well as the plural.
    public init?(word: String) {
        if let unit = DurationUnit(rawValue: word) {
            self = unit
        } else if let unit = DurationUnit(rawValue: word + "s") {
            self = unit
        } else {
            return nil
        }
    }

    /// The same unit for SLA arithmetic.
    var workingDurationUnit: WorkingDuration.Unit {
        switch self {
        case .minutes: .minutes
        case .hours: .hours
        case .days: .days
        case .workingHours: .workingHours
        case .workingDays: .workingDays
        }
    }

    /// Every accepted unit word, singular and plural, for suggestions.
    public static let words: [String] = allCases.flatMap { [$0.rawValue, String($0.rawValue.dropLast())] }
}
