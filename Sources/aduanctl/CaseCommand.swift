import AduanControl
import AduanCore

/// `aduanctl case show ID [--json]`.
enum CaseCommand {
    static let usage = """
        usage: aduanctl case show ID [--json]

        One case: its state, agency and route, the complaint, and its whole history (who, when, what, why).
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl case")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl case show ID", help: "aduanctl case")
        }
        guard verb == "show" else { throw .usage("unknown verb '\(verb)'; try: show", help: "aduanctl case") }
        let isJSON = scanner.flag("--json")
        guard let id = try scanner.positional() else { throw .usage("missing the case ID", help: "aduanctl case show") }
        try scanner.finish()
        guard let number = Int64(id), number > 0 else {
            throw .usage("'\(id)' is not a case id (a positive number)", help: "aduanctl case show")
        }
        let detail = try context.send(ControlRequest(op: .caseShow, caseID: String(number)), expecting: CaseDetail.self)
        if isJSON { return try CommandContext.printJSON(detail) }
        print(render(detail))
    }

    static func render(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        let complaint = detail.complaint
        var lines = [
            "case \(summary.id): \(summary.state.rawValue) (\(summary.state.laporTerm))",
            "agency:    \(summary.agency ?? "-")",
            "route:     \(summary.route ?? "-")",
            "priority:  \(summary.priority ?? "-")",
            "respond by: \(summary.respondBy.map(RFC3339.format) ?? "-")",
            "source:    \(summary.source) / \(summary.externalID) via \(complaint.channel.rawValue)",
            "received:  \(RFC3339.format(summary.receivedAt))",
            "region:    \(summary.region ?? "-")",
        ]
        if let title = complaint.title { lines.append("title:     \(title)") }
        lines.append("")
        lines.append(complaint.text)
        lines.append("")
        var table = TableRenderer(headers: ["AT", "ACTOR", "EVENT", "STATE", "WHY"])
        table.rows = detail.events.map { event in
            let transition =
                switch (event.fromState, event.toState) {
                case (let from?, let to?): "\(from.rawValue) → \(to.rawValue)"
                case (nil, let to?): "→ \(to.rawValue)"
                default: ""
                }
            return [RFC3339.format(event.at), event.actor, event.kind, transition, event.reason ?? ""]
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }
}
