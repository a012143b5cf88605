import AduanControl

/// `aduanctl reporter erase ID [--note "…"] [--json]`: erases the personal data of a case's reporter.
enum ReporterCommand {
    static let usage = """
        usage: aduanctl reporter erase ID [--note "…"] [--json]

        Deletes the reporter's name, contact and NIK of case ID for good (the kind of reporter stays). The case's
        history records who erased it, with the --note and a salted digest of what was erased, never the data;
        the audit chain stays intact. Needs the admin permission.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl reporter")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl reporter erase ID", help: "aduanctl reporter")
        }
        guard verb == "erase" else { throw .usage("unknown verb '\(verb)'; try: erase", help: "aduanctl reporter") }
        let isJSON = scanner.flag("--json")
        let note = try scanner.option("--note")
        guard let id = try scanner.positional() else {
            throw .usage("missing the case ID", help: "aduanctl reporter erase")
        }
        try scanner.finish()
        guard let number = Int64(id), number > 0 else {
            throw .usage("'\(id)' is not a case id (a positive number)", help: "aduanctl reporter erase")
        }
        let report = try context.send(
            ControlRequest(op: .reporterErase, caseID: String(number), note: note),
            expecting: ReporterErasureReport.self
        )
        if isJSON { return try CommandContext.printJSON(report) }
        print("case \(report.caseID): reporter's personal data erased (event \(report.eventID))")
    }
}
