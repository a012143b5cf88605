import AduanCore
import Foundation
import Testing

@testable import AduanRules

@Suite("Lists read from files")
struct ListFileTests {
    /// Writes `files` into a fresh directory, loads it, and removes it.
    private func load(_ files: KeyValuePairs<String, String>) throws -> RuleLoadResult {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(
            atPath: directory.path + "/data",
            withIntermediateDirectories: true
        )
        for (name, text) in files {
            try directory.write(name, text)
        }
        var result = RuleLoader.load(directory: directory.path)
        // Paths relative to the directory, so that expectations do not depend on where it was.
        result.diagnostics = result.diagnostics.map { diagnostic in
            var diagnostic = diagnostic
            diagnostic.location.path = String(diagnostic.location.path.dropFirst(directory.path.count + 1))
            diagnostic.message = diagnostic.message.replacingOccurrences(of: directory.path + "/", with: "")
            diagnostic.help = diagnostic.help?.replacingOccurrences(of: directory.path + "/", with: "")
            return diagnostic
        }
        result.files = result.files.map {
            RuleFile(path: String($0.path.dropFirst(directory.path.count + 1)), text: $0.text)
        }
        return result
    }

    private static let routes = """
        list "jalan" { phrases = file("data/jalan.csv") }
        list "selatan" { regions = file("data/selatan.txt") }
        list "rentan" { reporters = ["lansia", file("data/rentan.txt")] }
        route "Jalan selatan" { when = text has any jalan and region in selatan, to = "dpupr" }
        route "Rentan" { when = reporter in rentan, to = "dlh" }
        otherwise { to = "diskominfo" }
        """

    @Test("a CSV gives its first column, without the header, with RFC 4180 quotes; a text file one entry a line")
    func entries() throws {
        let result = try load([
            "main.rules": RuleFixtures.agencies + "\n" + Self.routes,
            "data/jalan.csv": #"""
            phrase,agency,note
            jalan rusak,dpupr,
            "jalan ""berlubang""",dpupr,"kata, dengan koma"
            "aspal
            mengelupas",dpupr,dua baris

              jembatan putus  ,dpupr

            """#,
            "data/selatan.txt": "# Banten Selatan\nKabupaten Pandeglang\n\n  Kab. Lebak  \n",
            "data/rentan.txt": "disabilitas\r\nIbu hamil\r\n",
        ])
        #expect(result.diagnostics.isEmpty, "\(result.rendered())")
        let rules = try #require(result.ruleSet)
        let lebak = try #require(Region.resolve("Kabupaten Lebak"))
        for text in ["Jalan rusak parah", "jalan berlubang", "aspal mengelupas", "Jembatan putus"] {
            #expect(rules.route(RoutingInput(text: text, region: lebak)).route == "Jalan selatan", "\(text)")
        }
        #expect(rules.route(RoutingInput(text: "agency dpupr", region: lebak)).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "Jalan rusak")).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "x", reporter: Reporter(kind: "ibu hamil"))).route == "Rentan")
        #expect(rules.route(RoutingInput(text: "x", reporter: Reporter(kind: "lansia"))).route == "Rentan")
    }

    @Test("the files' texts join the snapshot's files and hash")
    func snapshot() throws {
        let directory = try TemporaryRulesDirectory()
        defer { directory.remove() }
        try FileManager.default.createDirectory(atPath: directory.path + "/data", withIntermediateDirectories: true)
        try directory.write("main.rules", RuleFixtures.agencies + "\n" + Self.routes)
        try directory.write("data/jalan.csv", "jalan rusak\n")
        try directory.write("data/selatan.txt", "Kabupaten Lebak\n")
        try directory.write("data/rentan.txt", "disabilitas\n")
        let first = try #require(RuleLoader.load(directory: directory.path).ruleSet)
        #expect(first.files.map(\.name) == ["main.rules", "jalan.csv", "selatan.txt", "rentan.txt"])
        #expect(first.sources[directory.path + "/data/jalan.csv"] == "jalan rusak\n")
        try directory.write("data/jalan.csv", "jalan rusak\njalan berlubang\n")
        let second = try #require(RuleLoader.load(directory: directory.path).ruleSet)
        #expect(second.hash != first.hash)
        #expect(
            second.route(RoutingInput(text: "jalan berlubang", region: Region.resolve("Kabupaten Lebak"))).agency
                == "dpupr"
        )
    }

    @Test("errors in a list file are reported at the file's own line and column, with its line shown")
    func errorsInTheFile() throws {
        let result = try load([
            "main.rules": RuleFixtures.agencies + "\n" + Self.routes,
            "data/jalan.csv": "jalan rusak\njalan \"rusak\"\n\"berlubang\" lagi\n\"!!!\"\n\"tidak ditutup\n",
            "data/selatan.txt": "Kabupaten Pandeglang\nSerang\nKota Cilegn\n",
            "data/rentan.txt": "\n",
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "main.rules:7:40: error: list file 'data/rentan.txt' has no entries",
                "data/jalan.csv:2:7: error: a quote inside an unquoted field",
                "data/jalan.csv:3:13: error: unexpected text after the closing quote",
                "data/jalan.csv:5:1: error: quoted field is never closed",
                "data/selatan.txt:2:1: error: region \"Serang\" is ambiguous",
                "data/selatan.txt:3:1: error: unknown region \"Kota Cilegn\"",
            ]
        )
        #expect(result.diagnostics[1].help?.hasSuffix("read for list \"jalan\" at main.rules:5:26") == true)
        #expect(result.diagnostics[4].help == "write \"Kabupaten Serang\" or \"Kota Serang\"")
        #expect(result.diagnostics[5].help == "did you mean 'Kota Cilegon'?")
        let rendered = result.rendered()
        #expect(rendered.contains("data/selatan.txt:2:1: error: region \"Serang\" is ambiguous\nSerang\n^\n"))
    }

    @Test("a missing file, an unknown file type and a call without one path are errors where the file is named")
    func errorsWhereNamed() throws {
        let result = try load([
            "main.rules": RuleFixtures.agencies + """

                list "a" { phrases = file("data/tidak-ada.csv") }
                list "b" { phrases = file("data/jalan.xlsx") }
                list "c" { phrases = file() }
                list "d" { phrases = file("data/d.csv") }
                route "A" { when = text has any a or text has any b or text has any c or text has any d, to = "dpupr" }
                otherwise { to = "diskominfo" }
                """,
            "data/d.csv": "\"!!!\"\n",
        ])
        #expect(
            RuleFixtures.summaries(result) == [
                "main.rules:5:22: error: cannot read list file 'data/tidak-ada.csv': no such file",
                "main.rules:6:22: error: cannot read list file 'data/jalan.xlsx': unknown file type",
                "main.rules:7:22: error: file(…) takes one quoted path",
                "data/d.csv:1:1: error: phrase \"!!!\" has no words",
            ]
        )
    }
}
