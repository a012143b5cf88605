import AduanControl
import AduanCore
import Foundation

/// `aduanctl deliveries [--failed] [--limit N] [--json]`.
enum DeliveriesCommand {
    static let usage = """
        usage: aduanctl deliveries [--failed] [--limit N] [--json]

        Deliveries of cases and escalation notices to agencies, newest first: how each went out (outbox, webhook,
        sendmail), how often it was tried, and whether it arrived. Failed ones are retried by the daemon with
        growing pauses (the config's retry_min and retry_max).

        options:
          --failed    only deliveries not yet delivered whose last attempt failed
          --limit N   at most N deliveries (default 100; 0 = all)
          --json      a JSON array of objects with id, case, agency, purpose, kind, attempts, created_at,
                      next_attempt_at, delivered_at, last_error
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl deliveries")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let isFailedOnly = scanner.flag("--failed")
        let limit = try scanner.integerOption("--limit")
        try scanner.finish()
        if let limit, limit < 0 { throw .usage("--limit must be 0 (all) or more", help: "aduanctl deliveries") }
        let deliveries = try context.send(
            ControlRequest(op: .deliveries, limit: limit, failed: isFailedOnly ? true : nil),
            expecting: [DeliveryRecord].self
        )
        if isJSON { return try CommandContext.printJSON(deliveries) }
        if deliveries.isEmpty { return print(isFailedOnly ? "no failed deliveries" : "no deliveries") }
        var table = TableRenderer(
            headers: ["ID", "CASE", "AGENCY", "PURPOSE", "KIND", "ATTEMPTS", "STATUS", "LAST ERROR"]
        )
        table.rows = deliveries.map { delivery in
            let status =
                if let delivered = delivery.deliveredAt {
                    "delivered " + RFC3339.format(delivered)
                } else {
                    "next try " + (delivery.nextAttemptAt.map(RFC3339.format) ?? "-")
                }
            return [
                delivery.id, delivery.caseID, delivery.agency, delivery.purpose.rawValue, delivery.kind ?? "-",
                String(delivery.attempts), status, CasesCommand.clip(delivery.lastError ?? "-", 60),
            ]
        }
        print(table.render())
    }
}
