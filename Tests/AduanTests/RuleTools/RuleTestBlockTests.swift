import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// `test "label" { complaint { … } expect { … } }` blocks: checked with positions and suggestions, run on every
/// load, and a failing one refuses the snapshot.
@Suite("Rule tests in rule files")
struct RuleTestBlockTests {
    static let passing = """
        test "Jalan berlubang" {
            complaint {
                text = "Jln di depan pasar berlubang", title = "Jalan", region = "Kota Serang", channel = "sms",
                received = "2026-03-17T10:00:00+07:00"
            }
            expect { route = "Jalan rusak", to = "dpupr", priority = "P3", respond_by = "2026-03-24T16:00:00+07:00" }
        }
        test "Media sosial dicek dulu" {
            complaint { text = "Ada info aneh", channel = "social", received = "2026-03-17T10:00:00+07:00" }
            expect { route = "Cek dulu", respond_by = none }
        }
        test "Banjir" {
            complaint { text = "BANJIR lagi", received = "2026-03-17T03:00:00Z" }
            expect { route = "otherwise", priority = "P1", respond_by = "2026-03-17T07:00:00Z" }
        }

        """

    @Test("passing tests keep the snapshot and are listed on the load result in order")
    func passingTests() throws {
        let result = RuleToolFixtures.compile(Self.passing)
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let ruleSet = try #require(result.ruleSet)
        #expect(result.compiledRuleSet === ruleSet)
        #expect(result.testResults.map(\.label) == ["Jalan berlubang", "Media sosial dicek dulu", "Banjir"])
        #expect(result.testResults.allSatisfy { $0.isPassing })
        #expect(result.testResults.map(\.location.line) == [11, 18, 22])
        #expect(result.testResults[0].respondBy == (try RuleToolFixtures.time("2026-03-24T16:00:00+07:00")))
        #expect(result.testResults[1].respondBy == nil)
    }

    @Test("a failing test refuses the snapshot with one error at the test naming every failing field")
    func failingTestRefusesSnapshot() throws {
        let result = RuleToolFixtures.compile(
            Self.passing + """
                test "Lampu jalan" {
                    complaint { text = "lampu jalan rusak di gang", received = "2026-03-17T10:00:00+07:00" }
                    expect { route = "Jalan rusak", to = "dpupr", priority = "P3", respond_by = none }
                }

                """
        )
        #expect(result.ruleSet == nil)
        #expect(result.compiledRuleSet != nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:26:1: error: test \"Lampu jalan\" failed: route: expected \"Jalan rusak\", got "
                    + "\"otherwise\"; to: expected \"dpupr\", got \"biro-pemerintahan\"; respond_by: expected none, "
                    + "got \"2026-03-24T16:00:00+07:00\""
            ]
        )
        #expect(
            result.diagnostics.first?.help
                == "no route matched, so 'otherwise' applies; priority P3 (priority \"P3\" applies to every complaint)"
        )
        let failing = try #require(result.testResults.last)
        #expect(!failing.isPassing)
        #expect(failing.mismatches.map(\.field) == ["route", "to", "respond_by"])
        #expect(
            failing.mismatches[2]
                == RuleTestMismatch(field: "respond_by", expected: nil, actual: "2026-03-24T16:00:00+07:00")
        )
        #expect(result.testResults.dropLast().allSatisfy { $0.isPassing })
    }

    @Test("a time is compared as an instant, whatever its offset or fraction")
    func respondByIsAnInstant() {
        let result = RuleToolFixtures.compile(
            """
            test "UTC" {
                complaint { text = "jalan rusak", received = "2026-03-17T10:00:00+07:00" }
                expect { respond_by = "2026-03-24T09:00:00.500Z" }
            }
            test "Salah jam" {
                complaint { text = "jalan rusak", received = "2026-03-17T10:00:00+07:00" }
                expect { priority = none, respond_by = "2026-03-24T15:00:00+07:00" }
            }

            """
        )
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:15:1: error: test \"Salah jam\" failed: priority: expected none, got \"P3\"; "
                    + "respond_by: expected \"2026-03-24T15:00:00+07:00\", got \"2026-03-24T16:00:00+07:00\""
            ]
        )
    }

    @Test("every mistake in test blocks is reported at once, at its position, with a suggestion")
    func checkErrors() {
        let result = RuleToolFixtures.compile(
            """
            test "Salah" {
                title = "x"
                complaint { txt = "jalan rusak", region = "Serang", channel = "emial", received = "kemarin" }
                expect { route = "Jalan rusk", to = "dpuppr", priority = "P2", respond_by = "besok" }
                expected { }
            }
            test "Tanpa expect" {
                complaint { text = "x" }
            }
            test "Salah" { complaint { text = "y" } expect { to = "dpupr" } }
            test "Tanpa waktu" { complaint { text = "y" } expect { respond_by = none } }
            test "Kosong" { complaint { text = " " } expect { } }
            test "Bukan string" { complaint { text = "y", region = "Kota Cilegn" } expect { priority = P1, to = dpupr } }
            tset "Typo" { }

            """
        )
        #expect(result.ruleSet == nil)
        #expect(result.testResults.isEmpty)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:12:5: error: 'title' cannot be set on test \"Salah\" itself",
                "rules/main.rules:13:17: error: unknown key 'txt' in complaint",
                "rules/main.rules:13:47: error: region \"Serang\" is ambiguous",
                "rules/main.rules:13:67: error: unknown channel \"emial\"",
                "rules/main.rules:13:87: error: 'received' is not an RFC 3339 time: \"kemarin\"",
                "rules/main.rules:14:22: error: unknown route 'Jalan rusk'",
                "rules/main.rules:14:41: error: unknown agency 'dpuppr'",
                "rules/main.rules:14:62: error: unknown priority 'P2'",
                "rules/main.rules:14:81: error: 'respond_by' is not an RFC 3339 time: \"besok\"",
                "rules/main.rules:15:5: error: unknown block 'expected' in test \"Salah\"",
                "rules/main.rules:17:1: error: test \"Tanpa expect\" has no 'expect' block",
                "rules/main.rules:20:1: error: test 'Salah' is declared twice",
                "rules/main.rules:21:56: error: 'respond_by' needs the complaint's 'received' time",
                "rules/main.rules:22:36: error: 'text' is empty",
                "rules/main.rules:22:42: error: 'expect' is empty",
                "rules/main.rules:23:56: error: unknown region \"Kota Cilegn\"",
                "rules/main.rules:23:92: error: 'priority' must be a string or none, found the word 'P1'",
                "rules/main.rules:23:101: error: 'to' must be a string, found the word 'dpupr'",
                "rules/main.rules:24:1: error: unknown block kind 'tset'",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "put it in its complaint { … } block",
                "did you mean 'text'?",
                "write \"Kabupaten Serang\" or \"Kota Serang\"",
                "did you mean 'email'?",
                "write a date, a time and an offset, e.g. \"2026-03-17T10:00:00+07:00\"",
                "did you mean 'Jalan rusak'?",
                "did you mean 'dpupr'?",
                "did you mean 'P1'?",
                "write a date, a time and an offset, e.g. \"2026-03-17T10:00:00+07:00\"",
                "did you mean 'expect'?",
                "add 'expect { route = \"…\", to = \"agency-id\" }'",
                "first declared at rules/main.rules:11:1",
                "add 'received = \"2026-03-17T10:00:00+07:00\"' to the complaint block",
                "write the complaint",
                "expect at least one of route, to, priority, respond_by",
                "did you mean 'Kota Cilegon'?",
                "write 'priority = \"P2\"' or 'priority = none'",
                "write 'to = \"dpupr\"'",
                "did you mean 'test'?",
            ]
        )
    }

    @Test("the bundled Banten rules pass their own tests, and every route and 'otherwise' has one")
    func bundledRulesPass() throws {
        let result = RuleLoader.load(directory: TestPaths.rulesDirectory)
        let ruleSet = try #require(result.ruleSet, "\(result.rendered())")
        let failing = result.testResults.filter { !$0.isPassing }
        #expect(failing.isEmpty, "\(failing.compactMap(\.diagnostic).map(\.message))")
        let tested = Set(result.testResults.map(\.decision.route))
        for label in ruleSet.routeLabels + ["otherwise"] {
            #expect(tested.contains(label), "no test takes route \(label)")
        }
        #expect(result.testResults.contains { $0.respondBy != nil })
    }
}
