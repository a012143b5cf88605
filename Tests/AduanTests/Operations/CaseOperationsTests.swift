import AduanControl
import AduanCore
import AduanRules
import Foundation
import Testing

/// The operators' case handling through the real daemon and the real `aduanctl`: filters, `case why`, forward,
/// assign, archive and the per-agency report.
@Suite("case operations end to end", .serialized)
struct CaseOperationsTests {
    @Test("cases filters by receipt time, region and words narrow the list, alone and combined")
    func filtersNarrow() throws {
        let fixture = try OperationsFixture()
        defer { fixture.stop() }
        try fixture.ingest([
            OperationsFixture.complaint("f0", "Lampu taman padam", received: "2026-03-11T23:59:59+07:00"),
            OperationsFixture.complaint("f1", "Air PDAM mati di Kasemen", received: "2026-03-02T09:00:00+07:00"),
            OperationsFixture.complaint("f2", "Jalan berlubang dekat alun-alun", received: "2026-03-12T00:00:00+07:00"),
            OperationsFixture.complaint(
                "f3",
                "Banjir, AIR setinggi lutut",
                region: "Kab. Lebak",
                received: "2026-03-12T10:00:00+07:00"
            ),
            OperationsFixture.complaint(
                "f4",
                "Sampah menumpuk",
                region: "36.73",
                received: "2026-03-20T10:00:00+07:00"
            ),
        ])
        #expect(try fixture.listed(["--region", "Kota Serang"]) == ["f1", "f0", "f2", "f4"])
        #expect(try fixture.listed(["--region", "36.02"]) == ["f3"])
        // A date is midnight WIB: a second before it is out, midnight itself is in.
        #expect(try fixture.listed(["--since", "2026-03-12"]) == ["f2", "f3", "f4"])
        #expect(try fixture.listed(["--since", "2026-03-12T03:00:00Z"]) == ["f3", "f4"])
        #expect(try fixture.listed(["--search", "air"]) == ["f1", "f3"])
        #expect(try fixture.listed(["--search", "MATI pdam"]) == ["f1"])
        #expect(try fixture.listed(["--search", "tidak ada"]).isEmpty)
        #expect(try fixture.listed(["--region", "Kota Serang", "--search", "Air"]) == ["f1"])
        #expect(
            try fixture.listed(["--agency", "dinas-air", "--state", "dispatched", "--since", "2026-03-10"]) == ["f3"]
        )
        #expect(try fixture.listed(["--region", "Kota Serang", "--since", "2026-03-12", "--limit", "1"]) == ["f2"])

        let table = try fixture.ctl(["cases", "--search", "sampah"])
        #expect(table.standardOutput.contains("Aduan f4"))
        #expect(!table.standardOutput.contains("Aduan f1"))
        let ambiguous = try fixture.ctl(["cases", "--region", "Serang"])
        #expect(ambiguous.exitCode == 64)
        #expect(ambiguous.standardError.contains("Kabupaten Serang"))
    }

    @Test("case why shows the route and the phrases that matched; forward, assign and archive change the case")
    func whyAndTransitions() throws {
        let fixture = try OperationsFixture()
        defer { fixture.stop() }
        try fixture.ingest([
            OperationsFixture.complaint("w1", "Air PDAM mati tiga hari"),
            OperationsFixture.complaint("w2", "Air sumur tercemar limbah"),
        ])
        let first = try fixture.caseID("w1")
        let second = try fixture.caseID("w2")

        let why = try fixture.ctl(["case", "why", first])
        #expect(why.exitCode == 0, "\(why.standardError)")
        #expect(why.standardOutput.contains("route:     Air bersih"))
        #expect(why.standardOutput.contains(#"phrases:   "air", "pdam""#))
        #expect(why.standardOutput.contains("respond"))
        #expect(why.standardOutput.contains("route it the same way"))
        let whyJSON = try fixture.ctl(["case", "why", first, "--json"])
        let explanation = try ControlCoding.makeDecoder().decode(
            CaseExplanation.self,
            from: Data(whyJSON.standardOutput.utf8)
        )
        #expect(explanation.routed.agency == "dinas-air")
        #expect(explanation.routed.phrases == ["air", "pdam"])
        #expect(explanation.remainingSeconds["respond"] != nil)

        let typo = try fixture.ctl(["case", "forward", first, "pemkot-serangg"])
        #expect(typo.exitCode == 1)
        #expect(typo.standardError.contains("did you mean 'pemkot-serang'?"))

        let forwarded = try fixture.ctl(["case", "forward", first, "pemkot-serang", "--note", "kewenangan pemkot"])
        #expect(forwarded.exitCode == 0, "\(forwarded.standardError)")
        var detail = try fixture.show(first)
        #expect(detail.summary.state == .notOurAuthority)
        #expect(detail.summary.agency == "pemkot-serang")
        #expect(detail.clocks.allSatisfy { $0.stoppedAt != nil })
        #expect(detail.events.contains { $0.kind == "forwarded" && $0.reason?.contains("kewenangan pemkot") == true })

        let before = try fixture.show(second)
        let assigned = try fixture.ctl(["case", "assign", second, "dinas-umum", "--note", "sumur, bukan PDAM"])
        #expect(assigned.exitCode == 0, "\(assigned.standardError)")
        let listed = try #require(try fixture.cases(["--agency", "dinas-umum"]).first)
        #expect(listed.id == second)
        #expect(listed.state == before.summary.state)
        #expect(listed.respondBy == before.summary.respondBy)
        detail = try fixture.show(second)
        #expect(detail.clocks == before.clocks)
        #expect(detail.events.last?.kind == "reassigned")
        #expect(detail.events.last?.reason?.contains("sumur, bukan PDAM") == true)
        let whyAfter = try fixture.ctl(["case", "why", second])
        #expect(whyAfter.standardOutput.contains("agency:    dinas-air (now dinas-umum)"))
        // The agency a case is forwarded or assigned to is sent the case.
        let deliveries = try ControlCoding.makeDecoder().decode(
            [DeliveryRecord].self,
            from: Data(try fixture.ctl(["deliveries", "--json"]).standardOutput.utf8)
        )
        #expect(deliveries.contains { $0.caseID == first && $0.agency == "pemkot-serang" && $0.purpose == .assignment })
        #expect(deliveries.contains { $0.caseID == second && $0.agency == "dinas-umum" && $0.purpose == .assignment })

        let archived = try fixture.ctl(["case", "archive", first, "--note", "diteruskan via surat"])
        #expect(archived.exitCode == 0, "\(archived.standardError)")
        #expect(try fixture.show(first).summary.state == .archived)

        for invalid in [
            ["case", "archive", first], ["case", "assign", first, "dinas-air"], ["case", "archive", second],
        ] {
            let run = try fixture.ctl(invalid)
            #expect(run.exitCode == 1)
            #expect(run.standardError.hasPrefix("error: cannot "))
            #expect(run.standardError.filter { $0 == "\n" }.count == 1)
        }
    }

    @Test("agencies counts cases and reports working time to first response and the share within SLA")
    func agencyReport() throws {
        let fixture = try OperationsFixture()
        defer { fixture.stop() }
        try fixture.ingest([
            OperationsFixture.complaint("a1", "Air mati", received: "2026-03-02T09:00:00+07:00"),
            OperationsFixture.complaint("a2", "Air keruh", received: "2026-03-09T10:00:00+07:00"),
            OperationsFixture.complaint("a3", "Air PDAM bocor"),
            OperationsFixture.complaint("a4", "Air tidak mengalir", received: "2026-03-04T08:00:00+07:00"),
            OperationsFixture.complaint("u1", "Jalan berlubang"),
        ])
        var responses: [String: (received: Date, answered: Date)] = [:]
        for id in ["a1", "a2", "a3"] {
            let caseID = try fixture.caseID(id)
            #expect(try fixture.ctl(["case", "respond", caseID]).exitCode == 0)
            let detail = try fixture.show(caseID)
            let answered = try #require(detail.events.first { $0.toState == .inProgress }?.at)
            responses[id] = (detail.summary.receivedAt, answered)
        }
        let calendar = try #require(
            RuleLoader.load(directory: fixture.folder.file("rules")).ruleSet?.calendar
        )
        let seconds = ["a1", "a2", "a3"].map { id in
            calendar.workingSeconds(from: responses[id]!.received, to: responses[id]!.answered)
        }
        let run = try fixture.ctl(["agencies", "--json"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let reports = try ControlCoding.makeDecoder().decode([AgencyReport].self, from: Data(run.standardOutput.utf8))
        #expect(reports.map(\.agency) == ["dinas-air", "dinas-umum"])
        let water = try #require(reports.first)
        #expect(water.cases == 4)
        #expect(water.open == 4)
        // a1, a2 and a4 were past their respond deadline at intake; answering late does not clear it.
        #expect(water.overdue == 3)
        #expect(water.answered == 3)
        // Three answers, oldest first a1 > a2 > a3: the median is a2's, the 90th percentile a1's.
        #expect(water.medianResponseSeconds == seconds[1])
        #expect(water.p90ResponseSeconds == seconds[0])
        // Settled: a1, a2 (late), a3 (in time) and a4 (past due, unanswered).
        #expect(water.withinSLAShare == 0.25)
        let general = try #require(reports.last)
        #expect(general.cases == 1 && general.open == 1 && general.overdue == 0 && general.answered == 0)
        #expect(general.withinSLAShare == nil && general.medianResponseSeconds == nil)

        let recent = try fixture.ctl(["agencies", "--since", "2026-03-05", "--json"])
        let recentReports = try ControlCoding.makeDecoder().decode(
            [AgencyReport].self,
            from: Data(recent.standardOutput.utf8)
        )
        #expect(recentReports.first?.cases == 2)
        let table = try fixture.ctl(["agencies"])
        #expect(table.standardOutput.contains("Dinas Air"))
        #expect(table.standardOutput.contains("25%"))
    }
}

/// The new commands' command line: help at every level, usage errors and an absent daemon.
@Suite("aduanctl case operations command line")
struct CaseOperationsCommandLineTests {
    @Test(
        "--help works for every new command",
        arguments: [
            ["agencies", "--help"], ["case", "why", "--help"], ["case", "forward", "--help"],
            ["case", "assign", "--help"], ["case", "archive", "--help"], ["cases", "--help"],
        ]
    )
    func help(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(arguments)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.hasPrefix("usage: aduanctl"))
    }

    @Test(
        "a wrong command line exits 64 with one error line",
        arguments: [
            ["cases", "--since", "yesterday"], ["cases", "--region", "Atlantis"], ["cases", "--search", " "],
            ["case", "forward", "1"], ["case", "assign"], ["case", "why", "x"], ["agencies", "--since", "soon"],
            ["agencies", "extra"], ["case", "archive", "1", "dinas-air"],
        ]
    )
    func usageErrors(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(["--socket", "/nonexistent/aduand.sock"] + arguments)
        #expect(run.exitCode == 64)
        #expect(run.standardError.hasPrefix("error: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }

    @Test(
        "no daemon exits 69",
        arguments: [["agencies"], ["case", "why", "1"], ["case", "forward", "1", "dinas-air"]]
    )
    func unreachable(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(["--socket", "/nonexistent/aduand.sock"] + arguments)
        #expect(run.exitCode == 69)
    }
}
