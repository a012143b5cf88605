/// Working intervals for each day of the week, to the minute, breaks allowed:
/// `Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30`.
///
/// Every value has working time on at least one weekday (``parse(_:)`` refuses text without any), so a
/// ``WorkingCalendar`` built on it always opens again: holidays are a finite list.
public struct WorkingHours: Sendable, Hashable, CustomStringConvertible {
    /// Intervals for Monday (index 0) … Sunday (index 6), sorted, disjoint, never touching.
    let days: [[WorkingInterval]]
    /// Working seconds of each weekday, Monday first.
    let daySeconds: [Int]
    /// Working seconds of a week without holidays.
    let weekSeconds: Int

    /// Creates hours from seven lists of sorted, disjoint, non-touching intervals; at least one must be non-empty.
    init(days: [[WorkingInterval]]) {
        precondition(days.count == 7 && days.contains { !$0.isEmpty }, "working hours need seven days and some work")
        self.days = days
        daySeconds = days.map { $0.reduce(0) { $0 + $1.endSecond - $1.startSecond } }
        weekSeconds = daySeconds.reduce(0, +)
    }

    /// Parses hours such as `Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30`.
    ///
    /// Groups are separated by commas; each names a day (`Fri`) or a range of days (`Mon-Thu`, and `Sun-Thu`
    /// wraps round the week) followed by one or more `HH:MM-HH:MM` intervals separated by spaces. A group that
    /// starts with a time continues the previous one (`Fri 07:30-11:30, 13:00-16:30`). Day names are English
    /// and case-insensitive; `24:00` may end an interval; intervals cannot cross midnight (split them);
    /// touching intervals (`08:00-12:00 12:00-16:00`) merge, overlapping ones are an error, and so is a day
    /// given twice. Days not named are closed.
    ///
    /// - Throws: ``CalendarError`` with the line and column of the problem.
    public static func parse(_ text: String) throws(CalendarError) -> WorkingHours {
        var parser = WorkingHoursParser(text)
        return WorkingHours(days: try parser.parse())
    }

    /// The hours of Indonesian government offices: `Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30`.
    public static let indonesianGovernment = WorkingHours(days: [
        [WorkingInterval(start: 450, end: 960)], [WorkingInterval(start: 450, end: 960)],
        [WorkingInterval(start: 450, end: 960)], [WorkingInterval(start: 450, end: 960)],
        [WorkingInterval(start: 450, end: 690), WorkingInterval(start: 780, end: 990)], [], [],
    ])

    /// The canonical text, which ``parse(_:)`` reads back to the same value: consecutive days with the same
    /// intervals form a range, days in Monday-first order, closed days left out.
    public var description: String {
        var groups: [String] = []
        var first = 0
        while first < 7 {
            var last = first
            while last + 1 < 7, days[last + 1] == days[first] { last += 1 }
            if !days[first].isEmpty {
                let daysText =
                    first == last
                    ? WorkingHoursParser.dayNames[first]
                    : WorkingHoursParser.dayNames[first] + "-"
                        + WorkingHoursParser.dayNames[last]
                groups.append(([daysText] + days[first].map(\.description)).joined(separator: " "))
            }
            first = last + 1
        }
        return groups.joined(separator: ", ")
    }
}
