import Foundation

/// Days off on top of the weekly hours, each with its name: national holidays and cuti bersama.
///
/// When two sources name the same day (two ICS events, or ``merging(_:)``), the names are joined with " / ".
public struct HolidayCalendar: Sendable, Hashable {
    /// Names by day number (days since 1970-01-01).
    let names: [Int: String]
    /// The day numbers of ``names``, ascending, to count holidays in a range by binary search.
    let sortedDays: [Int]

    /// Creates a calendar from dates and their names.
    public init(_ days: [CivilDate: String] = [:]) {
        var names: [Int: String] = [:]
        for (date, name) in days { names[date.dayNumber] = name }
        self.init(names: names)
    }

    init(names: [Int: String]) {
        self.names = names
        sortedDays = names.keys.sorted()
    }

    /// The holiday's name on that day, or `nil` when the day is not a holiday.
    public func name(of day: CivilDate) -> String? { names[day.dayNumber] }

    /// Every holiday of both calendars; a day in both keeps both names, joined with " / ".
    public func merging(_ other: HolidayCalendar) -> HolidayCalendar {
        HolidayCalendar(names: names.merging(other.names) { HolidayCalendar.joined($0, $1) })
    }

    /// How many days are holidays.
    public var count: Int { names.count }

    /// Reads a holiday file by its extension: `.ics` (iCalendar) or `.txt` (a dated list).
    ///
    /// - Throws: ``CalendarError`` naming the path, with the line of the problem when the text is at fault.
    public static func load(path: String) throws(CalendarError) -> HolidayCalendar {
        let lowercased = path.lowercased()
        let isICS = lowercased.hasSuffix(".ics")
        guard isICS || lowercased.hasSuffix(".txt") else {
            throw CalendarError(
                "unknown holiday file type; use an .ics (iCalendar) or .txt (dated list) file",
                path: path
            )
        }
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            let reason = (error as NSError).localizedFailureReason ?? "cannot be read"
            throw CalendarError(FileManager.default.fileExists(atPath: path) ? reason : "no such file", path: path)
        }
        guard var text = String(data: data, encoding: .utf8) else {
            throw CalendarError("not UTF-8 text", path: path)
        }
        // Calendars exported on Windows often start with a byte order mark.
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        do {
            return isICS ? try parseICS(text) : try parseList(text)
        } catch {
            var located = error
            located.path = path
            throw located
        }
    }

    /// The two names of one day, once each.
    static func joined(_ first: String, _ second: String) -> String {
        first == second || first.components(separatedBy: " / ").contains(second) ? first : first + " / " + second
    }

    /// Adds a name to a day, keeping a name already there.
    static func add(_ name: String, day: Int, to names: inout [Int: String]) {
        names[day] = names[day].map { joined($0, name) } ?? name
    }
}
