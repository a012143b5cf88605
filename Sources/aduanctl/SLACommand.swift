import AduanCore
import Foundation

/// `aduanctl sla due`: a deadline on a working calendar, offline.
enum SLACommand {
    static let usage = """
        usage: aduanctl sla due --start TIME (--working-days N | --working-hours N) [--timezone ZONE]
                                [--hours HOURS] [--holidays FILE] [--json]

        Prints the deadline N working days or N working hours after TIME, as RFC 3339 in the calendar's time
        zone. Works offline: no daemon is needed.

        options:
          --start TIME         when the complaint was received (RFC 3339, e.g. 2026-03-17T10:00:00+07:00)
          --working-days N     the close of the N-th working day after the day of receipt, which never counts
          --working-hours N    N hours of working time from TIME, or from the next opening outside hours
          --timezone ZONE      IANA time zone of the calendar (default: Asia/Jakarta)
          --hours HOURS        weekly hours (default: "Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30")
          --holidays FILE      holidays, .ics or .txt (default: \(defaultHolidayFile) under ., then
                               $CONFIGURATION_DIRECTORY, then /etc/aduan; weekends only if none is found)
          --json               {"start", "due", "working_days" or "working_hours", "timezone", "skipped"}
        """

    /// The bundled holidays, relative to the places the default is searched.
    static let defaultHolidayFile = "seeds/holidays/indonesia-2025-2027.ics"

    /// The largest amount accepted, far beyond any SLA, so that the arithmetic cannot overflow.
    private static let largestAmount = 100_000

    /// The `--json` output.
    private struct Due: Encodable {
        struct Skipped: Encodable {
            var date: String
            var reason: String
        }

        var start: String
        var due: String
        var workingDays: Int?
        var workingHours: Int?
        var timezone: String
        var skipped: [Skipped]

        enum CodingKeys: String, CodingKey {
            case start, due, timezone, skipped
            case workingDays = "working_days"
            case workingHours = "working_hours"
        }
    }

    static func run(_ arguments: [String]) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl sla")
        if scanner.wantsHelp { return print(usage) }
        let startText = try scanner.option("--start")
        let workingDays = try amount(scanner.option("--working-days"), flag: "--working-days")
        let workingHours = try amount(scanner.option("--working-hours"), flag: "--working-hours")
        let zoneName = try scanner.option("--timezone") ?? "Asia/Jakarta"
        let hoursText = try scanner.option("--hours")
        let holidayPath = try scanner.option("--holidays")
        let isJSON = scanner.flag("--json")
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl sla due --start TIME --working-days N", help: "aduanctl sla")
        }
        guard verb == "due" else { throw .usage("unknown verb '\(verb)'; try: due", help: "aduanctl sla") }
        try scanner.finish()

        guard let startText else { throw .usage("--start TIME is required", help: "aduanctl sla") }
        guard let start = RFC3339.parse(startText) else {
            throw .usage(
                "--start '\(startText)' is not an RFC 3339 time such as 2026-03-17T10:00:00+07:00",
                help: "aduanctl sla"
            )
        }
        guard (workingDays == nil) != (workingHours == nil) else {
            throw .usage("give exactly one of --working-days N and --working-hours N", help: "aduanctl sla")
        }
        guard let timeZone = TimeZone(identifier: zoneName) else {
            throw .usage("unknown time zone '\(zoneName)'; use an IANA name such as Asia/Jakarta", help: "aduanctl sla")
        }
        let hours: WorkingHours
        do {
            hours = try hoursText.map(WorkingHours.parse) ?? .indonesianGovernment
        } catch {
            throw .usage("--hours: \(error.description)", help: "aduanctl sla")
        }
        let calendar = WorkingCalendar(timeZone: timeZone, hours: hours, holidays: try holidays(holidayPath))
        let due =
            if let workingDays {
                calendar.adding(workingDays: workingDays, to: start)
            } else {
                calendar.adding(workingSeconds: (workingHours ?? 0) * 3_600, to: start)
            }
        let dueText = RFC3339.format(due, offsetSeconds: timeZone.secondsFromGMT(for: due))
        guard isJSON else { return print(dueText) }
        try CommandContext.printJSON(
            Due(
                start: RFC3339.format(start, offsetSeconds: timeZone.secondsFromGMT(for: start)),
                due: dueText,
                workingDays: workingDays,
                workingHours: workingHours,
                timezone: timeZone.identifier,
                skipped: calendar.skippedDays(from: start, to: due).map {
                    Due.Skipped(date: $0.day.iso, reason: $0.reason)
                }
            )
        )
    }

    private static func amount(_ text: String?, flag: String) throws(CommandFailure) -> Int? {
        guard let text else { return nil }
        guard let value = Int(text), (0...largestAmount).contains(value) else {
            throw .usage("\(flag) needs a whole number from 0 to \(largestAmount), not '\(text)'", help: "aduanctl sla")
        }
        return value
    }

    /// The holidays of `--holidays FILE`, else of the first bundled file found, else none (with a note).
    private static func holidays(_ path: String?) throws(CommandFailure) -> HolidayCalendar {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [
            FileManager.default.currentDirectoryPath, environment["CONFIGURATION_DIRECTORY"], "/etc/aduan",
        ].compactMap { $0.map { $0 + "/" + defaultHolidayFile } }
        guard let chosen = path ?? candidates.first(where: { FileManager.default.fileExists(atPath: $0) }) else {
            FileHandle.standardError.write(
                Data(
                    "note: no holiday file (\(defaultHolidayFile) under ., $CONFIGURATION_DIRECTORY or /etc/aduan); counting weekends only\n"
                        .utf8
                )
            )
            return HolidayCalendar()
        }
        do {
            return try HolidayCalendar.load(path: chosen)
        } catch {
            throw CommandFailure(error.description)
        }
    }
}
