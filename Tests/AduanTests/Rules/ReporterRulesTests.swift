import AduanCore
import Foundation
import Testing

@testable import AduanRules

@Suite("reporter in")
struct ReporterRulesTests {
    static let rules = """
        list "pelapor-rentan" { reporters = ["lansia", "Disabilitas "] }
        priority "P1" { when = reporter in pelapor-rentan, respond = 4 working_hours }
        route "Aparat" { when = reporter in ["official"], to = "biro-pemerintahan" }
        otherwise { to = "diskominfo" }
        """

    @Test("reporter in matches the reporter's kind, without case and surrounding spaces")
    func matchesKind() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let elderly = rules.route(RoutingInput(text: "Jalan rusak", reporter: Reporter(kind: " LANSIA")))
        #expect(elderly.priority == "P1")
        #expect(elderly.reason.hasSuffix("priority P1 (priority \"P1\" matched reporter lansia)"))
        #expect(rules.route(RoutingInput(text: "x", reporter: Reporter(kind: "disabilitas"))).priority == "P1")
        let official = rules.route(RoutingInput(text: "x", reporter: Reporter(name: "Camat", kind: "official")))
        #expect(official.route == "Aparat")
        #expect(official.reason == "route \"Aparat\" matched reporter official")
    }

    @Test("without a reporter or a kind, and with a contact that reads like a kind, reporter in does not match")
    func noKind() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        #expect(rules.route(RoutingInput(text: "x")).priority == nil)
        #expect(rules.route(RoutingInput(text: "x", reporter: Reporter(name: "Ibu Sari"))).priority == nil)
        #expect(rules.route(RoutingInput(text: "x", reporter: Reporter(contact: "lansia"))).priority == nil)
    }

    @Test("the routing input of a complaint carries its reporter")
    func complaintInput() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let complaint = Complaint(
            source: "spool",
            externalID: "1",
            text: "Jalan rusak",
            reporter: Reporter(name: "Pak Udin", contact: "0812", kind: "lansia"),
            receivedAt: Date(timeIntervalSince1970: 0)
        )
        #expect(RoutingInput(complaint).reporter?.kind == "lansia")
        #expect(rules.route(RoutingInput(complaint)).priority == "P1")
    }

    @Test("reporter in refuses other lists and values, and warns about repeated kinds")
    func errors() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan" { phrases = ["jalan"] }
                list "rentan" { reporters = ["lansia", "Lansia"] }
                list "kosong" { reporters = [" "] }
                route "A" { when = reporter in jalan, to = "dpupr" }
                route "B" { when = reporter in "lansia", to = "dpupr" }
                route "C" { when = text has any rentan or reporter in [lansia], to = "dpupr" }
                route "D" { when = reporter in kosong, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:40: warning: reporter kind \"Lansia\" is listed twice",
                "rules/main.rules:7:30: error: a reporter kind must be a non-empty quoted string, found a string",
                "rules/main.rules:8:32: error: list 'jalan' holds phrases, not reporter kinds",
                "rules/main.rules:9:32: error: 'reporter in' needs a list name or [\"…\"], found a string",
                "rules/main.rules:10:33: error: list 'rentan' holds reporter kinds, not phrases",
                "rules/main.rules:10:56: error: a reporter kind must be a non-empty quoted string, found the word 'lansia'",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "reporter kinds are compared without case and surrounding spaces",
                "write e.g. \"lansia\"",
                "'reporter in' needs a list with 'reporters = [...]'; use this one as 'text has any jalan'",
                "write 'reporter in [\"lansia\"]'",
                "use it as 'reporter in rentan'",
                "write \"lansia\"",
            ]
        )
    }
}
