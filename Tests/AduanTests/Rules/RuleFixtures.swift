import AduanCore
import Foundation

@testable import AduanRules

/// Small rule snapshots shared by the rules tests.
enum RuleFixtures {
    static let agencies = """
        agency "dpupr" { name = "Dinas Pekerjaan Umum dan Penataan Ruang", short = "DPUPR" }
        agency "dlh" { name = "Dinas Lingkungan Hidup", short = "DLH" }
        agency "diskominfo" { name = "Dinas Komunikasi dan Informatika", short = "Diskominfo" }
        agency "biro-pemerintahan" { name = "Biro Pemerintahan", short = "Biro Pem" }
        """

    /// Compiles `files` (name → text) in the given order under the directory `rules/`.
    static func compile(_ files: KeyValuePairs<String, String>) -> RuleLoadResult {
        RuleLoader.compile(files.map { RuleFile(path: "rules/" + $0.key, text: $0.value) })
    }

    /// Compiles one file `rules/main.rules` holding the shared agencies and `body`; fails the test on any error.
    static func ruleSet(_ body: String) throws -> RuleSet {
        let result = compile(["main.rules": agencies + "\n" + body])
        guard let ruleSet = result.ruleSet else {
            throw FixtureError(diagnostics: result.rendered())
        }
        return ruleSet
    }

    /// `path:line:column: severity: message` of each diagnostic.
    static func summaries(_ result: RuleLoadResult) -> [String] {
        result.diagnostics.map { "\($0.location): \($0.severity.rawValue): \($0.message)" }
    }

    struct FixtureError: Error, CustomStringConvertible {
        var diagnostics: String
        var description: String { diagnostics }
    }
}

/// A uniquely named directory under the temporary directory, removed by ``remove()``.
struct TemporaryRulesDirectory {
    let path: String

    init() throws {
        path =
            FileManager.default.temporaryDirectory
            .appendingPathComponent("aduan-rules-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ name: String, _ text: String) throws {
        try text.write(toFile: path + "/" + name, atomically: true, encoding: .utf8)
    }

    func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
