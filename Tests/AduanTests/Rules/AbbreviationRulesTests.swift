import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// The `abbreviations { entries = file("…"), builtin = … }` block: the snapshot's own abbreviation table.
@Suite("Abbreviations read from a file")
struct AbbreviationRulesTests {
    /// Writes `files` into a fresh directory, loads it, and removes it; paths in diagnostics are made relative.
    private func load(_ files: KeyValuePairs<String, String>) throws -> RuleLoadResult {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        for (name, text) in files {
            try directory.write(name, text)
        }
        var result = RuleLoader.load(directory: directory.path)
        result.diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.path = String(diagnostic.location.path.dropFirst(directory.path.count + 1))
            return diagnostic
        }
        return result
    }

    private static func rules(_ abbreviations: String) -> String {
        RuleFixtures.agencies + "\n" + abbreviations + "\n" + """
            list "air" { phrases = ["air pdam mati", "yang bocor"] }
            route "Air" { when = text has any air, to = "dpupr" }
            otherwise { to = "diskominfo" }
            test "Singkatan" {
                complaint { text = "Air PDM mati sejak pagi" }
                expect { route = "Air" }
            }
            """
    }

    @Test("a file entry makes a phrase match an abbreviated complaint, in routing, explain and rule tests")
    func fileEntryMatches() throws {
        let result = try load([
            "main.rules": Self.rules("abbreviations { entries = file(\"singkatan.csv\") }"),
            "singkatan.csv": "abbreviation,expansion\npdm,pdam\nYG,yang\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        #expect(rules.route(RoutingInput(text: "air pdm mati")).route == "Air")
        // Built-in entries are kept: `yg` still reads `yang`.
        #expect(rules.route(RoutingInput(text: "pipa yg bocor")).route == "Air")
        #expect(rules.explain(RoutingInput(text: "air pdm mati"), receivedAt: Date()).words == ["air", "pdam", "mati"])
        #expect(result.testResults.map(\.isPassing) == [true])
    }

    @Test("a text file holds one 'abbreviation expansion' a line, with comments")
    func textFile() throws {
        let result = try load([
            "main.rules": Self.rules("abbreviations { entries = file(\"singkatan.txt\") }"),
            "singkatan.txt": "# singkatan lokal\npdm   pdam\ndll dan lain lain\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        #expect(rules.normalizer.words(in: "air pdm dll") == ["air", "pdam", "dan", "lain", "lain"])
    }

    @Test("builtin = false keeps only the file's entries")
    func withoutBuiltin() throws {
        let result = try load([
            "main.rules": Self.rules("abbreviations {\n    entries = file(\"singkatan.csv\")\n    builtin = false\n}"),
            "singkatan.csv": "pdm,pdam\n",
        ])
        let rules = try #require(result.ruleSet, "\(result.rendered())")
        #expect(rules.route(RoutingInput(text: "air pdm mati")).route == "Air")
        #expect(rules.route(RoutingInput(text: "pipa yg bocor")).route == "otherwise")
        #expect(rules.normalizer.words(in: "yg jln") == ["yg", "jln"])
    }

    @Test("without the block the caller's normaliser is used; with it, the block wins")
    func blockWinsOverCaller() throws {
        let plain = TextNormalizer(abbreviations: .empty)
        let without = RuleLoader.compile(
            [RuleFile(path: "main.rules", text: RuleFixtures.agencies + "\notherwise { to = \"dpupr\" }")],
            normalizer: plain
        )
        #expect(try #require(without.ruleSet).normalizer.words(in: "yg") == ["yg"])
        let with = RuleLoader.compile(
            [
                RuleFile(
                    path: "main.rules",
                    text: RuleFixtures.agencies + "\nabbreviations { builtin = true }\notherwise { to = \"dpupr\" }"
                )
            ],
            normalizer: plain
        )
        #expect(try #require(with.ruleSet).normalizer.words(in: "yg") == ["yang"])
    }

    @Test("an invalid entry is reported at the data file's own line and column")
    func invalidEntries() throws {
        let result = try load([
            "main.rules": Self.rules("abbreviations { entries = file(\"singkatan.csv\") }"),
            "singkatan.csv": "pdm,pdam\nair pdm,air pdam\n  kpd, !!\npdm,pdam lagi\n",
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "singkatan.csv:2:1: error: abbreviation \"air pdm\": an abbreviation must be exactly one word",
                "singkatan.csv:3:3: error: abbreviation \"kpd\": the expansion has no words",
                "singkatan.csv:4:1: warning: abbreviation \"pdm\" repeats the one at line 1",
            ]
        )
        let text = try load([
            "main.rules": Self.rules("abbreviations { entries = file(\"singkatan.txt\") }"),
            "singkatan.txt": "pdm pdam\n\n   dll\n",
        ])
        #expect(
            RuleFixtures.summaries(text) == [
                "singkatan.txt:3:4: error: abbreviation \"dll\": the expansion has no words"
            ]
        )
    }

    @Test("a second block, an unknown key and a bad builtin are errors")
    func blockErrors() throws {
        let result = try load([
            "main.rules": Self.rules(
                """
                abbreviations { entires = file("singkatan.csv"), builtin = "no" }
                abbreviations { builtin = false }
                """
            ),
            "singkatan.csv": "pdm,pdam\n",
        ])
        #expect(result.ruleSet == nil)
        #expect(
            RuleFixtures.summaries(result) == [
                "main.rules:5:17: error: unknown key 'entires' in abbreviations",
                "main.rules:5:60: error: 'builtin' must be true or false, found a string",
                "main.rules:6:1: error: a snapshot has one 'abbreviations' block",
            ]
        )
        #expect(result.diagnostics[0].help == "did you mean 'entries'?")
        #expect(result.diagnostics[2].help?.hasSuffix("main.rules:5:1; put all entries in its file") == true)
    }

    @Test("the file joins the snapshot's files, and the hash changes when it changes")
    func snapshotHash() throws {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        try directory.write("main.rules", Self.rules("abbreviations { entries = file(\"singkatan.csv\") }"))
        try directory.write("singkatan.csv", "pdm,pdam\n")
        let first = try #require(RuleLoader.load(directory: directory.path).ruleSet)
        #expect(first.files.map(\.name) == ["main.rules", "singkatan.csv"])
        try directory.write("singkatan.csv", "pdm,pdam\nplg,pulang\n")
        let second = try #require(RuleLoader.load(directory: directory.path).ruleSet)
        #expect(second.hash != first.hash)
        #expect(second.normalizer.words(in: "plg") == ["pulang"])
    }
}
