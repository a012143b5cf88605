import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules test [DIR] [--rules DIR] [--json]`: runs the `test` blocks of the rules, offline.
enum RulesTestCommand {
    static let usage = """
        usage: aduanctl rules test [DIR] [--rules DIR] [--json]

        Compiles the rules of DIR (default: $CONFIGURATION_DIRECTORY/rules, else ./rules) and runs every
        test "label" { complaint { … } expect { … } } block: each test's complaint is routed and its deadlines
        planned exactly as the daemon would. Prints `ok  label` or `FAIL label` with each failing field as
        expected vs got, then a summary. Exits 1 when a test fails or the rules have errors (then they are printed
        and no test runs); the daemon refuses such rules on start and reload. Works offline.

        options:
          --rules DIR   the rules directory (or give DIR as the argument)
          --json        {"directory", "passed", "failed", "errors", "tests": [{"label", "location", "passed",
                        "route", "to", "priority", "respond_by", "mismatches": [{"field", "expected", "actual"}]}]}
        """

    /// The `--json` output.
    private struct Report: Encodable {
        struct Test: Encodable {
            var label: String
            var location: String
            var passed: Bool
            var route: String
            var to: String
            var priority: String?
            var respondBy: Date?
            var mismatches: [Mismatch]

            enum CodingKeys: String, CodingKey {
                case label, location, passed, route, to, priority, mismatches
                case respondBy = "respond_by"
            }
        }

        struct Mismatch: Encodable {
            var field: String
            var expected: String?
            var actual: String?

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(field, forKey: .field)
                try container.encode(expected, forKey: .expected)
                try container.encode(actual, forKey: .actual)
            }

            enum CodingKeys: String, CodingKey {
                case field, expected, actual
            }
        }

        var directory: String
        var passed: Int
        var failed: Int
        var errors: [String]
        var tests: [Test]
    }

    static func run(_ scanner: inout ArgumentScanner) throws(CommandFailure) {
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let directory = try OfflineRules.directory(&scanner, command: "aduanctl rules test")
        try scanner.finish()
        let loaded = RuleLoader.load(directory: directory)
        let results = loaded.testResults
        let testFailures = Set(results.compactMap(\.diagnostic))
        let others = loaded.diagnostics.filter { !testFailures.contains($0) }
        let errors = others.filter(\.isError)
        let failed = results.filter { !$0.isPassing }.count
        if isJSON {
            try CommandContext.printJSON(
                Report(
                    directory: directory,
                    passed: results.count - failed,
                    failed: failed,
                    errors: errors.map { "\($0.location): \($0.message)" },
                    tests: results.map(report)
                )
            )
        } else {
            if !others.isEmpty {
                OfflineRules.writeError(DiagnosticRenderer.render(others, sources: loaded.sources) + "\n")
            }
            print(render(results, directory: directory), terminator: "")
        }
        if !errors.isEmpty {
            throw CommandFailure(
                "\(directory): \(errors.count) error\(errors.count == 1 ? "" : "s"); no test could run"
            )
        }
        if failed > 0 {
            throw CommandFailure("\(failed) of \(results.count) tests failed; the daemon would refuse these rules")
        }
    }

    /// `ok  label` or `FAIL label` and its failing fields, for each test, then the summary line.
    static func render(_ results: [RuleTestResult], directory: String) -> String {
        guard !results.isEmpty else { return "\(directory): no tests\n" }
        var output = ""
        for result in results {
            guard !result.isPassing else {
                output += "ok  \(result.label)\n"
                continue
            }
            output += "FAIL \(result.label)\n"
            for mismatch in result.mismatches {
                output += "  \(mismatch)\n"
            }
            output += "  at \(result.location): \(result.decision.reason)\n"
        }
        let failed = results.filter { !$0.isPassing }.count
        output += "\(results.count) test\(results.count == 1 ? "" : "s"): \(results.count - failed) passed"
        output += failed == 0 ? "\n" : ", \(failed) failed\n"
        return output
    }

    private static func report(_ result: RuleTestResult) -> Report.Test {
        Report.Test(
            label: result.label,
            location: result.location.description,
            passed: result.isPassing,
            route: result.decision.route,
            to: result.decision.agency,
            priority: result.decision.priority,
            respondBy: result.respondBy,
            mismatches: result.mismatches.map {
                Report.Mismatch(field: $0.field, expected: $0.expected, actual: $0.actual)
            }
        )
    }
}
