import AduanControl
import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules check|fmt [DIR] [--rules DIR]` (offline) and `aduanctl rules show HASH` (from the daemon's store).
enum RulesCommand {
    static let usage = """
        usage: aduanctl rules check [DIR] [--rules DIR] [--strict]
               aduanctl rules fmt [DIR] [--rules DIR] [--check]
               aduanctl rules show HASH [--json]
               aduanctl rules test|explain|route|diff …   (see aduanctl rules test|explain|route|diff --help)

        check  parses and checks every *.rules file of DIR (default: $CONFIGURATION_DIRECTORY/rules, else ./rules)
               and prints every error and warning as path:line:column, the source line and a caret. Exits 1 on
               any error, and with --strict on any warning too. Works offline: no daemon is needed.
        fmt    rewrites every *.rules file of DIR in the canonical layout (4-space indentation, one attribute a
               line, '=' aligned, lists and conditions broken at 100 columns), keeping every comment, and prints
               the files it changed. With --check it changes nothing: it prints the files that are not formatted
               and exits 1 if there are any. A file with syntax errors is left alone and its errors are printed
               (exit 1).
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
        case "fmt": try format(&scanner)
        case "show": try show(&scanner, context: context)
        case "test": try RulesTestCommand.run(&scanner)
        case "explain": try RulesExplainCommand.run(&scanner)
        case "route": try RulesRouteCommand.run(&scanner)
        case "diff": try RulesDiffCommand.run(&scanner, context: context)
        default:
            throw .usage(
                "unknown verb '\(verb)'; try: check, fmt, show, test, explain, route, diff",
                help: "aduanctl rules"
            )
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
        let isStrict = scanner.flag("--strict")
        let directory = try rulesDirectory(&scanner, command: "aduanctl rules check")
        let loaded = RuleLoader.load(directory: directory)
        if !loaded.diagnostics.isEmpty {
            FileHandle.standardError.write(Data((loaded.rendered() + "\n").utf8))
        }
        guard let ruleSet = loaded.ruleSet else {
            let errors = loaded.diagnostics.filter(\.isError).count
            throw CommandFailure("\(directory): \(errors) error\(errors == 1 ? "" : "s"); the rules would be refused")
        }
        let warnings = loaded.diagnostics.count
        let counted = "\(warnings) warning\(warnings == 1 ? "" : "s")"
        if isStrict && warnings > 0 {
            throw CommandFailure("\(directory): \(counted), refused with --strict")
        }
        print(
            "\(directory): ok, \(ruleSet.sources.count) files, \(ruleSet.routeLabels.count) routes, "
                + "\(ruleSet.agencies.count) agencies, \(counted), hash \(ruleSet.hash.prefix(12))"
        )
    }

    private static func format(_ scanner: inout ArgumentScanner) throws(CommandFailure) {
        let isCheckOnly = scanner.flag("--check")
        let directory = try rulesDirectory(&scanner, command: "aduanctl rules fmt")
        let paths = try ruleFiles(in: directory)
        var refused = 0
        var unformatted = 0
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path),
                let text = String(validating: data, as: UTF8.self)
            else {
                FileHandle.standardError.write(Data("error: cannot read '\(path)' as UTF-8 text\n".utf8))
                refused += 1
                continue
            }
            let (document, diagnostics) = SyntaxParser.parse(text, path: path)
            guard diagnostics.isEmpty else {
                let rendered = DiagnosticRenderer.render(diagnostics, sources: [path: text])
                FileHandle.standardError.write(Data((rendered + "\n").utf8))
                refused += 1
                continue
            }
            let formatted = RuleFormatter.format(document, source: text)
            guard formatted != text else { continue }
            unformatted += 1
            if !isCheckOnly {
                try replace(path, with: formatted)
            }
            print(path)
        }
        if refused > 0 {
            throw CommandFailure(
                "\(refused) file\(refused == 1 ? "" : "s") not formatted: fix the errors above and run fmt again"
            )
        }
        if isCheckOnly && unformatted > 0 {
            throw CommandFailure(
                "\(unformatted) file\(unformatted == 1 ? " is" : "s are") not formatted; "
                    + "run aduanctl rules fmt \(directory)"
            )
        }
    }

    /// The rules directory: DIR or `--rules DIR`, else `$CONFIGURATION_DIRECTORY/rules`, else `./rules`.
    private static func rulesDirectory(
        _ scanner: inout ArgumentScanner,
        command: String
    ) throws(CommandFailure) -> String {
        let flagDirectory = try scanner.option("--rules")
        let positionalDirectory = try scanner.positional()
        try scanner.finish()
        if flagDirectory != nil, positionalDirectory != nil {
            throw .usage("give the rules directory once, as DIR or --rules DIR", help: command)
        }
        let environment = ProcessInfo.processInfo.environment
        return flagDirectory ?? positionalDirectory ?? environment["CONFIGURATION_DIRECTORY"].map { $0 + "/rules" }
            ?? "rules"
    }

    /// The `*.rules` files of `directory` that the loader reads, in name order.
    private static func ruleFiles(in directory: String) throws(CommandFailure) -> [String] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw CommandFailure("cannot read the rules directory '\(directory)'")
        }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        return
            names
            .filter { name in
                var isDirectory: ObjCBool = false
                return name.hasSuffix(".rules") && !name.hasPrefix(".")
                    && FileManager.default.fileExists(atPath: prefix + name, isDirectory: &isDirectory)
                    && !isDirectory.boolValue
            }
            .sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            .map { prefix + $0 }
    }

    /// Replaces the file at `path` atomically: the text goes to a hidden temporary file in the same folder, with the
    /// file's permissions, which is then renamed over it, so a reader sees the old file or the new one, never half.
    private static func replace(_ path: String, with text: String) throws(CommandFailure) {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).fmt-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            try Data(text.utf8).write(to: temporary)
            if let permissions = attributes[.posixPermissions] {
                try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: temporary.path)
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("cannot write '\(path)': \(error.localizedDescription)")
        }
        guard rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw CommandFailure("cannot replace '\(path)': \(reason)")
        }
    }
}
