import AduanCore
import Testing

/// The text form of weekly hours: what it accepts, its canonical form, and its errors with positions.
@Suite("working hours")
struct WorkingHoursTests {
    @Test("the Indonesian government hours are the documented text")
    func indonesianGovernment() throws {
        #expect(WorkingHours.indonesianGovernment.description == "Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30")
        #expect(try WorkingHours.parse("Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30") == .indonesianGovernment)
    }

    @Test(
        "accepted text reads to its canonical form, which reads back to the same hours",
        arguments: [
            ("Mon-Fri 08:00-16:00", "Mon-Fri 08:00-16:00"),
            ("mon-fri 8:00-16:00", "Mon-Fri 08:00-16:00"),
            ("Fri 07:30-11:30, 13:00-16:30, Mon-Thu 07:30-16:00", "Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30"),
            ("Mon 13:00-16:30 07:30-11:30", "Mon 07:30-11:30 13:00-16:30"),
            ("Mon-Fri 08:00-12:00 12:00-16:00", "Mon-Fri 08:00-16:00"),
            ("Sun-Tue 09:00-17:00", "Mon-Tue 09:00-17:00, Sun 09:00-17:00"),
            ("Mon 09:00-17:00, Wed 09:00-17:00", "Mon 09:00-17:00, Wed 09:00-17:00"),
            ("Mon-Sun 00:00-24:00", "Mon-Sun 00:00-24:00"),
            ("  Sat   10:00-12:00  ", "Sat 10:00-12:00"),
            ("Mon-Fri 08:00-12:00\n  13:00-16:00", "Mon-Fri 08:00-12:00 13:00-16:00"),
        ]
    )
    func canonicalForm(text: String, canonical: String) throws {
        let hours = try WorkingHours.parse(text)
        #expect(hours.description == canonical)
        #expect(try WorkingHours.parse(hours.description) == hours)
    }

    @Test(
        "bad text fails with the line, column and a readable reason",
        arguments: [
            ("", 1, 1, "no working hours given"),
            ("Mon-Fri", 1, 8, "'Mon-Fri' needs working hours"),
            ("Mnd 08:00-16:00", 1, 1, "unknown day 'Mnd'"),
            ("Mon-Fri 08:00", 1, 14, "expected '-' and a closing time"),
            ("Mon 25:00-26:00", 1, 5, "'25:00' is not a time of day"),
            ("Mon 08:60-09:00", 1, 5, "'08:60' is not a time of day"),
            ("Mon 8-16", 1, 5, "expected a time such as 07:30"),
            ("Mon 16:00-16:00", 1, 5, "interval '16:00-16:00' is empty"),
            ("Mon 22:00-06:00", 1, 5, "intervals cannot cross midnight"),
            ("Mon 24:00-24:00", 1, 5, "cannot open at 24:00"),
            ("Mon 08:00-12:00 11:00-13:00", 1, 1, "intervals 08:00-12:00 and 11:00-13:00 overlap"),
            (
                "Mon-Fri 08:00-16:00, Fri 08:00-11:00", 1, 22,
                "Fri is given twice, in 'Mon-Fri 08:00-16:00' and in 'Fri 08:00-11:00'"
            ),
            ("08:00-16:00", 1, 1, "expected a day"),
            ("Mon 08:00-16:00; Tue 08:00-16:00", 1, 16, "expected ',' or an interval"),
            ("Mon-Fri 08:00-12:00,\nSat 08:00-12:00 x", 2, 17, "expected ',' or an interval"),
        ]
    )
    func errors(text: String, line: Int, column: Int, message: String) {
        #expect {
            try WorkingHours.parse(text)
        } throws: { error in
            guard let error = error as? CalendarError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }

    @Test("an error reads as line:column: message")
    func errorDescription() {
        #expect(CalendarError("bad", line: 2, column: 7).description == "2:7: bad")
        #expect(CalendarError("bad", path: "a.ics", line: 3).description == "a.ics:3: bad")
        #expect(CalendarError("bad", path: "a.ics").description == "a.ics: bad")
        #expect(CalendarError("bad").description == "bad")
    }
}
