import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// `RuleSet.plannedDeadlines`: the clocks a new case starts with, as `CaseWorkflow.open` starts them, and the same
/// deadlines as `aduanctl sla due` computes.
@Suite("Planned deadlines")
struct PlannedDeadlinesTests {
    static let bantenRules: RuleSet? = RuleLoader.load(directory: TestPaths.rulesDirectory).ruleSet

    static func decision(verify: VerifyMode, priority: String?) -> RoutingDecision {
        RoutingDecision(
            route: "x",
            agency: "dpupr",
            verify: verify,
            priority: priority,
            matchedPhrases: [],
            reason: ""
        )
    }

    @Test("an automatic route starts respond and resolve at receipt with its priority's budgets")
    func automatic() throws {
        let ruleSet = try #require(RuleToolFixtures.compile("").ruleSet)
        let received = try RuleToolFixtures.time("2026-03-17T10:00:00+07:00")
        let planned = ruleSet.plannedDeadlines(for: Self.decision(verify: .auto, priority: "P1"), receivedAt: received)
        #expect(planned.clocks.map(\.kind) == [.respond, .resolve])
        #expect(planned.clocks.allSatisfy { $0.startedAt == received })
        #expect(planned.verifyBy == nil)
        #expect(planned.respondBy == (try RuleToolFixtures.time("2026-03-17T14:00:00+07:00")))
        #expect(planned.resolveBy == (try RuleToolFixtures.time("2026-03-19T16:00:00+07:00")))
        #expect(planned.priority?.name == "P1")
    }

    @Test("a manual route waits on the verify clock alone; no respond deadline yet")
    func manual() throws {
        let ruleSet = try #require(RuleToolFixtures.compile("").ruleSet)
        let received = try RuleToolFixtures.time("2026-03-17T10:00:00+07:00")
        let planned = ruleSet.plannedDeadlines(
            for: Self.decision(verify: .manual, priority: "P1"),
            receivedAt: received
        )
        #expect(planned.clocks.map(\.kind) == [.verify])
        #expect(planned.clock(.verify)?.budget == SLADefaults.verify)
        #expect(planned.verifyBy == (try RuleToolFixtures.time("2026-03-20T16:30:00+07:00")))
        #expect(planned.respondBy == nil)
        #expect(planned.resolveBy == nil)
    }

    @Test("without a priority, or one without budgets, respond takes the default and there is no resolve clock")
    func defaults() throws {
        let ruleSet = try #require(RuleToolFixtures.compile("").ruleSet)
        let received = try RuleToolFixtures.time("2026-03-17T10:00:00+07:00")
        for priority in [nil, "P3"] {
            let planned = ruleSet.plannedDeadlines(
                for: Self.decision(verify: .auto, priority: priority),
                receivedAt: received
            )
            #expect(planned.clocks.map(\.kind) == [.respond])
            #expect(
                planned.clock(.respond)?.budget
                    == (priority == nil ? SLADefaults.respond : ruleSet.priority(named: "P3")?.respond)
            )
            #expect(planned.respondBy == (try RuleToolFixtures.time("2026-03-24T16:00:00+07:00")))
        }
    }

    @Test(
        "the respond deadline of the Banten rules is what aduanctl sla due prints for the same budget",
        arguments: [
            ("Banjir lagi di perumahan", "2026-03-13T15:00:00+07:00", ["--working-hours", "4"]),
            ("Rumah sakit kehabisan obat", "2026-03-19T08:00:00+07:00", ["--working-days", "2"]),
            ("Jalan rusak di depan sekolah dasar", "2026-03-17T10:00:00+07:00", ["--working-days", "5"]),
            ("Izin usaha belum terbit", "2026-05-13T14:00:00+07:00", ["--working-days", "5"]),
            ("Terima kasih pak", "2026-12-24T16:00:00+07:00", ["--working-days", "5"]),
        ]
    )
    func agreesWithSLADue(text: String, received: String, budget: [String]) throws {
        let ruleSet = try #require(Self.bantenRules)
        let decision = ruleSet.route(RoutingInput(text: text))
        let planned = ruleSet.plannedDeadlines(for: decision, receivedAt: try RuleToolFixtures.time(received))
        let respond = try #require(planned.clock(.respond))
        let flag = respond.budget.unit == .workingHours ? "--working-hours" : "--working-days"
        #expect([flag, String(respond.budget.amount)] == budget)
        let run = try CommandRun.run(
            TestPaths.aduanctl,
            ["sla", "due", "--start", received] + budget,
            environment: CommandRun.cleanEnvironment(),
            workingDirectory: TestPaths.packageRoot.path
        )
        #expect(run.exitCode == 0, "\(run.standardError)")
        let due = try #require(RFC3339.parse(run.standardOutput.trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(planned.respondBy == due)
    }
}
