import AduanCore
import Foundation

/// Local wall-clock times in and out of tests, read with Foundation's own calendar so that the code under test
/// never checks itself.
enum CalendarFixtures {
    static let jakarta = TimeZone(identifier: "Asia/Jakarta")!

    /// The instant of a local time `2026-03-17 10:00` or `2026-03-17 10:00:30` in `zone`.
    static func date(_ local: String, in zone: TimeZone = jakarta) -> Date {
        let parts = local.split(whereSeparator: { $0 == "-" || $0 == " " || $0 == ":" }).map { Int($0)! }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let components = DateComponents(
            year: parts[0],
            month: parts[1],
            day: parts[2],
            hour: parts[3],
            minute: parts[4],
            second: parts.count > 5 ? parts[5] : 0
        )
        return calendar.date(from: components)!
    }

    /// `2026-03-17 10:00`, with `:ss` only when the seconds are not zero.
    static func local(_ date: Date, in zone: TimeZone = jakarta) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        func pad(_ value: Int?) -> String { String(format: "%02d", value!) }
        let text = "\(parts.year!)-\(pad(parts.month))-\(pad(parts.day)) \(pad(parts.hour)):\(pad(parts.minute))"
        return parts.second == 0 ? text : text + ":" + pad(parts.second)
    }

    /// A calendar from hours text and holiday dates.
    static func calendar(_ hours: String, holidays: [String] = [], zone: String = "Asia/Jakarta") -> WorkingCalendar {
        let days = Dictionary(uniqueKeysWithValues: holidays.map { (CivilDate(iso: $0)!, "holiday \($0)") })
        return WorkingCalendar(
            timeZone: TimeZone(identifier: zone)!,
            hours: try! WorkingHours.parse(hours),
            holidays: HolidayCalendar(days)
        )
    }

    /// The bundled holidays, read from the ICS seed.
    static let seedHolidays: HolidayCalendar = try! HolidayCalendar.load(path: seedPath("ics"))

    /// Indonesian government hours in Asia/Jakarta with the bundled holidays.
    static let indonesia = WorkingCalendar.indonesia(holidays: seedHolidays)

    /// The bundled holiday file with that extension.
    static func seedPath(_ fileExtension: String) -> String {
        TestPaths.packageRoot.appendingPathComponent("seeds/holidays/indonesia-2025-2027.\(fileExtension)").path
    }
}
