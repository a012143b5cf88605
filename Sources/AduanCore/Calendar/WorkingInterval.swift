/// One stretch of working time within a day, in minutes after local midnight: `[start, end)`.
struct WorkingInterval: Sendable, Hashable {
    /// Opening, in minutes after midnight (0…1439).
    var start: Int
    /// Closing, in minutes after midnight (1…1440; 1440 is `24:00`).
    var end: Int

    /// Opening, in seconds after midnight.
    var startSecond: Int { start * 60 }

    /// Closing, in seconds after midnight.
    var endSecond: Int { end * 60 }

    /// `07:30-16:00`.
    var description: String { WorkingInterval.clock(start) + "-" + WorkingInterval.clock(end) }

    /// `HH:MM` for minutes after midnight.
    static func clock(_ minutes: Int) -> String {
        let hours = minutes / 60
        let rest = minutes % 60
        return (hours < 10 ? "0" : "") + String(hours) + ":" + (rest < 10 ? "0" : "") + String(rest)
    }
}
