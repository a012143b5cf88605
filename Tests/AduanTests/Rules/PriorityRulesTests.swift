import AduanCore
import Testing

@testable import AduanRules

@Suite("Priorities in the rules")
struct PriorityRulesTests {
    static let rules = """
        list "banjir" { phrases = ["banjir", "tanggul jebol"] }
        list "kesehatan" { phrases = ["puskesmas", "bpjs"] }
        list "jalan" { phrases = ["jalan rusak"] }
        list "hoaks" { phrases = ["hoaks"] }
        priority "P1" {
            when = text has any banjir and not text has any hoaks
            respond = 4 working_hours
            resolve = 2 working_days
            escalation = "darurat"
        }
        priority "P2" { when = text has any kesehatan, respond = 2 working_days, resolve = 5 working_days }
        priority "P3" { respond = 5 working_days, resolve = 14 working_days, escalation = "standar" }
        escalation "darurat" { step { at = respond_deadline, do = mark_overdue } }
        escalation "standar" { step { at = resolve_deadline, do = mark_overdue } }
        route "Jalan" { when = text has any jalan, to = "dpupr", priority = "P1" }
        route "Hoaks" { when = text has any hoaks, to = "diskominfo" }
        otherwise { to = "dlh" }
        """

    @Test("priority blocks compile to PriorityPolicy values in file order, looked up by name")
    func policies() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let expected = [
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
                escalation: nil
            ),
            PriorityPolicy(
                name: "P3",
                respond: WorkingDuration(5, .workingDays),
                resolve: WorkingDuration(14, .workingDays),
                escalation: "standar"
            ),
        ]
        #expect(rules.priorities == expected)
        #expect(rules.priority(named: "P2") == expected[1])
        #expect(rules.priority(named: "P9") == nil)
        #expect(rules.escalations.map(\.name) == ["darurat", "standar"])
    }

    @Test("the first priority whose condition holds applies; one without 'when' catches the rest")
    func firstMatch() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let flood = rules.route(RoutingInput(text: "Banjir di puskesmas, tanggul jebol"))
        #expect(flood.route == "otherwise")
        #expect(flood.priority == "P1")
        #expect(
            flood.reason
                == #"no route matched, so 'otherwise' applies; priority P1 (priority "P1" matched phrases "banjir", "tanggul jebol")"#
        )
        let clinic = rules.route(RoutingInput(text: "Antrean puskesmas panjang"))
        #expect(clinic.priority == "P2")
        #expect(clinic.reason.hasSuffix(#"; priority P2 (priority "P2" matched phrase "puskesmas")"#))
        let other = rules.route(RoutingInput(text: "Lampu taman mati"))
        #expect(other.priority == "P3")
        #expect(other.reason.hasSuffix(#"; priority P3 (priority "P3" applies to every complaint)"#))
    }

    @Test("negated parts of a priority condition count: a hoax about a flood is not P1")
    func negation() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let decision = rules.route(RoutingInput(text: "Hoaks banjir besar"))
        #expect(decision.route == "Hoaks")
        #expect(decision.priority == "P3")
        #expect(decision.matchedPhrases == ["hoaks"])
    }

    @Test("a route's own priority wins over the priority blocks, and the reason says so")
    func routeForced() throws {
        let rules = try RuleFixtures.ruleSet(Self.rules)
        let decision = rules.route(RoutingInput(text: "Jalan rusak dekat puskesmas"))
        #expect(decision.route == "Jalan")
        #expect(decision.priority == "P1")
        #expect(decision.reason == #"route "Jalan" matched phrase "jalan rusak"; priority P1 (set by the route)"#)
    }

    @Test("otherwise may set a priority too")
    func otherwiseForced() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            priority "P1" { when = text has phrase "banjir", respond = 4 working_hours }
            priority "P4" { resolve = 60 working_days }
            otherwise { to = "dlh", priority = "P4" }
            """
        )
        let decision = rules.route(RoutingInput(text: "banjir"))
        #expect(decision.priority == "P4")
        #expect(decision.reason == "no route matched, so 'otherwise' applies; priority P4 (set by 'otherwise')")
    }

    @Test("without priority blocks, or when none matches, a decision has no priority")
    func noPriority() throws {
        let none = try RuleFixtures.ruleSet("otherwise { to = \"dlh\" }")
        #expect(none.priorities.isEmpty)
        let decision = none.route(RoutingInput(text: "banjir"))
        #expect(decision.priority == nil)
        #expect(decision.reason == "no route matched, so 'otherwise' applies")
        let some = try RuleFixtures.ruleSet(
            """
            priority "P1" { when = text has phrase "banjir", respond = 4 working_hours }
            otherwise { to = "dlh" }
            """
        )
        #expect(some.route(RoutingInput(text: "jalan rusak")).priority == nil)
        #expect(some.route(RoutingInput(text: "BANJIR")).priority == "P1")
    }

    @Test("lists used only by priorities are used; route and priority conditions share one phrase catalog")
    func sharedPhrases() throws {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "banjir" { phrases = ["banjir"] }
                list "darurat" { phrases = ["banjir", "kebakaran"] }
                priority "P1" { when = text has any darurat, respond = 4 working_hours }
                route "Banjir" { when = text has any banjir, to = "dlh" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        let decision = rules.route(RoutingInput(text: "banjir"))
        #expect(decision.route == "Banjir")
        #expect(decision.priority == "P1")
        #expect(rules.route(RoutingInput(text: "kebakaran")).priority == "P1")
    }

    @Test("every priority error is reported at once, with positions and suggestions")
    func errors() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                priority "P1" {
                    respnd = 4 working_hours
                    resolve = 2
                    escalation = "standr"
                }
                priority "P2" { respond = 0 working_days, resolve = "5 working_days", when = jalan }
                priority "P1" { resolve = 1 working_day, escalation = standar }
                priority { respond = 1 hours }
                escalation "standar" { step { at = respond_deadline, do = raise("P3") } }
                route "A" { when = always, to = "dpupr", priority = "p2" }
                otherwise { to = "diskominfo", priority = 2 }
                """
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:5: error: unknown key 'respnd' in priority \"P1\"",
                "rules/main.rules:7:15: error: 'resolve' needs a unit after '2'",
                "rules/main.rules:8:18: error: unknown escalation 'standr'",
                "rules/main.rules:10:27: error: 'respond' must be longer than 0, found '0 working_days'",
                "rules/main.rules:10:53: error: 'resolve' must be a duration, found a string",
                "rules/main.rules:10:78: error: unknown named condition 'jalan'",
                "rules/main.rules:11:1: error: priority 'P1' is declared twice",
                "rules/main.rules:11:55: error: 'escalation' must be a string, found the word 'standar'",
                "rules/main.rules:12:1: error: priority needs a label",
                "rules/main.rules:13:1: warning: escalation 'standar' is never used",
                "rules/main.rules:13:65: error: unknown priority 'P3'",
                "rules/main.rules:14:53: error: unknown priority 'p2'",
                "rules/main.rules:15:43: error: 'priority' must be a string, found a number",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "did you mean 'respond'?",
                "write e.g. 'resolve = 5 working_days'; units are minutes, hours, days, working_hours, working_days",
                "did you mean 'standar'?",
                "write e.g. 'respond = 5 working_days'",
                "write it without quotes, e.g. 'resolve = 5 working_days'",
                "declare it with 'define \"jalan\" { when = … }', or write a condition such as 'text has any <list>'",
                "first declared at rules/main.rules:5:1",
                "write 'escalation = \"standar\"'",
                "write 'priority \"P1\" { when = …, respond = 4 working_hours, resolve = 2 working_days }'",
                "name it in a priority (escalation = \"standar\") or remove it",
                "did you mean 'P1'?",
                "did you mean 'P2'?",
                nil,
            ]
        )
    }

    @Test("a priority after one that applies to every complaint is unused unless a route or step names it")
    func shadowedPriorities() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                priority "P3" { resolve = 14 working_days }
                priority "P4" { when = text has phrase "izin", resolve = 60 working_days }
                priority "P1" { when = text has phrase "banjir", respond = 4 working_hours }
                priority "P2" { when = always, respond = 2 working_days }
                escalation "naik" { step { at = respond_deadline, do = raise("P2") } }
                escalation "sisa" { step { at = respond_deadline, do = mark_overdue } }
                route "Banjir" { when = text has phrase "banjir", to = "dlh", priority = "P1" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:1: warning: priority 'P4' is never used: priority 'P3' before it applies to every complaint",
                "rules/main.rules:9:1: warning: escalation 'naik' is never used",
                "rules/main.rules:10:1: warning: escalation 'sisa' is never used",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "move it before 'P3', set it on a route with priority = \"P4\", or remove it",
                "name it in a priority (escalation = \"naik\") or remove it",
                "name it in a priority (escalation = \"sisa\") or remove it",
            ]
        )
    }
}
