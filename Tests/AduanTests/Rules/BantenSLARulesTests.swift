import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// The SLA part of the real Banten rules in `rules/05-sla.rules`: calendar, priorities and ladders.
@Suite("Banten SLA rules")
struct BantenSLARulesTests {
    static let loaded = RuleLoader.load(directory: TestPaths.rulesDirectory)

    @Test("the calendar is WIB office hours with the national holidays and cuti bersama of the seed file")
    func calendar() throws {
        let rules = try #require(Self.loaded.ruleSet, "\(Self.loaded.rendered())")
        #expect(rules.calendar.timeZone.identifier == "Asia/Jakarta")
        #expect(rules.calendar.hours == .indonesianGovernment)
        #expect(
            rules.calendar.holidays.name(of: try #require(CivilDate(iso: "2026-03-21")))?.contains("Idul Fitri") == true
        )
        #expect(
            rules.calendar.holidays.name(of: try #require(CivilDate(iso: "2026-03-23")))?.contains("Cuti Bersama")
                == true
        )
        #expect(rules.files.last?.name == "indonesia-2025-2027.ics")
    }

    @Test("P1 to P4 carry the SP4N-LAPOR! budgets, P3 last as the catch-all")
    func priorities() throws {
        let rules = try #require(Self.loaded.ruleSet)
        #expect(
            rules.priorities == [
                PriorityPolicy(
                    name: "P1",
                    respond: WorkingDuration(4, .workingHours),
                    resolve: WorkingDuration(2, .workingDays),
                    escalation: "darurat"
                ),
                PriorityPolicy(
                    name: "P2",
                    respond: WorkingDuration(2, .workingDays),
                    resolve: WorkingDuration(5, .workingDays),
                    escalation: "standar"
                ),
                PriorityPolicy(
                    name: "P4",
                    respond: nil,
                    resolve: WorkingDuration(60, .workingDays),
                    escalation: "standar"
                ),
                PriorityPolicy(
                    name: "P3",
                    respond: WorkingDuration(5, .workingDays),
                    resolve: WorkingDuration(14, .workingDays),
                    escalation: "standar"
                ),
            ]
        )
    }

    @Test(
        "complaints get the priority of their matter, whatever their route",
        arguments: [
            ("Banjir setinggi lutut di perumahan kami sejak pagi", "P1"),
            ("Pohon tumbang menutup jalan provinsi", "P1"),
            ("Beredar hoaks tanggul jebol di grup WA", "P3"),
            ("Pasien BPJS kesehatan ditolak di puskesmas", "P2"),
            ("Air PDAM mati tiga hari", "P2"),
            ("Izin usaha kami tidak kunjung terbit", "P4"),
            ("Jembatan putus di desa kami", "P4"),
            ("Lampu taman kota mati", "P3"),
        ]
    )
    func samplePriorities(text: String, priority: String) throws {
        let rules = try #require(Self.loaded.ruleSet)
        let decision = rules.route(RoutingInput(text: text))
        #expect(decision.priority == priority, "\(decision.reason)")
    }

    @Test("the standard ladder reminds, marks overdue, tells the Inspektorat in office hours, then hands over")
    func standardLadder() throws {
        let rules = try #require(Self.loaded.ruleSet)
        let ladder = try #require(rules.escalation(named: "standar"))
        #expect(
            ladder.steps == [
                EscalationStep(
                    anchor: .respond,
                    offset: WorkingDuration(1, .workingDays),
                    isBeforeAnchor: true,
                    action: .notify("agency-head")
                ),
                EscalationStep(
                    anchor: .respond,
                    offset: WorkingDuration(0, .minutes),
                    isBeforeAnchor: false,
                    action: .markOverdue
                ),
                EscalationStep(
                    anchor: .respond,
                    offset: WorkingDuration(2, .workingDays),
                    isBeforeAnchor: false,
                    action: .notify("inspektorat"),
                    isQuietOutsideWorkingHours: true
                ),
                EscalationStep(
                    anchor: .resolve,
                    offset: WorkingDuration(0, .minutes),
                    isBeforeAnchor: false,
                    action: .markOverdue
                ),
                EscalationStep(
                    anchor: .resolve,
                    offset: WorkingDuration(5, .workingDays),
                    isBeforeAnchor: false,
                    action: .notify("biro-pemerintahan"),
                    isQuietOutsideWorkingHours: true
                ),
            ]
        )
        let emergency = try #require(rules.escalation(named: "darurat"))
        #expect(emergency.steps.allSatisfy { !$0.isQuietOutsideWorkingHours })
        #expect(emergency.steps.first?.offset == WorkingDuration(2, .workingHours))
    }
}
