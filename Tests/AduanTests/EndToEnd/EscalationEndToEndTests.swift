import AduanControl
import AduanCore
import Foundation
import Testing

/// Deadlines in the real daemon: a test calendar open around the clock and a respond budget of one minute, so a
/// complaint received 55 s ago falls due seconds after intake.
@Suite("escalation end to end", .serialized)
struct EscalationEndToEndTests {
    static let rules = """
        calendar "default" {
            timezone = "Asia/Jakarta"
            hours = "Mon-Sun 00:00-24:00"
        }
        agency "dpupr" { name = "Dinas Pekerjaan Umum dan Penataan Ruang" }
        agency "biro" { name = "Biro Pemerintahan" }
        list "jalan" { phrases = ["jalan rusak"] }
        escalation "cepat" {
            step {
                at = respond_deadline - 1 minutes
                do = mark_overdue
            }
            step {
                at = respond_deadline
                do = notify("agency-head")
            }
        }
        priority "kilat" {
            respond = 1 minutes
            escalation = "cepat"
        }
        route "Jalan" {
            when = text has any jalan
            to = "dpupr"
        }
        otherwise { to = "biro" }
        """

    @Test("a complaint past its respond deadline is escalated once: notice in the outbox, step in case show")
    func escalatesOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try Self.rules.write(toFile: folder.file("rules/test.rules"), atomically: true, encoding: .utf8)
        let state = folder.file("state")
        var daemon = try DaemonProcess(stateDirectory: state, rules: folder.file("rules"))
        let received = RFC3339.format(Date().addingTimeInterval(-55), offsetSeconds: 7 * 3_600)
        try DaemonEndToEndTests.drop(
            [#"{"id":"e-1","text":"Jalan rusak di depan sekolah","received_at":"\#(received)"}"#],
            named: "e.jsonl",
            into: state + "/inbox"
        )
        // The notice is delivered to the default outbox, named by the case and its "escalated" event.
        func noticeFile() -> String? {
            let folder = state + "/outbox/dpupr"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            // Not a file still being written (`.name.tmp`, renamed into place when whole).
            return names.filter { !$0.hasPrefix(".") }.map { folder + "/" + $0 }.first { path in
                (try? String(contentsOfFile: path, encoding: .utf8))?.contains(#""purpose":"notice""#) == true
            }
        }
        #expect(eventually(within: 30) { noticeFile() != nil })
        let notice = try #require(noticeFile())
        let ctl = ["--socket", daemon.socketPath]
        let shown = try CommandRun.aduanctl(ctl + ["case", "show", "1", "--json"])
        let detail = try ControlCoding.makeDecoder().decode(CaseDetail.self, from: Data(shown.standardOutput.utf8))
        #expect(detail.summary.priority == "kilat")
        #expect(detail.summary.overdueSince != nil)
        #expect(detail.steps.count == 2)
        #expect(detail.steps.allSatisfy { $0.firedAt != nil })
        #expect(detail.events.filter { $0.kind == "escalated" }.count == 1)
        #expect(try eventually { try daemon.status().overdue == 1 })
        let overdue = try CommandRun.aduanctl(ctl + ["cases", "--overdue", "--json"])
        #expect(overdue.standardOutput.contains("\"e-1\""))
        let text = try String(contentsOfFile: notice, encoding: .utf8)
        #expect(text.contains(#""target":"agency-head""#))

        // A restart handles nothing twice: the steps stay fired and the notice is not written again.
        let written = try FileManager.default.attributesOfItem(atPath: notice)[.modificationDate] as? Date
        #expect(daemon.stop() == 0)
        daemon = try DaemonProcess(stateDirectory: state, rules: folder.file("rules"))
        let again = try ControlClient(socketPath: daemon.socketPath)
            .send(ControlRequest(op: .caseShow, caseID: "1"), expecting: CaseDetail.self)
        #expect(again.events.filter { $0.kind == "escalated" }.count == 1)
        #expect(try FileManager.default.attributesOfItem(atPath: notice)[.modificationDate] as? Date == written)

        // Resolving ends the case's overdue state and stops its clocks.
        let resolved = try CommandRun.aduanctl(ctl + ["case", "resolve", "1", "--note", "jalan sudah ditambal"])
        #expect(resolved.exitCode == 0, "\(resolved.standardError)")
        #expect(try daemon.status().overdue == 0)
        let refused = try CommandRun.aduanctl(ctl + ["case", "hold", "1"])
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.hasPrefix("error: cannot hold case 1: it is resolved"))
        #expect(daemon.stop() == 0)
    }
}
