import AduanCore
import Testing

@testable import AduanRules

@Suite("Named conditions (define)")
struct DefineRulesTests {
    @Test("a define is used by its bare name in routes, priorities and other defines")
    func namedConditions() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            list "banjir" { phrases = ["banjir", "tanggul jebol"] }
            list "serang-raya" { regions = ["Kota Serang", "Kabupaten Serang"] }
            define "banjir-serang" { when = text has any banjir and region in serang-raya }
            define "darurat" { when = banjir-serang or text has phrase "longsor" }
            priority "P1" { when = darurat, respond = 4 working_hours }
            route "Darurat" { when = darurat and not channel is "social", to = "dpupr" }
            otherwise { to = "diskominfo" }
            """
        )
        let serang = try #require(Region.resolve("Kota Serang"))
        let flood = rules.route(RoutingInput(text: "Banjir di Cipocok", region: serang))
        #expect(flood.route == "Darurat")
        #expect(flood.priority == "P1")
        #expect(flood.matchedPhrases == ["banjir"])
        #expect(rules.route(RoutingInput(text: "Banjir di Cipocok")).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "longsor di Lebak")).route == "Darurat")
        #expect(rules.route(RoutingInput(text: "longsor di Lebak", channel: .social)).route == "otherwise")
    }

    @Test("a cycle of defines is one error at the name that closes it, with the chain")
    func cycle() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                define "a" { when = b and channel is "sms" }
                define "b" { when = text has phrase "x" or a }
                define "c" { when = c }
                route "A" { when = a or c, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:6:44: error: a define cannot use itself: define \"a\" → \"b\" → \"a\"",
                "rules/main.rules:7:21: error: a define cannot use itself: define \"c\" → \"c\"",
            ]
        )
        #expect(
            result.diagnostics.first?.help
                == "a define may name other defines, but not in a circle; move the shared part into a define of its own"
        )
    }

    @Test("an unknown name suggests a define, a list (as it would be used) or a keyword, and uses nothing")
    func unknownNames() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan-rusak" { phrases = ["jalan rusak"] }
                list "pelapor-rentan" { reporters = ["lansia"] }
                define "darurat" { when = always }
                route "A" { when = darurt, to = "dpupr" }
                route "B" { when = jalan-rusk, to = "dpupr" }
                route "C" { when = alway, to = "dpupr" }
                route "D" { when = pelapor-rentan, to = "dpupr" }
                route "E" { when = sampah, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:5:1: warning: list 'jalan-rusak' is never used",
                "rules/main.rules:7:1: warning: define 'darurat' is never used",
                "rules/main.rules:8:20: error: unknown named condition 'darurt'",
                "rules/main.rules:9:20: error: unknown named condition 'jalan-rusk'",
                "rules/main.rules:10:20: error: unknown named condition 'alway'",
                "rules/main.rules:11:20: error: 'pelapor-rentan' is a list, not a named condition",
                "rules/main.rules:12:20: error: unknown named condition 'sampah'",
            ]
        )
        #expect(
            result.diagnostics.map(\.help).dropFirst(2) == [
                "did you mean 'darurat'?",
                "did you mean 'text has any jalan-rusak'?",
                "did you mean 'always'?",
                "write 'reporter in pelapor-rentan'",
                "declare it with 'define \"sampah\" { when = … }', or write a condition such as 'text has any <list>'",
            ]
        )
    }

    @Test("define names: reserved words, names a condition cannot write, repeats, a missing when")
    func declarations() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                define "always" { when = channel is "sms" }
                define "dua kata" { when = channel is "sms" }
                define "sms" { when = channel is "sms" }
                define "sms" { when = channel is "web" }
                define "kosong" { }
                route "A" { when = sms, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "rules/main.rules:5:8: error: 'always' is a word of the rules language and cannot name a define",
                "rules/main.rules:6:8: error: define name 'dua kata' cannot be written in a condition",
                "rules/main.rules:8:1: error: define 'sms' is declared twice",
                "rules/main.rules:9:1: error: define \"kosong\" has no 'when'",
                "rules/main.rules:9:1: warning: define 'kosong' is never used",
            ]
        )
    }

    @Test("a list used only by a define is used; a define used by nothing is reported, with what uses it")
    func unusedDefine() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "banjir" { phrases = ["banjir"] }
                define "bencana" { when = text has any banjir }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(RuleFixtures.summaries(result) == ["rules/main.rules:6:1: warning: define 'bencana' is never used"])
        #expect(result.diagnostics.first?.help == "name it in a condition (when = bencana) or remove it")
    }
}
