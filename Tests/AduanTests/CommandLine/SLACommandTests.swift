import Foundation
import Testing

/// `aduanctl sla due`, run as the built binary: deadlines, JSON, the default holidays and usage errors.
@Suite("aduanctl sla due")
struct SLACommandTests {
    /// Runs `aduanctl` in the package root, where the bundled holidays are found by default.
    static func run(_ arguments: [String], in directory: String = TestPaths.packageRoot.path) throws -> CommandRun {
        try CommandRun.run(
            TestPaths.aduanctl,
            arguments,
            environment: CommandRun.cleanEnvironment(),
            workingDirectory: directory
        )
    }

    @Test(
        "prints the deadline in the calendar's offset",
        arguments: [
            (["--start", "2026-03-17T10:00:00+07:00", "--working-days", "5"], "2026-03-31T16:00:00+07:00"),
            (["--start", "2026-03-17T03:00:00Z", "--working-days", "5"], "2026-03-31T16:00:00+07:00"),
            (["--start", "2026-03-13T15:00:00+07:00", "--working-hours", "4"], "2026-03-16T10:00:00+07:00"),
            (["--start", "2026-03-14T10:00:00+07:00", "--working-days=1"], "2026-03-16T16:00:00+07:00"),
            (
                ["--start", "2026-03-17T10:00:00+08:00", "--working-days", "1", "--timezone", "Asia/Makassar"],
                "2026-03-25T16:00:00+08:00"
            ),
            (
                ["--start", "2026-03-16T10:00:00+07:00", "--working-hours", "10", "--hours", "Mon-Fri 09:00-17:00"],
                "2026-03-17T12:00:00+07:00"
            ),
        ]
    )
    func due(arguments: [String], expected: String) throws {
        let run = try Self.run(["sla", "due"] + arguments)
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput == expected + "\n")
        #expect(run.standardError.isEmpty)
    }

    @Test("--json prints start, due, the amount, the zone and the skipped days")
    func json() throws {
        let run = try Self.run(["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "5", "--json"])
        #expect(run.exitCode == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["start"] as? String == "2026-03-17T10:00:00+07:00")
        #expect(object["due"] as? String == "2026-03-31T16:00:00+07:00")
        #expect(object["working_days"] as? Int == 5)
        #expect(object["working_hours"] == nil)
        #expect(object["timezone"] as? String == "Asia/Jakarta")
        let skipped = try #require(object["skipped"] as? [[String: String]])
        #expect(skipped.count == 9)
        #expect(skipped.first == ["date": "2026-03-18", "reason": "Cuti Bersama Hari Suci Nyepi Tahun Baru Saka 1948"])
        #expect(skipped.last == ["date": "2026-03-29", "reason": "Sunday"])
    }

    @Test("--holidays reads a dated list; without any holiday file a note says weekends only")
    func holidayFiles() throws {
        let folder = try TemporaryDirectory("aduan-sla")
        defer { folder.remove() }
        try "2026-03-18 Libur uji\n".write(toFile: folder.file("libur.txt"), atomically: true, encoding: .utf8)
        let start = ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1"]
        let withList = try Self.run(start + ["--holidays", folder.file("libur.txt")], in: folder.path)
        #expect(withList.standardOutput == "2026-03-19T16:00:00+07:00\n")
        let withNone = try Self.run(start, in: folder.path)
        #expect(withNone.exitCode == 0)
        #expect(withNone.standardOutput == "2026-03-18T16:00:00+07:00\n")
        #expect(withNone.standardError.hasPrefix("note: no holiday file"))
    }

    @Test("a broken holiday file exits 1 with its path and line")
    func brokenHolidays() throws {
        let folder = try TemporaryDirectory("aduan-sla")
        defer { folder.remove() }
        try "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:2026\nEND:VEVENT\nEND:VCALENDAR\n".write(
            toFile: folder.file("bad.ics"),
            atomically: true,
            encoding: .utf8
        )
        let run = try Self.run([
            "sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1", "--holidays",
            folder.file("bad.ics"),
        ])
        #expect(run.exitCode == 1)
        #expect(run.standardError.hasPrefix("error: \(folder.file("bad.ics")):3: DTSTART '2026' is not a date"))
    }

    @Test(
        "a wrong command line exits 64 with one error line",
        arguments: [
            ["sla"], ["sla", "overdue"], ["sla", "due", "--working-days", "5"],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00"],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1", "--working-hours", "2"],
            ["sla", "due", "--start", "2026-03-17 10:00", "--working-days", "1"],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "five"],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "-1"],
            [
                "sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1", "--timezone",
                "Asia/Nowhere",
            ],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1", "--hours", "Mon 9-5"],
            ["sla", "due", "--start", "2026-03-17T10:00:00+07:00", "--working-days", "1", "--jsn"],
        ]
    )
    func usageErrors(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.exitCode == 64)
        #expect(run.standardError.hasPrefix("error: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }

    @Test("--help prints the usage and exits 0", arguments: [["sla", "--help"], ["sla", "due", "--help"]])
    func help(arguments: [String]) throws {
        let run = try Self.run(arguments)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.hasPrefix("usage: aduanctl sla due"))
    }
}
