import AduanControl
import AduanCore
import Foundation

/// `aduanctl reload [--json]`: asks the daemon to reload its rules and waits for the outcome.
enum ReloadCommand {
    static let usage = """
        usage: aduanctl reload [--json]

        Reloads the daemon's rules and calendars and waits for the outcome: parse, check, compile, then swap in the
        new snapshot. When anything is wrong the old snapshot keeps serving, the diagnostics are printed, and the
        command exits 1 (so `ExecReload=aduanctl reload` fails visibly). Sources and deliveries need a restart.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl reload")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        try scanner.finish()
        let outcome = try context.send(ControlRequest(op: .reload), expecting: ReloadOutcome.self)
        if isJSON {
            try CommandContext.printJSON(outcome)
        } else if outcome.ok {
            print("reloaded: rules \(outcome.hash?.prefix(12) ?? "?") serve since \(RFC3339.format(outcome.at))")
        } else {
            FileHandle.standardError.write(Data((outcome.errors.joined(separator: "\n") + "\n").utf8))
        }
        if !outcome.ok {
            throw CommandFailure("reload refused; rules \(outcome.hash?.prefix(12) ?? "?") keep serving")
        }
    }
}
