import AduanControl
import AduanCore

/// `aduanctl sources [--json]`.
enum SourcesCommand {
    static let usage = """
        usage: aduanctl sources [--json]

        Each intake source: kind and what it reads, items taken in and quarantined, the last poll and the last
        success, the last error, failures in a row (the retry wait doubles with each, up to backoff_max) and when
        the next poll is due.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl sources")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        try scanner.finish()
        let sources = try context.send(ControlRequest(op: .sources), expecting: [SourceStatus].self)
        if isJSON { return try CommandContext.printJSON(sources) }
        var table = TableRenderer(
            headers: ["SOURCE", "KIND", "IN", "QUARANTINED", "LAST SUCCESS", "FAILURES", "NEXT POLL", "LAST ERROR"]
        )
        table.rows = sources.map { source in
            [
                source.name, source.kind, "\(source.itemsIn)", "\(source.itemsQuarantined)",
                source.lastSuccessAt.map(RFC3339.format) ?? "-", "\(source.consecutiveFailures)",
                source.nextPollAt.map(RFC3339.format) ?? "-", source.lastError ?? "-",
            ]
        }
        print(table.render())
    }
}
