import AduanControl
import AduanCore

/// `aduanctl audit verify [--json]`: asks the daemon to recompute the audit hash chain.
enum AuditCommand {
    static let usage = """
        usage: aduanctl audit verify [--json]

        Recomputes the hash chain over every audit event (each event's hash covers its content and the hash of the
        event before it) and prints the number of events and the newest hash, or the first event that does not
        verify and why: its content changed, events before it are missing, or hashes were rewritten. Exits 1 when
        the chain is broken. Deleting the newest events leaves no trace inside the chain: note the head hash
        somewhere else now and then, and compare.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl audit")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl audit verify", help: "aduanctl audit")
        }
        guard verb == "verify" else { throw .usage("unknown verb '\(verb)'; try: verify", help: "aduanctl audit") }
        let isJSON = scanner.flag("--json")
        try scanner.finish()
        let outcome = try context.send(ControlRequest(op: .auditVerify), expecting: AuditVerification.self)
        if isJSON {
            try CommandContext.printJSON(outcome)
        } else if outcome.isIntact {
            print("audit chain intact: \(outcome.events) events, head \(outcome.head ?? "-")")
        }
        guard outcome.isIntact else {
            throw CommandFailure(
                "audit chain broken at event \(outcome.brokenEventID.map(String.init) ?? "?"): "
                    + "\(outcome.problem ?? "unknown problem"); events verified before it: \(outcome.events)"
            )
        }
    }
}
