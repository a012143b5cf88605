import Foundation
import Testing

@testable import AduanRules

@Suite("Loading a rules directory")
struct RuleLoaderTests {
    @Test("every *.rules file is loaded in name order; other and hidden files are ignored")
    func loadsSortedRuleFiles() throws {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        try directory.write(
            "20-routes.rules",
            "route \"Jalan\" { when = text has phrase \"jalan rusak\", to = \"dpupr\" }\n"
        )
        try directory.write("99-otherwise.rules", "otherwise { to = \"diskominfo\" }\n")
        try directory.write("10-agencies.rules", RuleFixtures.agencies)
        try directory.write("README.md", "not rules")
        try directory.write(".#20-routes.rules", "garbage {")
        let result = RuleLoader.load(directory: directory.path)
        #expect(result.diagnostics.isEmpty)
        let rules = try #require(result.ruleSet)
        #expect(rules.files.map(\.name) == ["10-agencies.rules", "20-routes.rules", "99-otherwise.rules"])
        #expect(rules.files.first?.path == directory.path + "/10-agencies.rules")
        #expect(rules.route(RoutingInput(text: "jalan rusak")).agency == "dpupr")
    }

    @Test("the snapshot hash changes when a file changes and not when the directory moves")
    func hashFollowsContent() throws {
        let first = try TemporaryRulesDirectory()
        let second = try TemporaryRulesDirectory()
        defer {
            first.remove()
            second.remove()
        }
        let text = RuleFixtures.agencies + "\notherwise { to = \"diskominfo\" }\n"
        try first.write("main.rules", text)
        try second.write("main.rules", text)
        let original = try #require(RuleLoader.load(directory: first.path).ruleSet?.hash)
        #expect(RuleLoader.load(directory: second.path).ruleSet?.hash == original)
        #expect(original.count == 64)
        try first.write("main.rules", text.replacingOccurrences(of: "diskominfo\" }\n", with: "dlh\" }\n"))
        let changed = try #require(RuleLoader.load(directory: first.path).ruleSet?.hash)
        #expect(changed != original)
    }

    @Test("a missing directory or one without rule files is one error naming the directory")
    func missingDirectory() throws {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        let missing = RuleLoader.load(directory: directory.path + "/nope")
        #expect(missing.ruleSet == nil)
        #expect(
            missing.rendered() == """
                \(directory.path)/nope: error: cannot read the rules directory '\(directory.path)/nope'
                help: the directory does not exist

                """
        )
        let empty = RuleLoader.load(directory: directory.path)
        #expect(
            empty.rendered() == """
                \(directory.path): error: no *.rules files in '\(directory.path)'
                help: a snapshot needs at least one file with agencies, routes and an 'otherwise'

                """
        )
    }

    @Test("a refused snapshot renders every diagnostic with its file's source line and keeps the sources")
    func renderedRefusal() throws {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        try directory.write(
            "main.rules",
            RuleFixtures.agencies + "\nroute \"x\" { when = always, to = \"dpupt\" }\notherwise { to = \"dlh\" }\n"
        )
        let result = RuleLoader.load(directory: directory.path)
        #expect(result.hasErrors)
        #expect(result.sources.keys.sorted() == [directory.path + "/main.rules"])
        #expect(
            result.rendered() == """
                \(directory.path)/main.rules:5:33: error: unknown agency 'dpupt'
                route "x" { when = always, to = "dpupt" }
                                                ^
                help: did you mean 'dpupr'?

                """
        )
    }
}
