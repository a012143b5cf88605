import AduanControl
import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules check [DIR] [--rules DIR]` (offline) and `aduanctl rules show HASH` (from the daemon's store).
enum RulesCommand {
    static let usage = """
        usage: aduanctl rules check [DIR] [--rules DIR]
               aduanctl rules show HASH [--json]
               aduanctl rules test|explain|route|diff …   (see aduanctl rules test|explain|route|diff --help)

        check  parses and checks every *.rules file of DIR (default: $CONFIGURATION_DIRECTORY/rules, else ./rules)
               and prints every error and warning as path:line:column, the source line and a caret. Exits 1 on
               any error. Works offline: no daemon is needed.
        show   prints the files of a rule snapshot that served, by its hash (6 or more hex digits), as the daemon
               keeps them: every case records the hash of the snapshot that routed it.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl rules")
        if scanner.wantsHelp, !["test", "explain", "route", "diff"].contains(arguments.first) { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl rules check [DIR]", help: "aduanctl rules")
        }
        switch verb {
        case "check": try check(&scanner)
        case "show": try show(&scanner, context: context)
        case "test": try RulesTestCommand.run(&scanner)
        case "explain": try RulesExplainCommand.run(&scanner)
        case "route": try RulesRouteCommand.run(&scanner)
        case "diff": try RulesDiffCommand.run(&scanner)
        default:
            throw .usage("unknown verb '\(verb)'; try: check, show, test, explain, route, diff", help: "aduanctl rules")
        }
    }

    private static func show(_ scanner: inout ArgumentScanner, context: CommandContext) throws(CommandFailure) {
        let isJSON = scanner.flag("--json")
        guard let hash = try scanner.positional() else {
            throw .usage("missing the snapshot HASH", help: "aduanctl rules show")
        }
        try scanner.finish()
        let snapshot = try context.send(ControlRequest(op: .rulesShow, hash: hash), expecting: RuleSnapshot.self)
        if isJSON { return try CommandContext.printJSON(snapshot) }
        print("# snapshot \(snapshot.hash), first served \(RFC3339.format(snapshot.firstLoadedAt))")
        for (name, text) in snapshot.files.sorted(by: { $0.key < $1.key }) {
            print("\n# ---- \(name)")
            print(text, terminator: text.hasSuffix("\n") ? "" : "\n")
        }
    }

    private static func check(_ scanner: inout ArgumentScanner) throws(CommandFailure) {
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
