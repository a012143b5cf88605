import AduanCore
import AduanRules
import Foundation
import Testing

/// The real Banten rule set in `rules/` against the sample complaints in `seeds/`: every sample takes the route
/// that `seeds/expected-routes.tsv` says, so a rules change that moves one is caught before it ships.
@Suite("Banten rule set")
struct BantenRuleSetTests {
    struct Expectation: CustomTestStringConvertible {
        var id: String
        var route: String
        var agency: String
        var testDescription: String { "\(id) → \(route)" }
    }

    static let expectations: [Expectation] = {
        let path = TestPaths.seedsDirectory + "/expected-routes.tsv"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Expectation(id: fields[0], route: fields[1], agency: fields[2])
        }
    }()

    static let ruleSet: RuleSet? = RuleLoader.load(directory: TestPaths.rulesDirectory).ruleSet

    static let complaints: [String: RoutingInput] = {
        let text = (try? String(contentsOfFile: TestPaths.seedsDirectory + "/complaints.jsonl", encoding: .utf8)) ?? ""
        var inputs: [String: RoutingInput] = [:]
        for line in text.split(separator: "\n") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let body = object["text"] as? String
            else { continue }
            inputs[id] = RoutingInput(
                text: body,
                title: object["title"] as? String,
                channel: (object["channel"] as? String).flatMap(Channel.init(rawValue:)) ?? .other,
                region: (object["region"] as? String).flatMap(Region.resolve)
            )
        }
        return inputs
    }()

    @Test("the bundled rules load without errors or warnings")
    func rulesAreClean() {
        let loaded = RuleLoader.load(directory: TestPaths.rulesDirectory)
        #expect(loaded.ruleSet != nil)
        #expect(loaded.diagnostics.isEmpty, "\(loaded.rendered())")
    }

    @Test("every route of the bundled rules, otherwise included, is pinned by a passing test in the rule files")
    func everyRouteHasARuleFileTest() throws {
        let loaded = RuleLoader.load(directory: TestPaths.rulesDirectory)
        let ruleSet = try #require(loaded.ruleSet)
        let failing = loaded.testResults.filter { !$0.isPassing }.map(\.label)
        #expect(failing.isEmpty)
        let tested = Set(loaded.testResults.map { $0.decision.route })
        let untested = (ruleSet.routeLabels + ["otherwise"]).filter { !tested.contains($0) }
        #expect(untested.isEmpty, "routes without a test in rules/")
    }

    @Test("there are at least 40 samples, and every route, otherwise included, has at least two")
    func samplesCoverEveryRoute() throws {
        let ruleSet = try #require(Self.ruleSet)
        #expect(Self.complaints.count >= 40)
        #expect(Self.complaints.count == Self.expectations.count)
        for label in ruleSet.routeLabels {
            #expect(Self.expectations.filter { $0.route == label }.count >= 2, "route \(label)")
        }
    }

    @Test("each sample complaint takes its expected route", arguments: expectations)
    func sampleRoutes(expectation: Expectation) throws {
        let ruleSet = try #require(Self.ruleSet)
        let input = try #require(Self.complaints[expectation.id])
        let decision = ruleSet.route(input)
        #expect(decision.route == expectation.route, "\(decision.reason)")
        #expect(decision.agency == expectation.agency)
    }
}
