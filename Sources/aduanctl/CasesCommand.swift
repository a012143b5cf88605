import AduanControl
import AduanCore
import Foundation

/// `aduanctl cases [--state S] [--agency A] [--overdue] [--since T] [--region R] [--search TEXT] [--limit N] [--json]`.
enum CasesCommand {
    static let usage = """
        usage: aduanctl cases [--state STATE] [--agency AGENCY] [--overdue] [--since TIME] [--region REGION]
                              [--search TEXT] [--limit N] [--json]

        Cases, oldest first; the filters combine (a case must pass all of them).

        options:
          --state STATE    only cases in this state: received verified on_hold not_our_authority dispatched
                           in_progress resolved archived
          --agency AGENCY  only cases routed to this agency id (e.g. dpupr)
          --overdue        only open cases past a deadline
          --since TIME     only complaints received at or after TIME: RFC 3339 (2026-03-17T10:00:00+07:00), or a
                           date (2026-03-17) taken as midnight WIB
          --region REGION  only complaints from this region: official name (Kota Serang), Kab. name or Kemendagri
                           code (36.73)
          --search TEXT    only complaints whose title or text contains every word of TEXT, in any case; a word
                           matches inside longer ones too ("jalan" finds "perjalanan")
          --limit N        at most N cases (default 100; 0 = all)
          --json           a JSON array of objects with id, external_id, source, state, agency, route, priority,
                           title, region, received_at, respond_by, overdue_since
        """

    static let exportUsage = """
        usage: aduanctl cases export [--since RFC3339]

        Every stored complaint (or those received since a time), one JSON object per line in the spool format, in
        the order they were stored: input for `aduanctl rules diff --replay`, or for another Aduan's inbox.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        if arguments.first == "export" { return try export(Array(arguments.dropFirst()), context: context) }
        var scanner = ArgumentScanner(arguments, command: "aduanctl cases")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let isOverdueOnly = scanner.flag("--overdue")
        let state = try scanner.option("--state")
        let agency = try scanner.option("--agency")
        let limit = try scanner.integerOption("--limit")
        let since = try scanner.option("--since")
        let regionName = try scanner.option("--region")
        let search = try scanner.option("--search")
        try scanner.finish()
        if let since, ControlRequest.parseSince(since) == nil {
            throw .usage(
                "--since '\(since)' is not an RFC 3339 date-time or a YYYY-MM-DD date",
                help: "aduanctl cases"
            )
        }
        let region = try regionName.map { name throws(CommandFailure) in
            try RulesExplainCommand.resolve(region: name, command: "aduanctl cases")
        }
        if let search, search.allSatisfy(\.isWhitespace) {
            throw .usage("--search needs at least one word", help: "aduanctl cases")
        }
        if let state, CaseState(rawValue: state) == nil {
            let names = CaseState.acceptedNames
            throw .usage("unknown state '\(state)': use one of \(names)", help: "aduanctl cases")
        }
        if let limit, limit < 0 { throw .usage("--limit must be 0 (all) or more", help: "aduanctl cases") }
        let cases = try context.send(
            ControlRequest(
                op: .cases,
                state: state,
                agency: agency,
                limit: limit,
                overdue: isOverdueOnly ? true : nil,
                since: since,
                region: region?.code,
                search: search
            ),
            expecting: [CaseSummary].self
        )
        if isJSON { return try CommandContext.printJSON(cases) }
        if cases.isEmpty { return print("no cases") }
        var table = TableRenderer(headers: ["ID", "STATE", "AGENCY", "PRIORITY", "RESPOND BY", "ROUTE", "TITLE"])
        table.rows = cases.map { summary in
            [
                summary.id, summary.state.rawValue + (summary.overdueSince == nil ? "" : " (overdue)"),
                summary.agency ?? "-", summary.priority ?? "-", summary.respondBy.map(RFC3339.format) ?? "-",
                clip(summary.route ?? "-", 32), clip(summary.title ?? "-", 40),
            ]
        }
        print(table.render())
    }

    private static func export(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl cases export")
        if scanner.wantsHelp { return print(exportUsage) }
        let since = try scanner.option("--since")
        try scanner.finish()
        if let since, RFC3339.parse(since) == nil {
            throw .usage("--since '\(since)' is not an RFC 3339 date-time", help: "aduanctl cases export")
        }
        let encoder = ControlCoding.makeEncoder()
        var afterID: Int64 = 0
        while true {
            let page = try context.send(
                ControlRequest(op: .complaintsExport, since: since, afterID: afterID),
                expecting: ExportPage.self
            )
            for complaint in page.complaints {
                guard let line = try? encoder.encode(complaint) else {
                    throw CommandFailure("cannot encode complaint \(complaint.id)")
                }
                print(String(decoding: line, as: UTF8.self))
            }
            guard let next = page.nextAfterID else { return }
            afterID = next
        }
    }

    static func clip(_ text: String, _ width: Int) -> String {
        text.count <= width ? text : String(text.prefix(width - 1)) + "…"
    }
}
