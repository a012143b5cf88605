import AduanControl
import AduanCore

/// `aduanctl quarantine list|show|retry|drop`.
enum QuarantineCommand {
    static let usage = """
        usage: aduanctl quarantine list [--source NAME] [--json]
               aduanctl quarantine show SOURCE FILE [--json]
               aduanctl quarantine retry SOURCE FILE
               aduanctl quarantine drop SOURCE FILE [--note "…"]

        Items a source could not take in wait in its quarantine with the reason. `show` prints a file and its
        reason; `retry` puts it back where the source reads it (fix it first: a file quarantined again gets a new
        reason); `drop` deletes it for good and records who did it, with the file's SHA-256, in the audit trail.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl quarantine")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("quarantine needs list, show, retry or drop", help: "aduanctl quarantine")
        }
        switch verb {
        case "list":
            let source = try scanner.option("--source")
            let isJSON = scanner.flag("--json")
            try scanner.finish()
            let entries = try context.send(
                ControlRequest(op: .quarantineList, source: source),
                expecting: [QuarantineEntry].self
            )
            if isJSON { return try CommandContext.printJSON(entries) }
            if entries.isEmpty { return print("quarantine is empty") }
            var table = TableRenderer(headers: ["SOURCE", "FILE", "BYTES", "QUARANTINED", "REASON"])
            table.rows = entries.map { entry in
                [
                    entry.source, entry.name, "\(entry.size)", entry.quarantinedAt.map(RFC3339.format) ?? "-",
                    entry.reason.split(separator: "\n").first.map(String.init) ?? "-",
                ]
            }
            print(table.render())
        case "show":
            let (source, name) = try target(&scanner, verb: verb)
            let isJSON = scanner.flag("--json")
            try scanner.finish()
            let item = try context.send(
                ControlRequest(op: .quarantineShow, source: source, name: name),
                expecting: QuarantineItem.self
            )
            if isJSON { return try CommandContext.printJSON(item) }
            print("# \(item.entry.source)/\(item.entry.name), \(item.entry.size) bytes")
            for line in item.entry.reason.split(separator: "\n") { print("# \(line)") }
            print(item.content, terminator: item.content.hasSuffix("\n") ? "" : "\n")
            if item.isTruncated { print("# … cut at \(QuarantineItem.contentLimit) bytes") }
        case "retry", "drop":
            let (source, name) = try target(&scanner, verb: verb)
            let note = try scanner.option("--note")
            try scanner.finish()
            let entry = try context.send(
                ControlRequest(
                    op: verb == "retry" ? .quarantineRetry : .quarantineDrop,
                    note: note,
                    source: source,
                    name: name
                ),
                expecting: QuarantineEntry.self
            )
            print(
                verb == "retry"
                    ? "\(entry.source)/\(entry.name): put back for the next poll"
                    : "\(entry.source)/\(entry.name): dropped"
            )
        default:
            throw .usage("unknown quarantine command '\(verb)'", help: "aduanctl quarantine")
        }
    }

    private static func target(
        _ scanner: inout ArgumentScanner,
        verb: String
    ) throws(CommandFailure) -> (source: String, name: String) {
        guard let source = try scanner.positional(), let name = try scanner.positional() else {
            throw .usage("quarantine \(verb) needs SOURCE and FILE", help: "aduanctl quarantine")
        }
        return (source, name)
    }
}
