import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// `aduanctl rules test`, `rules explain` and `rules route`, run as the built binary on the bundled Banten rules
/// and on small broken ones.
@Suite("aduanctl rules test, explain and route")
struct RuleToolCommandTests {
    /// A temporary rules directory holding the fixture rules and `tests`.
    static func rulesDirectory(tests: String) throws -> TemporaryRulesDirectory {
        let directory = try TemporaryRulesDirectory()
        try directory.write("main.rules", RuleToolFixtures.rules + tests)
        return directory
    }

    static let failingTests = """
        test "Jalan berlubang" {
            complaint { text = "jalan berlubang", received = "2026-03-17T10:00:00+07:00" }
            expect { route = "Jalan rusak", respond_by = "2026-03-24T16:00:00+07:00" }
        }
        test "Lampu jalan" {
            complaint { text = "lampu jalan rusak di gang", received = "2026-03-17T10:00:00+07:00" }
            expect { route = "Jalan rusak", to = "dpupr", respond_by = none }
        }

        """

    @Test("rules test passes on the bundled rules: one ok line per test, then the summary")
    func bundledTestsPass() throws {
        let run = try CommandRun.aduanctl(["rules", "test", "--rules", TestPaths.rulesDirectory])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        let count = lines.count - 1
        #expect(count >= 24)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("ok  ") })
        #expect(lines.first == "ok  Pungli di loket Samsat, diperiksa dulu oleh admin")
        #expect(lines.last == "\(count) tests: \(count) passed")
    }

    @Test("rules test prints each failing field as expected vs got and exits 1")
    func failingTest() throws {
        let directory = try Self.rulesDirectory(tests: Self.failingTests)
        defer { directory.remove() }
        let run = try CommandRun.aduanctl(["rules", "test", directory.path])
        #expect(run.exitCode == 1)
        #expect(
            run.standardOutput == """
                ok  Jalan berlubang
                FAIL Lampu jalan
                  route: expected "Jalan rusak", got "otherwise"
                  to: expected "dpupr", got "biro-pemerintahan"
                  respond_by: expected none, got "2026-03-24T16:00:00+07:00"
                  at \(directory.path)/main.rules:15:1: no route matched, so 'otherwise' applies; priority P3 \
                (priority "P3" applies to every complaint)
                2 tests: 1 passed, 1 failed

                """
        )
        #expect(run.standardError == "error: 1 of 2 tests failed; the daemon would refuse these rules\n")
    }

    @Test("rules test --json lists every test with its mismatches")
    func failingTestJSON() throws {
        let directory = try Self.rulesDirectory(tests: Self.failingTests)
        defer { directory.remove() }
        let run = try CommandRun.aduanctl(["rules", "test", "--json", "--rules", directory.path])
        #expect(run.exitCode == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["passed"] as? Int == 1)
        #expect(object["failed"] as? Int == 1)
        #expect((object["errors"] as? [String])?.isEmpty == true)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.map { $0["label"] as? String } == ["Jalan berlubang", "Lampu jalan"])
        #expect(tests.first?["respond_by"] as? String == "2026-03-24T09:00:00Z")
        let mismatches = try #require(tests.last?["mismatches"] as? [[String: Any]])
        #expect(mismatches.map { $0["field"] as? String } == ["route", "to", "respond_by"])
        #expect(mismatches.last?["expected"] is NSNull)
        #expect(mismatches.last?["actual"] as? String == "2026-03-24T16:00:00+07:00")
    }

    @Test("rules test reports rules that do not compile, runs no test and exits 1")
    func brokenRules() throws {
        let directory = try Self.rulesDirectory(
            tests: "test \"x\" { complaint { text = \"y\" } expect { to = \"dpuppr\" } }\n"
        )
        defer { directory.remove() }
        let run = try CommandRun.aduanctl(["rules", "test", directory.path])
        #expect(run.exitCode == 1)
        #expect(run.standardOutput == "\(directory.path): no tests\n")
        #expect(run.standardError.contains("\(directory.path)/main.rules:11:51: error: unknown agency 'dpuppr'"))
        #expect(run.standardError.contains("help: did you mean 'dpupr'?"))
        #expect(run.standardError.hasSuffix("error: \(directory.path): 1 error; no test could run\n"))
    }

    @Test("rules explain shows every route tried, the winner, the priority and the holidays its deadlines skip")
    func explain() throws {
        let run = try CommandRun.aduanctl([
            "rules", "explain", "--rules", TestPaths.rulesDirectory, "--text",
            "Jln rusak parah di depan SMPN 3, banyak lubang", "--region", "Kota Serang", "--channel", "sms",
            "--received", "2026-03-17T10:00:00+07:00",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty)
        let output = run.standardOutput
        #expect(output.contains("words:       jalan rusak parah di depan smpn 3 banyak lubang\n"))
        #expect(output.contains("channel sms, region Kota Serang, received 2026-03-17T10:00:00+07:00\n"))
        #expect(output.contains("   1  no   Pungli dan penyalahgunaan wewenang → inspektorat\n"))
        #expect(output.contains("           no phrase of list 'pungli'\n"))
        #expect(
            output.contains(
                "           found \"jalan rusak\", \"jalan rusak parah\"; but region Kota Serang is not one of "
                    + "Kabupaten Pandeglang, Kabupaten Lebak\n"
            )
        )
        #expect(output.contains("  YES  Jalan dan jembatan rusak → dpupr\n"))
        #expect(
            output.contains(
                "winner:   route \"Jalan dan jembatan rusak\" → dpupr (Dinas Pekerjaan Umum dan Penataan Ruang "
                    + "Provinsi Banten), verify auto\n"
            )
        )
        #expect(!output.contains("Irigasi"))
        #expect(output.contains("priority: P3, chosen by priority \"P3\"\n"))
        #expect(output.contains("  respond by 2026-03-31T16:00:00+07:00: 5 working_days (priority \"P3\")\n"))
        #expect(output.contains("    skips 2026-03-20 Cuti Bersama Idul Fitri 1447 H\n"))
        #expect(output.contains("    skips 2026-03-21 Idul Fitri 1447 H\n"))
        #expect(output.contains("    skips 2026-03-22 Idul Fitri 1447 H\n"))
        #expect(output.contains("    skips 2026-03-28 Saturday\n"))
    }

    @Test("rules explain --json gives the same explanation as data")
    func explainJSON() throws {
        let run = try CommandRun.aduanctl([
            "rules", "explain", TestPaths.rulesDirectory, "--json", "--text", "Banjir setinggi pinggang",
            "--region", "36.71", "--received", "2026-03-20T09:00:00+07:00",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(run.standardOutput.utf8)) as? [String: Any]
        )
        #expect(object["route"] as? String == "Banjir Tangerang Raya")
        #expect(object["verify"] as? String == "manual")
        #expect(object["priority"] as? String == "P1")
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        #expect(deadlines.map { $0["clock"] as? String } == ["verify"])
        let skipped = try #require(deadlines.first?["skipped"] as? [[String: String]])
        #expect(skipped.first == ["date": "2026-03-20", "reason": "Cuti Bersama Idul Fitri 1447 H"])
        #expect(skipped.contains(["date": "2026-03-24", "reason": "Cuti Bersama Idul Fitri 1447 H"]))
    }

    @Test(
        "rules explain refuses unusable options with exit 64",
        arguments: [
            (["--region", "Kota Serang"], "--text \"…\" is required"),
            (["--text", "x", "--region", "Serang"], "region 'Serang' is ambiguous: write \"Kabupaten Serang\" or"),
            (["--text", "x", "--region", "Kota Cilegn"], "unknown region 'Kota Cilegn'; did you mean 'Kota Cilegon'?"),
            (["--text", "x", "--channel", "emial"], "unknown channel 'emial'; did you mean 'email'?"),
            (["--text", "x", "--received", "kemarin"], "--received 'kemarin' is not an RFC 3339 time"),
        ]
    )
    func explainUsage(arguments: [String], message: String) throws {
        let run = try CommandRun.aduanctl(["rules", "explain", "--rules", TestPaths.rulesDirectory] + arguments)
        #expect(run.exitCode == 64)
        #expect(run.standardError.hasPrefix("error: " + message), "\(run.standardError)")
        #expect(run.standardOutput.isEmpty)
    }

    @Test("rules route gives every sample complaint its expected route, one JSON line each, in order")
    func routeSamples() throws {
        let input = try String(contentsOfFile: TestPaths.seedsDirectory + "/complaints.jsonl", encoding: .utf8)
        let run = try CommandRun.run(
            TestPaths.aduanctl,
            ["rules", "route", "--rules", TestPaths.rulesDirectory],
            environment: CommandRun.cleanEnvironment(),
            input: input
        )
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardError.isEmpty)
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.count == BantenRuleSetTests.expectations.count)
        let ruleSet = try #require(PlannedDeadlinesTests.bantenRules)
        let decoder = SpoolItemDecoder(source: "replay")
        let inputs = try input.split(separator: "\n").map {
            try decoder.decodeComplaint(Array($0.utf8), receivedDefault: Date()).get()
        }
        for (line, expectation) in zip(lines, BantenRuleSetTests.expectations) {
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            #expect(object["id"] as? String == expectation.id)
            #expect(object["route"] as? String == expectation.route, "\(expectation.id)")
            #expect(object["to"] as? String == expectation.agency, "\(expectation.id)")
            let complaint = try #require(inputs.first { $0.externalID == expectation.id })
            let decision = ruleSet.route(RoutingInput(complaint))
            let receivedAt = complaint.receivedAt
            let respondBy = ruleSet.plannedDeadlines(for: decision, receivedAt: receivedAt).respondBy
            #expect(object["priority"] as? String == decision.priority)
            if let respondBy {
                #expect(object["respond_by"] as? String == RFC3339.format(respondBy), "\(expectation.id)")
            } else {
                #expect(object["respond_by"] is NSNull, "\(expectation.id)")
            }
        }
        #expect(lines.first?.hasPrefix(#"{"id":"seed-001","route":"#) == true)
    }

    @Test("rules route answers an invalid line with its id and the reason, goes on, and exits 1 at the end")
    func routeInvalidLines() throws {
        let input = [
            #"{"id": 7, "text": "Jalan berlubang", "received_at": "2026-03-17T10:00:00+07:00", "channel": "sms"}"#,
            "not json",
            #"{"id": "b", "text": "x", "channel": "fax"}"#,
            "",
            #"{"id": "c", "text": "x", "received_at": "kemarin"}"#,
            #"{"text": "x"}"#,
            #"{"id": "d\"e", "text": "Sampah menumpuk", "region": "Kota Serang", "received_at": "2026-03-17T03:00:00Z"}"#,
        ].joined(separator: "\n")
        let directory = try Self.rulesDirectory(tests: "")
        defer { directory.remove() }
        let run = try CommandRun.run(
            TestPaths.aduanctl,
            ["rules", "route", directory.path],
            environment: CommandRun.cleanEnvironment(),
            input: input
        )
        #expect(run.exitCode == 1)
        #expect(
            run.standardOutput == """
                {"id":"7","route":"Jalan rusak","to":"dpupr","priority":"P3","respond_by":"2026-03-24T09:00:00Z"}
                {"id":null,"error":"invalid JSON: Invalid value around character 1."}
                {"id":"b","error":"unknown channel 'fax': use one of web sms email app social phone walk_in open311 other"}
                {"id":"c","error":"'received_at' is not an RFC 3339 date-time: 'kemarin' (example: 2026-03-17T10:00:00+07:00)"}
                {"id":null,"error":"missing required field 'id'"}
                {"id":"d\\"e","route":"otherwise","to":"biro-pemerintahan","priority":"P3","respond_by":"2026-03-24T09:00:00Z"}

                """
        )
        #expect(run.standardError == "error: 4 lines were not a valid complaint\n")
    }

    @Test("the new verbs have --help and are listed by aduanctl rules --help")
    func help() throws {
        for verb in ["test", "explain", "route"] {
            let run = try CommandRun.aduanctl(["rules", verb, "--help"])
            #expect(run.exitCode == 0)
            #expect(run.standardOutput.hasPrefix("usage: aduanctl rules \(verb)"))
        }
        let rules = try CommandRun.aduanctl(["rules", "--help"])
        #expect(rules.standardOutput.contains("aduanctl rules test|explain|route"))
    }
}
