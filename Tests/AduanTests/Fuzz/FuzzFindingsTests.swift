import AduanControl
import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// The inputs the libFuzzer runs (Tests/Fuzz) found, cut down by hand: refusals printed on more than one line,
/// because the message quoted a control character or line separator of the input as it was; durations near
/// `Int.max` crashed on overflow or never finished; an unterminated string ending in a broken escape crashed the
/// lexer.
@Suite("inputs found by fuzzing")
struct FuzzFindingsTests {
    @Test("an iCalendar line with a vertical tab is refused on one line that shows the tab")
    func calendarVerticalTab() {
        let text = "BEGIN:VCALENDAR\nBEGIN:VEVENT\nD\u{0B}RATION P2D\nEND:VEVENT\nEND:VCALENDAR\n"
        #expect(throws: CalendarError("expected NAME:value, found 'D\\u{0B}RATION P2D'", line: 3)) {
            try HolidayCalendar.parseICS(text)
        }
    }

    @Test("a multipart boundary holding a carriage return is refused on one line")
    func mailBoundaryCarriageReturn() {
        let mail = MailFixtures.crlf(
            """
            Message-ID: <b@x>
            Content-Type: multipart/alternative; boundary="ab\rcd"

            --abcd
            Content-Type: text/plain

            Jalan rusak
            --abcd--

            """
        )
        let result = MailItemMapper(source: "mail").item(
            fromMail: mail,
            receivedDefault: Date(timeIntervalSince1970: 0)
        )
        #expect(result.failure?.description == "multipart/alternative body never uses its boundary 'ab\\rcd'")
    }

    @Test("an attachment name with a next-line character (U+0085) is listed on one line")
    func mailAttachmentNextLine() {
        let mail = MailFixtures.crlf(
            """
            Message-ID: <a@x>
            Content-Type: multipart/mixed; boundary="b"

            --b
            Content-Type: application/octet-stream
            Content-Disposition: attachment; filename*=UTF-9''Surat%C2%85RT.docx

            AAAA
            --b--

            """
        )
        let result = MailItemMapper(source: "mail").item(
            fromMail: mail,
            receivedDefault: Date(timeIntervalSince1970: 0)
        )
        let description = result.failure?.description ?? ""
        #expect(description.hasPrefix("no body text: the mail has no text/plain or text/html part (attachments: "))
        #expect(description.isOneReadableLine, "\(description.debugDescription)")
    }

    @Test("a spool channel with a line separator is refused on one line that shows it")
    func spoolLineSeparator() {
        let line = Array(#"{"id":"x","text":"Banjir","channel":"w\u2028eb"}"#.utf8)
        let result = SpoolItemDecoder(source: "spool").decode(line, receivedDefault: Date(timeIntervalSince1970: 0))
        #expect(result.failure?.description.hasPrefix("unknown channel 'w\\u{2028}eb': use one of") == true)
    }

    @Test("a control request whose op holds an escaped newline gets a one-line bad_request answer")
    func controlOperationNewline() {
        let result = ControlRequest.decode(line: Array(#"{"id":5,"op":"complaints.exp&\nt"}"#.utf8))
        #expect(result.failure?.code == .badRequest)
        #expect(result.failure?.message.contains(#"complaints.exp&\nt"#) == true)
        #expect(result.failure?.message.isOneReadableLine == true, "\(result.failure?.message.debugDescription ?? "")")
    }

    @Test("a rules label with a \\r escape gets one-line diagnostics and a one-line 'did you mean'")
    func rulesLabelCarriageReturn() {
        let text = #"""
            agency "dpup\r" { name = "Dinas PUPR" }
            route "Jalan" {
                when = always
                to   = "dpupr"
            }
            otherwise { to = "dpup\r" }
            """#
        let result = RuleLoader.compile([RuleFile(path: "fuzz.rules", text: text)])
        let unknown = result.diagnostics.first { $0.message.contains("'dpupr'") }
        #expect(unknown?.help == #"did you mean 'dpup\r'?"#)
        #expect(result.diagnostics.allSatisfy { $0.message.isOneReadableLine && ($0.help?.isOneReadableLine ?? true) })
    }

    @Test(
        "a holiday DURATION near Int.max is refused, not an overflow crash",
        arguments: ["P2000000000000000000W", "P9223372036854775800D"]
    )
    func calendarHugeDuration(duration: String) {
        let text = """
            BEGIN:VCALENDAR
            BEGIN:VEVENT
            DTSTART;VALUE=DATE:20260320
            DURATION:\(duration)
            END:VEVENT
            END:VCALENDAR
            """
        #expect(throws: CalendarError("DURATION '\(duration)' is more than a year; check it", line: 4)) {
            try HolidayCalendar.parseICS(text)
        }
    }

    @Test(
        "an SLA duration near Int.max is refused with a diagnostic, not an overflow or an endless walk",
        arguments: ["respond = 9223372036854775807 working_hours", "resolve = 9223372036854775807 working_days"]
    )
    func rulesHugeDuration(attribute: String) {
        let text = """
            agency "dpupr" { name = "Dinas PUPR" }
            priority "P1" { when = always, \(attribute) }
            otherwise { to = "dpupr" }
            test "t" {
                complaint { text = "jalan rusak", received = "2026-03-17T10:00:00+07:00" }
                expect { to = "dpupr", priority = "P1" }
            }
            """
        let result = RuleLoader.compile([RuleFile(path: "fuzz.rules", text: text)])
        #expect(result.ruleSet == nil)
        #expect(result.diagnostics.contains { $0.message.contains("is more than ten years") }, "\(result.diagnostics)")
    }

    @Test("an unterminated string whose \\u{ escape swallows the closing brackets is a diagnostic, not a crash")
    func rulesUnterminatedEscape() {
        let text = #"""
            list "jalan" { phrases = ["\u{)] }
            otherwise { to = "dpupr" }
            """#
        let (document, diagnostics) = SyntaxParser.parse(text, path: "fuzz.rules")
        #expect(diagnostics.map(\.message).contains("unterminated string"), "\(diagnostics)")
        #expect(document.blocks.first?.kind == "list")
    }
}
