import AduanCore
import Testing

@testable import AduanRules

@Suite("Warnings about routes that overlap")
struct RouteOverlapTests {
    @Test("a route after one with always, the same condition or a part of its conditions can never match")
    func shadowedRoutes() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan" { phrases = ["jalan rusak"] }
                list "sampah" { phrases = ["sampah"] }
                list "serang" { regions = ["Kota Serang"] }
                define "jalan-serang" { when = text has any jalan and region in serang }
                route "Jalan" { when = text has any jalan, to = "dpupr" }
                route "Jalan Serang" { when = region in serang and text has any jalan, to = "dpupr" }
                route "Jalan lagi" { when = text has any jalan, to = "dlh" }
                route "Sampah" { when = text has any sampah or text has any jalan, to = "dlh" }
                route "Semua" { when = always and always, to = "dlh" }
                route "Sampah SMS" { when = jalan-serang and channel is "sms", to = "dlh" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:10:1: warning: route \"Jalan Serang\" can never match: route \"Jalan\" before it "
                    + "needs only part of its condition",
                "rules/main.rules:11:1: warning: route \"Jalan lagi\" can never match: route \"Jalan\" before it "
                    + "has the same condition",
                "rules/main.rules:14:1: warning: route \"Sampah SMS\" can never match: route \"Jalan\" before it "
                    + "needs only part of its condition",
            ]
        )
        #expect(
            result.diagnostics[0].help
                == "\"Jalan\" is at rules/main.rules:9:1; move \"Jalan Serang\" before it, or remove it"
        )
    }

    @Test("every route after one with always is reported, naming that route")
    func afterAlways() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                route "Semua" { when = always, to = "dlh" }
                route "Saluran" { when = channel is "sms", to = "dpupr" }
                route "Bukan saluran" { when = not channel is "sms", to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:1: warning: route \"Saluran\" can never match: route \"Semua\" before it "
                    + "matches every complaint",
                "rules/main.rules:7:1: warning: route \"Bukan saluran\" can never match: route \"Semua\" before it "
                    + "matches every complaint",
            ]
        )
    }

    @Test("a phrase in two lists of routes to two agencies is reported once, at the later list, naming both routes")
    func phraseOfTwoAgencies() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan" { phrases = ["jalan rusak", "got mampet"] }
                list "sampah" { phrases = ["sampah", "Got  mampet"] }
                list "lampu" { phrases = ["lampu jalan rusak"] }
                list "serang" { regions = ["Kota Serang"] }
                route "Jalan Serang" { when = text has any jalan and region in serang, to = "biro-pemerintahan" }
                route "Jalan" { when = text has any jalan and not text has any lampu, to = "dpupr" }
                route "Sampah" { when = text has any sampah, to = "dlh" }
                route "Lampu" { when = text has any lampu, to = "dlh" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:38: warning: phrase \"got mampet\" leads to two agencies: route \"Jalan Serang\" "
                    + "(list 'jalan', to \"biro-pemerintahan\") and route \"Sampah\" (list 'sampah', to \"dlh\")"
            ]
        )
        #expect(
            result.diagnostics.first?.help
                == "\"Jalan Serang\" comes first and takes every complaint with this phrase; "
                + "keep the phrase in the lists of one agency"
        )
    }
}
