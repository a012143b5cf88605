import AduanControl
import AduanCore
import AduanRules
import Foundation
import Testing

@testable import AduanDaemon

/// Escalation steps planned from the rules, the clocks and the time: they follow rules edited while the daemon was
/// stopped, and a quiet step waits for the next opening whatever replans its case meanwhile.
@Suite("planned escalation steps")
struct EscalationPlanTests {
    typealias Harness = CaseWorkflowTests.Harness

    /// Replaces the rules in service without a reload's recompute, as a daemon started on edited rules has them.
    static func editRulesWhileStopped(_ harness: Harness, _ edit: (String) -> String) throws {
        try edit(CaseWorkflowTests.rules).write(
            toFile: harness.folder.file("rules/a.rules"),
            atomically: true,
            encoding: .utf8
        )
        let loaded = RuleLoader.load(directory: harness.folder.file("rules"))
        harness.rules.replace(with: try #require(loaded.ruleSet, "\(loaded.rendered())"), at: harness.clock.now())
    }

    @Test("after a restart on edited rules, a step the new rules move earlier fires at its new time")
    func restartOnEditedRules() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        // Respond due Thu 5 Mar 16:00; step 1 (respond − 1 working day) Wed 4 Mar 16:00 is the case's next due.
        // The daemon stops; ops move step 1 to respond − 2 working days (Tue 3 Mar 16:00, not quiet); it starts.
        try harness.restart()
        try Self.editRulesWhileStopped(harness) {
            $0.replacingOccurrences(of: "respond_deadline - 1 working_days", with: "respond_deadline - 2 working_days")
                .replacingOccurrences(of: "quiet = working_hours", with: "")
        }
        try harness.restart()
        let planned = try harness.detail(1).steps[0].dueAt
        #expect(planned == CaseWorkflowTests.date("2026-03-03T16:00:00+07:00"))  // what `case show` says
        try harness.advance(to: "2026-03-03T17:00:00+07:00")
        let detail = try harness.detail(1)
        #expect(detail.steps[0].firedAt != nil, "case show: due \(String(describing: planned)), not fired")
        #expect(detail.events.filter { $0.kind == "escalated" }.count == 1)
    }

    @Test("a quiet step waits for the next opening even when a raise replans its case at the same moment")
    func raiseKeepsPostponement() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try Self.editRulesWhileStopped(harness) {
            $0.replacingOccurrences(of: "respond_deadline + 2 working_days", with: "respond_deadline - 1 working_days")
                .replacingOccurrences(of: "reassign(\"biro\")", with: "raise(\"P1\")")
                .replacingOccurrences(
                    of: "priority \"P2\" {",
                    with:
                        "priority \"P1\" {\n    when = text has any izin\n    respond = 2 working_days\n    escalation = \"standar\"\n}\npriority \"P2\" {"
                )
        }
        try harness.restart()
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        #expect(try harness.detail(1).steps.count == 2)
        // Wed 16:00 (closing): step 1 (quiet notify) waits for Thu 07:30; step 2 raises P2 → P1 (same ladder).
        try harness.advance(to: "2026-03-04T17:00:00+07:00")
        var detail = try harness.detail(1)
        #expect(detail.summary.priority == "P1")
        #expect(detail.steps[0].dueAt == CaseWorkflowTests.date("2026-03-05T07:30:00+07:00"))
        try harness.advance(to: "2026-03-05T07:31:00+07:00")
        detail = try harness.detail(1)
        #expect(detail.steps[0].firedAt != nil)
    }

    @Test(
        "a quiet step waiting for the opening fires once there after a reload, a hold and resume, or a restart",
        arguments: ["reload", "hold", "restart"]
    )
    func postponementSurvives(change: String) throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        try harness.advance(to: "2026-03-04T17:00:00+07:00")
        #expect(try harness.detail(1).steps[0].dueAt == CaseWorkflowTests.date("2026-03-05T07:30:00+07:00"))
        try harness.advance(to: "2026-03-04T18:00:00+07:00")
        switch change {
        case "reload": try harness.reload { $0.replacingOccurrences(of: "Dinas PUPR", with: "Dinas PU") }
        case "hold":
            _ = try harness.perform(.caseHold, 1)
            try harness.advance(to: "2026-03-04T19:00:00+07:00")
            _ = try harness.perform(.caseResume, 1)
        default: try harness.restart()
        }
        try harness.advance(to: "2026-03-04T20:00:00+07:00")
        #expect(try harness.detail(1).steps[0].firedAt == nil)
        try harness.advance(to: "2026-03-05T07:31:00+07:00")
        #expect(try harness.detail(1).steps[0].firedAt != nil)
        try harness.restart()
        try harness.reload { $0.replacingOccurrences(of: "Dinas PUPR", with: "Dinas P") }
        try harness.advance(to: "2026-03-05T09:00:00+07:00")
        #expect(try harness.detail(1).events.filter { $0.kind == "escalated" }.count == 1)
        let cases = harness.cases
        #expect(harness.queue.sync { cases.nextDeadline } ?? .distantPast > harness.clock.now())
    }
}
