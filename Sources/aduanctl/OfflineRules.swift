import AduanRules
import Foundation

/// The rules directory of an offline `aduanctl rules` verb, and loading it.
enum OfflineRules {
    /// `--rules DIR` or a positional DIR (not both), else `$CONFIGURATION_DIRECTORY/rules`, else `./rules`.
    static func directory(_ scanner: inout ArgumentScanner, command: String) throws(CommandFailure) -> String {
        let flagDirectory = try scanner.option("--rules")
        let positionalDirectory = try scanner.positional()
        if flagDirectory != nil, positionalDirectory != nil {
            throw .usage("give the rules directory once, as DIR or --rules DIR", help: command)
        }
        let environment = ProcessInfo.processInfo.environment
        return flagDirectory ?? positionalDirectory ?? environment["CONFIGURATION_DIRECTORY"].map { $0 + "/rules" }
            ?? "rules"
    }

    /// The compiled rules of `directory`, also when a test fails (with a note, since the daemon would refuse them);
    /// fails with every diagnostic on stderr when they do not compile.
    static func compiled(_ directory: String) throws(CommandFailure) -> RuleSet {
        let loaded = RuleLoader.load(directory: directory)
        guard let ruleSet = loaded.compiledRuleSet else {
            writeError(loaded.rendered())
            let errors = loaded.diagnostics.filter(\.isError).count
            throw CommandFailure(
                "\(directory): \(errors) error\(errors == 1 ? "" : "s"); see aduanctl rules check \(directory)"
            )
        }
        let failing = loaded.testResults.filter { !$0.isPassing }.count
        if failing > 0 {
            writeError(
                "note: \(failing) test\(failing == 1 ? "" : "s") of \(directory) fail\(failing == 1 ? "s" : ""); "
                    + "the daemon would refuse these rules (see aduanctl rules test \(directory))\n"
            )
        }
        return ruleSet
    }

    /// Writes `text` to stderr as it is.
    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}
