import AduanRules
import Foundation

/// `aduanctl rules check [DIR] [--rules DIR]`: offline, no daemon needed.
enum RulesCommand {
    static let usage = """
        usage: aduanctl rules check [DIR] [--rules DIR]

        Parses and checks every *.rules file of DIR (default: $CONFIGURATION_DIRECTORY/rules, else ./rules) and
        prints every error and warning as path:line:column, the source line and a caret. Exits 1 on any error.
        Works offline: no daemon is needed.
        """

    static func run(_ arguments: [String]) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl rules")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl rules check [DIR]", help: "aduanctl rules")
        }
        guard verb == "check" else { throw .usage("unknown verb '\(verb)'; try: check", help: "aduanctl rules") }
        let flagDirectory = try scanner.option("--rules")
        let positionalDirectory = try scanner.positional()
        try scanner.finish()
        if flagDirectory != nil, positionalDirectory != nil {
            throw .usage("give the rules directory once, as DIR or --rules DIR", help: "aduanctl rules check")
        }
        let environment = ProcessInfo.processInfo.environment
        let directory =
            flagDirectory ?? positionalDirectory ?? environment["CONFIGURATION_DIRECTORY"].map { $0 + "/rules" }
            ?? "rules"
        let loaded = RuleLoader.load(directory: directory)
        if !loaded.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((loaded.rendered() + "\n").utf8))
        }
        guard let ruleSet = loaded.ruleSet else {
            let errors = loaded.diagnostics.filter(\.isError).count
            throw CommandFailure("\(directory): \(errors) error\(errors == 1 ? "" : "s"); the rules would be refused")
        }
        let warnings = loaded.diagnostics.count
        print(
            "\(directory): ok, \(ruleSet.sources.count) files, \(ruleSet.routeLabels.count) routes, "
                + "\(ruleSet.agencies.count) agencies, \(warnings) warning\(warnings == 1 ? "" : "s"), hash \(ruleSet.hash.prefix(12))"
        )
    }
}
