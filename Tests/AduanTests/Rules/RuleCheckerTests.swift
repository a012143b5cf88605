import Testing

@testable import AduanRules

@Suite("Checking rules")
struct RuleCheckerTests {
    /// `path:line:column: severity: message` of each diagnostic.
    private func summaries(_ result: RuleLoadResult) -> [String] {
        result.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    @Test("errors of all files come in one run, in file order, and no rule set is built")
    func allErrorsOfAllFiles() {
        let result = RuleFixtures.compile([
            "10-agencies.rules": RuleFixtures.agencies + "\nagency \"dlh\" { name = \"lagi\" }\n",
            "20-routes.rules": """
            list "jalan" { phrases = ["jalan rusak"] }
            rute "Jalan" { when = always, to = "dpupr" }
            route "Jalan" {
                wen = text has any jalan
                to = "dpuprr"
            }
            otherwise { to = "diskominfo" }
            """,
        ])
        #expect(result.ruleSet == nil)
        #expect(
            summaries(result) == [
                "rules/10-agencies.rules:5:1: error: agency 'dlh' is declared twice",
                "rules/20-routes.rules:2:1: error: unknown block kind 'rute'",
                "rules/20-routes.rules:4:5: error: unknown key 'wen' in route \"Jalan\"",
                "rules/20-routes.rules:5:10: error: unknown agency 'dpuprr'",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "first declared at rules/10-agencies.rules:2:1", "did you mean 'route'?", "did you mean 'when'?",
                "did you mean 'dpupr'?",
            ]
        )
    }

    @Test("a snapshot without otherwise is refused")
    func otherwiseRequired() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + "\nroute \"Semua\" { when = always, to = \"dpupr\" }\n"
        ])
        #expect(result.ruleSet == nil)
        #expect(summaries(result) == ["rules/main.rules: error: the rules have no 'otherwise'"])
    }

    @Test("otherwise must be the last route of the last file, and there is only one")
    func otherwiseLast() {
        let result = RuleFixtures.compile([
            "10.rules": RuleFixtures.agencies + "\notherwise { to = \"diskominfo\" }\n",
            "20.rules": "route \"Terlambat\" { when = always, to = \"dpupr\" }\notherwise { to = \"dlh\" }\n",
        ])
        #expect(
            summaries(result) == [
                "rules/20.rules:1:1: error: route \"Terlambat\" comes after 'otherwise' and can never match",
                "rules/20.rules:2:1: error: a second 'otherwise'",
            ]
        )
    }

    @Test("a list of the wrong kind, an unknown list and an unknown channel are reported where they are used")
    func conditionReferences() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan" { phrases = ["jalan rusak"] }
                list "serang" { regions = ["Kota Serang"] }
                route "A" { when = region in jalan or text has any serang, to = "dpupr" }
                route "B" { when = text has all jalann and channel is "whatsapp", to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            summaries(result) == [
                "rules/main.rules:7:30: error: list 'jalan' holds phrases, not regions",
                "rules/main.rules:7:52: error: list 'serang' holds regions, not phrases",
                "rules/main.rules:8:33: error: unknown list 'jalann'",
                "rules/main.rules:8:55: error: unknown channel \"whatsapp\"",
            ]
        )
        #expect(result.diagnostics[2].help == "did you mean 'jalan'?")
    }

    @Test("an ambiguous region names both candidates and a misspelt one gets a suggestion")
    func regions() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "barat" { regions = ["Serang", "Kota Cilegn", "Kab. Lebak"] }
                route "A" { when = region in barat, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            summaries(result) == [
                "rules/main.rules:5:27: error: region \"Serang\" is ambiguous",
                "rules/main.rules:5:37: error: unknown region \"Kota Cilegn\"",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "write \"Kabupaten Serang\" or \"Kota Serang\"", "did you mean 'Kota Cilegon'?",
            ]
        )
    }

    @Test("missing required keys are errors; unused lists and defines are warnings")
    func requiredAndUnused() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "sisa" { phrases = ["sisa"] }
                route "Tanpa tujuan" { when = always }
                define "darurat" { when = always }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            summaries(result) == [
                "rules/main.rules:5:1: warning: list 'sisa' is never used",
                "rules/main.rules:6:1: error: route \"Tanpa tujuan\" has no 'to'",
                "rules/main.rules:7:1: warning: define 'darurat' is never used",
            ]
        )
        #expect(
            result.diagnostics.map(\.help) == [
                "use it in a condition, e.g. 'text has any sisa', or remove it", "add 'to = \"agency-id\"'",
                "name it in a condition (when = darurat) or remove it",
            ]
        )
    }

    @Test("a list holds one kind of entry, and at least one")
    func listKinds() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "campur" { phrases = ["a"], regions = ["Kota Serang"] }
                list "kosong" { }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(
            summaries(result) == [
                "rules/main.rules:5:1: warning: list 'campur' is never used",
                "rules/main.rules:5:34: error: a list holds one kind of entry: 'phrases' and 'regions' are both set",
                "rules/main.rules:6:1: error: list \"kosong\" has no 'phrases', 'regions' or 'reporters'",
                "rules/main.rules:6:1: warning: list 'kosong' is never used",
            ]
        )
    }

    @Test("warnings alone do not stop the rule set from being built")
    func warningsOnly() {
        let result = RuleFixtures.compile([
            "main.rules": RuleFixtures.agencies + """

                list "jalan" { phrases = ["jalan rusak", "Jln. Rusak"] }
                route "Jalan" { when = text has any jalan, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """
        ])
        #expect(result.ruleSet != nil)
        #expect(
            summaries(result) == ["rules/main.rules:5:42: warning: phrase \"Jln. Rusak\" repeats the phrase at line 5"]
        )
    }
}
