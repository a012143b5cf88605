import AduanCore
import Testing

@testable import AduanRules

@Suite("Copies to other agencies (cc)")
struct CarbonCopyTests {
    @Test("a route's cc goes into the decision in the order written; without cc it is empty")
    func decisions() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            list "limbah" { phrases = ["limbah"] }
            route "Limbah" { when = text has any limbah, to = "dlh", cc = ["dpupr", "biro-pemerintahan"] }
            otherwise { to = "diskominfo", cc = ["biro-pemerintahan"] }
            """
        )
        #expect(rules.route(RoutingInput(text: "limbah pabrik")).cc == ["dpupr", "biro-pemerintahan"])
        #expect(rules.route(RoutingInput(text: "lain")).cc == ["biro-pemerintahan"])
        let plain = try RuleFixtures.ruleSet("otherwise { to = \"diskominfo\" }")
        #expect(plain.route(RoutingInput(text: "lain")).cc == [])
    }

    @Test("cc must list declared agencies; repeats, the route's own agency and an empty list are warnings")
    func diagnostics() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                route "A" { when = always, to = "dlh", cc = ["dpuprr", dpupr, "dlh", "dpupr", "dpupr"] }
                route "B" { when = always, to = "dlh", cc = "dpupr" }
                otherwise { to = "diskominfo", cc = [] }
                """
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:5:46: error: unknown agency 'dpuprr'",
                "rules/main.rules:5:56: error: an agency id must be a quoted string, found the word 'dpupr'",
                "rules/main.rules:5:63: warning: agency 'dlh' is already the 'to' of this route",
                "rules/main.rules:5:79: warning: agency 'dpupr' is in 'cc' twice",
                "rules/main.rules:6:45: error: 'cc' must be a list of agency ids, found a string",
                "rules/main.rules:7:37: warning: 'cc' is empty",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "did you mean 'dpupr'?",
                "write \"dpupr\"",
                "remove it from 'cc'",
                "remove one",
                "write cc = [\"dpupr\"]",
                "remove it",
            ]
        )
    }
}
