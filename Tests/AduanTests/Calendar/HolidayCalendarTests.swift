import AduanCore
import Foundation
import Testing

/// Reading holidays from iCalendar files and dated lists, and the bundled 2025–2027 seeds.
@Suite("holiday calendars")
struct HolidayCalendarTests {
    static func ics(_ events: String, lineEnd: String = "\r\n") -> String {
        (["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN"] + events.split(separator: "\n").map(String.init)
            + ["END:VCALENDAR", ""]).joined(separator: lineEnd)
    }

    static func day(_ iso: String) -> CivilDate { CivilDate(iso: iso)! }

    @Test("an all-day event is one holiday with its SUMMARY as name", arguments: ["\r\n", "\n"])
    func allDayEvent(lineEnd: String) throws {
        let text = Self.ics(
            """
            BEGIN:VEVENT
            UID:1@test
            DTSTART;VALUE=DATE:20260319
            DTEND;VALUE=DATE:20260320
            SUMMARY:Hari Suci Nyepi
            END:VEVENT
            """,
            lineEnd: lineEnd
        )
        let holidays = try HolidayCalendar.parseICS(text)
        #expect(holidays.count == 1)
        #expect(holidays.name(of: Self.day("2026-03-19")) == "Hari Suci Nyepi")
        #expect(holidays.name(of: Self.day("2026-03-20")) == nil)
    }

    @Test("DTEND is exclusive and spans several days; DURATION and a missing end work too")
    func multiDay() throws {
        let holidays = try HolidayCalendar.parseICS(
            Self.ics(
                """
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260321
                DTEND;VALUE=DATE:20260325
                SUMMARY:Idul Fitri
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20261224
                DURATION:P2D
                SUMMARY:Natal
                END:VEVENT
                BEGIN:VEVENT
                DTSTART:20270101
                SUMMARY:Tahun Baru
                END:VEVENT
                """
            )
        )
        #expect(holidays.count == 7)
        #expect(holidays.name(of: Self.day("2026-03-24")) == "Idul Fitri")
        #expect(holidays.name(of: Self.day("2026-03-25")) == nil)
        #expect(holidays.name(of: Self.day("2026-12-25")) == "Natal")
        #expect(holidays.name(of: Self.day("2027-01-01")) == "Tahun Baru")
    }

    @Test("folded lines are unfolded and text escapes resolved")
    func foldingAndEscapes() throws {
        let text = Self.ics(
            "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260817\nSUMMARY:Hari Kemerdekaan\\, Republik\n  Indonesia\\; ke-81\\n\\\\ libur\nEND:VEVENT"
        )
        let holidays = try HolidayCalendar.parseICS(text)
        #expect(holidays.name(of: Self.day("2026-08-17")) == "Hari Kemerdekaan, Republik Indonesia; ke-81 \\ libur")
    }

    @Test("timed and cancelled events are skipped; other components are ignored")
    func skippedEvents() throws {
        let holidays = try HolidayCalendar.parseICS(
            Self.ics(
                """
                BEGIN:VTIMEZONE
                TZID:Asia/Jakarta
                END:VTIMEZONE
                BEGIN:VEVENT
                DTSTART;TZID=Asia/Jakarta:20260320T090000
                DTEND;TZID=Asia/Jakarta:20260320T100000
                SUMMARY:Rapat
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260101
                STATUS:CANCELLED
                SUMMARY:Batal
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260817
                SUMMARY:Kemerdekaan
                BEGIN:VALARM
                ACTION:DISPLAY
                DTSTART;VALUE=DATE:20200101
                END:VALARM
                END:VEVENT
                """
            )
        )
        #expect(holidays.count == 1)
        #expect(holidays.name(of: Self.day("2026-08-17")) == "Kemerdekaan")
    }

    @Test("two events on one day keep both names")
    func sameDay() throws {
        let holidays = try HolidayCalendar.parseICS(
            Self.ics(
                """
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260331
                SUMMARY:A
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20260331
                SUMMARY:B
                END:VEVENT
                """
            )
        )
        #expect(holidays.name(of: Self.day("2026-03-31")) == "A / B")
    }

    @Test(
        "bad iCalendar text fails with the physical line of the problem",
        arguments: [
            ("SUMMARY:x\n", 1, "before BEGIN:VCALENDAR"),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20261332\nEND:VEVENT\nEND:VCALENDAR\n", 3,
                "is not a date"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\nDTEND;VALUE=DATE:20260320\nEND:VEVENT\nEND:VCALENDAR\n",
                4, "DTEND must be after DTSTART"
            ),
            ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nSUMMARY:x\nEND:VEVENT\nEND:VCALENDAR\n", 2, "event has no DTSTART"),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\nRRULE:FREQ=YEARLY\nEND:VEVENT\nEND:VCALENDAR\n",
                4, "recurring events (RRULE)"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\nEND:VCALENDAR\n", 4,
                "END:VCALENDAR does not match BEGIN:VEVENT of line 2"
            ),
            ("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260320\n", 2, "BEGIN:VEVENT is never closed"),
            (
                "BEGIN:VCALENDAR\n\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:\n 20260320\nDURATION:PT1H\nEND:VEVENT\nEND:VCALENDAR\n",
                6, "not a whole number of days"
            ),
            (
                "BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20280101\nEND:VEVENT\nEND:VCALENDAR\n",
                4, "more than a year"
            ),
            ("BEGIN:VCALENDAR\nnot a property\nEND:VCALENDAR\n", 2, "expected NAME:value"),
            ("", 1, "empty file"),
        ]
    )
    func icsErrors(text: String, line: Int, message: String) {
        #expect {
            try HolidayCalendar.parseICS(text)
        } throws: { error in
            guard let error = error as? CalendarError else { return false }
            return error.line == line && error.message.contains(message)
        }
    }

    @Test("a dated list reads dates and names, skipping comments and blank lines, CRLF or LF")
    func list() throws {
        let holidays = try HolidayCalendar.parseList(
            "# libur\r\n\r\n2026-03-20 Idul Fitri 1447 H\r\n  2026-03-21\tIdul Fitri 1447 H  \r\n2026-03-20 Cuti Bersama\n"
        )
        #expect(holidays.count == 2)
        #expect(holidays.name(of: Self.day("2026-03-20")) == "Idul Fitri 1447 H / Cuti Bersama")
        #expect(holidays.name(of: Self.day("2026-03-21")) == "Idul Fitri 1447 H")
    }

    @Test(
        "a bad dated list fails with line and column",
        arguments: [
            ("2026-03-20 ok\n20-03-2026 Idul Fitri\n", 2, 1, "expected a date such as 2026-03-20"),
            ("# x\n  2026-02-30 Tidak ada\n", 2, 3, "expected a date"),
            ("2026-03-20\n", 1, 11, "needs a name after the date"),
        ]
    )
    func listErrors(text: String, line: Int, column: Int, message: String) {
        #expect {
            try HolidayCalendar.parseList(text)
        } throws: { error in
            guard let error = error as? CalendarError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    @Test("merging keeps every day and both names of a shared day")
    func merging() {
        let first = HolidayCalendar([Self.day("2026-01-01"): "Tahun Baru", Self.day("2026-03-20"): "Idul Fitri"])
        let second = HolidayCalendar([Self.day("2026-03-20"): "Cuti", Self.day("2026-12-25"): "Natal"])
        let merged = first.merging(second)
        #expect(merged.count == 3)
        #expect(merged.name(of: Self.day("2026-03-20")) == "Idul Fitri / Cuti")
        #expect(first.merging(first) == first)
    }

    @Test("the bundled ICS and dated list hold the same holidays")
    func seedsAgree() throws {
        let fromList = try HolidayCalendar.load(path: CalendarFixtures.seedPath("txt"))
        #expect(fromList == CalendarFixtures.seedHolidays)
        #expect(fromList.count == 74)
        #expect(fromList.name(of: Self.day("2025-03-31")) == "Idul Fitri 1446 H")
        #expect(fromList.name(of: Self.day("2025-04-01")) == "Idul Fitri 1446 H")
        #expect(fromList.name(of: Self.day("2026-03-21")) == "Idul Fitri 1447 H")
        #expect(fromList.name(of: Self.day("2026-12-24")) == "Cuti Bersama Kelahiran Yesus Kristus")
    }

    @Test("a file with a byte order mark loads")
    func byteOrderMark() throws {
        let folder = try TemporaryDirectory("aduan-holidays")
        defer { folder.remove() }
        try "\u{FEFF}2026-03-20 Idul Fitri\r\n".write(toFile: folder.file("bom.txt"), atomically: true, encoding: .utf8)
        #expect(try HolidayCalendar.load(path: folder.file("bom.txt")).name(of: Self.day("2026-03-20")) == "Idul Fitri")
    }

    @Test("loading names the path in errors and picks the parser by extension")
    func loadErrors() throws {
        let folder = try TemporaryDirectory("aduan-holidays")
        defer { folder.remove() }
        try "2026-13-01 x\n".write(toFile: folder.file("bad.txt"), atomically: true, encoding: .utf8)
        #expect(
            throws: CalendarError(
                "expected a date such as 2026-03-20 and a name, found '2026-13-01'",
                path: folder.file("bad.txt"),
                line: 1,
                column: 1
            )
        ) {
            try HolidayCalendar.load(path: folder.file("bad.txt"))
        }
        #expect(throws: CalendarError("no such file", path: folder.file("none.ics"))) {
            try HolidayCalendar.load(path: folder.file("none.ics"))
        }
        #expect {
            try HolidayCalendar.load(path: folder.file("holidays.csv"))
        } throws: { error in
            (error as? CalendarError)?.description.hasPrefix(
                folder.file("holidays.csv") + ": unknown holiday file type"
            ) ?? false
        }
    }
}
