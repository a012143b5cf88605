import AduanCore
import Foundation
import Testing

@testable import AduanRules

@Suite("Calendars in the rules")
struct CalendarRulesTests {
    static let ics = """
        BEGIN:VCALENDAR
        VERSION:2.0
        BEGIN:VEVENT
        DTSTART;VALUE=DATE:20260320
        DTEND;VALUE=DATE:20260322
        SUMMARY:Idul Fitri 1447 H
        END:VEVENT
        END:VCALENDAR

        """

    static let otherwise = "otherwise { to = \"diskominfo\" }\n"

    /// A temporary folder holding `rules/` and `seeds/`, like the repository.
    struct Layout {
        let root: TemporaryRulesDirectory
        var rules: String { root.path + "/rules" }
        var seeds: String { root.path + "/seeds" }

        init() throws {
            root = try TemporaryRulesDirectory()
            try FileManager.default.createDirectory(atPath: root.path + "/rules", withIntermediateDirectories: true)
            try FileManager.default.createDirectory(atPath: root.path + "/seeds", withIntermediateDirectories: true)
        }

        func write(_ relativePath: String, _ text: String) throws {
            try root.write(relativePath, text)
        }

        /// `rules/main.rules` holding the shared agencies, `body` and an `otherwise`.
        func writeRules(_ body: String) throws {
            try write("rules/main.rules", RuleFixtures.agencies + "\n" + body + "\n" + CalendarRulesTests.otherwise)
        }

        func load() -> RuleLoadResult { RuleLoader.load(directory: rules) }
    }

    private static func date(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test("a calendar compiles its zone, hours and holiday files, read relative to the rules file's folder")
    func fullCalendar() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        try layout.write("seeds/libur.ics", Self.ics)
        try layout.write("seeds/cuti.txt", "# cuti bersama\n2026-03-23 Cuti Bersama Idul Fitri\n")
        try layout.writeRules(
            """
            calendar "default" {
                timezone = "Asia/Makassar"
                hours    = "Mon-Fri 08:00-16:00"
                holidays = [file("../seeds/libur.ics"), file("../seeds/cuti.txt")]
            }
            """
        )
        let result = layout.load()
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        #expect(rules.calendar.timeZone.identifier == "Asia/Makassar")
        #expect(rules.calendar.hours == (try WorkingHours.parse("Mon-Fri 08:00-16:00")))
        #expect(rules.calendar.holidays.count == 3)
        #expect(rules.calendar.holidays.name(of: Self.date("2026-03-21")) == "Idul Fitri 1447 H")
        #expect(rules.calendar.holidays.name(of: Self.date("2026-03-23")) == "Cuti Bersama Idul Fitri")
        #expect(!rules.calendar.isWorkingDay(Self.date("2026-03-20")))
        #expect(rules.files.map(\.name) == ["main.rules", "libur.ics", "cuti.txt"])
        #expect(rules.files[1].path == layout.rules + "/../seeds/libur.ics")
        #expect(
            rules.sources[layout.rules + "/../seeds/cuti.txt"] == "# cuti bersama\n2026-03-23 Cuti Bersama Idul Fitri\n"
        )
        #expect(result.files == rules.files)
    }

    @Test("compile(files:) resolves holiday paths from each file's folder; absolute paths stay as they are")
    func compileResolvesPerFile() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        try layout.write("seeds/libur.ics", Self.ics)
        try layout.write("rules/cuti.txt", "2026-03-23 Cuti Bersama\n")
        // The rules file's folder must exist: the system, not the loader, resolves `..` in the joined path.
        try FileManager.default.createDirectory(
            atPath: layout.root.path + "/elsewhere",
            withIntermediateDirectories: true
        )
        let result = RuleLoader.compile([
            RuleFile(path: layout.rules + "/10.rules", text: RuleFixtures.agencies + "\n" + Self.otherwise),
            RuleFile(
                path: layout.root.path + "/elsewhere/05.rules",
                text: """
                    calendar "default" { holidays = [file("../seeds/libur.ics"), file("\(layout.rules)/cuti.txt")] }
                    """
            ),
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        #expect(rules.calendar.holidays.count == 3)
        #expect(
            rules.files.map(\.path).suffix(2) == [
                layout.root.path + "/elsewhere/../seeds/libur.ics", layout.rules + "/cuti.txt",
            ]
        )
    }

    @Test("every key is optional: Asia/Jakarta, Indonesian government hours, no holidays")
    func defaults() throws {
        let standard = WorkingCalendar(
            timeZone: try #require(TimeZone(identifier: "Asia/Jakarta")),
            hours: .indonesianGovernment,
            holidays: HolidayCalendar()
        )
        #expect(try RuleFixtures.ruleSet("calendar \"kantor\" { }\n" + Self.otherwise).calendar == standard)
        #expect(try RuleFixtures.ruleSet(Self.otherwise).calendar == standard)
        #expect(
            try RuleFixtures.ruleSet("calendar \"kosong\" { holidays = [] }\n" + Self.otherwise).calendar == standard
        )
    }

    @Test("the snapshot uses the calendar named 'default', else the first; the others are reported unused")
    func snapshotCalendar() throws {
        let withDefault = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                calendar "wita" { timezone = "Asia/Makassar" }
                calendar "default" { timezone = "Asia/Jayapura" }
                """ + "\n" + Self.otherwise
        ])
        #expect(withDefault.ruleSet?.calendar.timeZone.identifier == "Asia/Jayapura")
        #expect(
            RuleFixtures.summaries(withDefault) == [
                "rules/main.rules:5:1: warning: calendar 'wita' is declared but only the snapshot calendar ('default') is used"
            ]
        )
        #expect(
            withDefault.diagnostics.first?.help
                == "remove it; the snapshot uses the calendar named 'default', else the first one"
        )
        let firstDeclared = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                calendar "wita" { timezone = "Asia/Makassar" }
                calendar "wit" { timezone = "Asia/Jayapura" }
                """ + "\n" + Self.otherwise
        ])
        #expect(firstDeclared.ruleSet?.calendar.timeZone.identifier == "Asia/Makassar")
        #expect(
            RuleFixtures.summaries(firstDeclared) == [
                "rules/main.rules:6:1: warning: calendar 'wit' is declared but only the snapshot calendar ('wita') is used"
            ]
        )
    }

    @Test("calendar errors come all at once, with positions inside the hours string and suggestions")
    func errors() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + #"""

                calendar "default" {
                    timezone = "Asia/Jakrta"
                    hours = "Mon-Thu 07:30-16:00, Fri 07:30-1130"
                    holidays = "libur.ics"
                }
                calendar "b" { timezone = "WIB", hours = "Mon-Fri 08:00-16:00 \u{41}", hols = [] }
                calendar "c" { timezone = "Mars/Olympus", holidays = [file("a.ics", "b.ics"), open("c.ics"), "d.ics"] }
                calendar "default" { hours = 8 }
                calendar { }
                """# + "\n" + Self.otherwise
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:16: error: unknown time zone \"Asia/Jakrta\"",
                "rules/main.rules:7:45: error: invalid hours: expected a time such as 07:30, found '1130'",
                "rules/main.rules:8:16: error: 'holidays' must be file(\"…\") or a list of them, found a string",
                "rules/main.rules:10:1: warning: calendar 'b' is declared but only the snapshot calendar ('default') is used",
                "rules/main.rules:10:27: error: unknown time zone \"WIB\"",
                "rules/main.rules:10:42: error: invalid hours: expected ',' or an interval such as '13:00-16:30', found 'A'",
                "rules/main.rules:10:72: error: unknown key 'hols' in calendar \"b\"",
                "rules/main.rules:11:1: warning: calendar 'c' is declared but only the snapshot calendar ('default') is used",
                "rules/main.rules:11:27: error: unknown time zone \"Mars/Olympus\"",
                "rules/main.rules:11:55: error: file(…) takes one quoted path",
                "rules/main.rules:11:79: error: holidays are read with file(\"…\"), found a call of 'open'",
                "rules/main.rules:11:94: error: holidays are read with file(\"…\"), found a string",
                "rules/main.rules:12:1: error: calendar 'default' is declared twice",
                "rules/main.rules:12:30: error: 'hours' must be a string, found a number",
                "rules/main.rules:13:1: error: calendar needs a label",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "did you mean 'Asia/Jakarta'?",
                "write e.g. 'hours = \"Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30\"'",
                "write 'holidays = file(\"libur.ics\")'",
                "remove it; the snapshot uses the calendar named 'default', else the first one",
                "write the IANA name: \"Asia/Jakarta\"",
                "write e.g. 'hours = \"Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30\"'",
                "keys of a calendar block are timezone, hours, holidays",
                "remove it; the snapshot uses the calendar named 'default', else the first one",
                "Indonesia's zones are Asia/Jakarta (WIB), Asia/Makassar (WITA) and Asia/Jayapura (WIT)",
                "write file(\"../seeds/holidays/indonesia-2025-2027.ics\")",
                "write file(\"libur.ics\")",
                "write file(\"d.ics\")",
                "first declared at rules/main.rules:5:1",
                nil,
                "write 'calendar \"default\" { timezone = \"Asia/Jakarta\" }'",
            ]
        )
    }

    @Test("a holiday file that cannot be read is reported where it is named")
    func unreadableHolidayFiles() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        try layout.write("seeds/libur.csv", "2026-03-20,Idul Fitri\n")
        try FileManager.default.createDirectory(atPath: layout.seeds + "/folder.ics", withIntermediateDirectories: true)
        try Data([0x32, 0x30, 0xE9, 0x0A]).write(to: URL(fileURLWithPath: layout.seeds + "/latin1.txt"))
        try layout.writeRules(
            """
            calendar "default" {
                holidays = [file("../seeds/libur.ics"), file("../seeds/libur.csv"), file("../seeds/latin1.txt"), file("../seeds/folder.ics")]
            }
            """
        )
        let result = layout.load()
        #expect(result.ruleSet == nil)
        let path = layout.rules + "/main.rules"
        #expect(
            RuleFixtures.summaries(result) == [
                "\(path):6:17: error: cannot read holiday file '\(layout.rules)/../seeds/libur.ics': no such file",
                "\(path):6:45: error: cannot read holiday file '\(layout.rules)/../seeds/libur.csv': unknown file type",
                "\(path):6:73: error: cannot read holiday file '\(layout.rules)/../seeds/latin1.txt': not UTF-8 text",
                "\(path):6:102: error: cannot read holiday file '\(layout.rules)/../seeds/folder.ics': it is a directory",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "a relative path starts at the folder of the rules file",
                "holidays are an .ics (iCalendar) or .txt (dated list) file",
                "save the file as UTF-8",
                "name the .ics or .txt file inside it",
            ]
        )
    }

    @Test("a bad line in a holiday file is reported at that file's own line and column, once, with its text")
    func invalidHolidayFile() throws {
        let layout = try Layout()
        defer { layout.root.remove() }
        try layout.write("seeds/libur.txt", "2026-03-20 Idul Fitri\n  20-03-2026 Idul Fitri\n")
        try layout.write("seeds/rusak.ics", "BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n")
        try layout.writeRules(
            """
            calendar "default" { holidays = [file("../seeds/libur.txt"), file("../seeds/rusak.ics")] }
            calendar "cadangan" { holidays = file("../seeds/libur.txt") }
            """
        )
        let result = layout.load()
        #expect(result.ruleSet == nil)
        let rules = layout.rules + "/main.rules"
        let list = layout.rules + "/../seeds/libur.txt"
        let ics = layout.rules + "/../seeds/rusak.ics"
        #expect(
            result.rendered() == """
                \(rules):6:1: warning: calendar 'cadangan' is declared but only the snapshot calendar ('default') is used
                calendar "cadangan" { holidays = file("../seeds/libur.txt") }
                ^
                help: remove it; the snapshot uses the calendar named 'default', else the first one
                \(list):2:3: error: expected a date such as 2026-03-20 and a name, found '20-03-2026'
                  20-03-2026 Idul Fitri
                  ^
                help: read for calendar "default" at \(rules):5:34
                \(ics):2:1: error: event has no DTSTART;VALUE=DATE:YYYYMMDD
                BEGIN:VEVENT
                ^
                help: read for calendar "default" at \(rules):5:62

                """
        )
        #expect(result.files.map(\.path) == [rules, list, ics])
    }

    @Test("the snapshot hash follows the holiday files' contents, not where the rules directory is")
    func hashFollowsHolidays() throws {
        let first = try Layout()
        let second = try Layout()
        defer {
            first.root.remove()
            second.root.remove()
        }
        for layout in [first, second] {
            try layout.write("seeds/libur.ics", Self.ics)
            try layout.writeRules("calendar \"default\" { holidays = file(\"../seeds/libur.ics\") }")
        }
        let original = try #require(first.load().ruleSet?.hash)
        #expect(second.load().ruleSet?.hash == original)
        try first.write("seeds/libur.ics", Self.ics.replacingOccurrences(of: "20260322", with: "20260323"))
        let changed = try #require(first.load().ruleSet)
        #expect(changed.hash != original)
        #expect(changed.calendar.holidays.count == 3)
        #expect(changed.hash == RuleFile.snapshotHash(of: changed.files))
    }
}
