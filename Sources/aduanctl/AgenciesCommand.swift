import AduanControl
import Foundation

/// `aduanctl agencies [--since TIME] [--json]`: how each agency handles its cases.
enum AgenciesCommand {
    static let usage = """
        usage: aduanctl agencies [--since TIME] [--json]

        Per agency with cases: how many, how many are open and overdue, the working time from receipt to the first
        response (the first follow-up, ditindaklanjuti, or settlement, selesai) as median and 90th percentile
        (nearest rank), on the working calendar of the rules in service, and the share answered by the respond
        deadline among the cases whose deadline is settled (answered, or already past).

        options:
          --since TIME  only complaints received at or after TIME: RFC 3339, or a date (2026-03-17) taken as
                        midnight WIB
          --json        a JSON array of objects with agency, name, cases, open, overdue, answered,
                        median_response_s, p90_response_s, within_sla_share (0…1)
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl agencies")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let since = try scanner.option("--since")
        try scanner.finish()
        if let since, ControlRequest.parseSince(since) == nil {
            throw .usage(
                "--since '\(since)' is not an RFC 3339 date-time or a YYYY-MM-DD date",
                help: "aduanctl agencies"
            )
        }
        let reports = try context.send(ControlRequest(op: .agencies, since: since), expecting: [AgencyReport].self)
        if isJSON { return try CommandContext.printJSON(reports) }
        if reports.isEmpty { return print("no cases") }
        var table = TableRenderer(
            headers: ["AGENCY", "NAME", "CASES", "OPEN", "OVERDUE", "ANSWERED", "MEDIAN", "P90", "IN SLA"]
        )
        table.rows = reports.map { report in
            [
                report.agency, CasesCommand.clip(report.name ?? "-", 24), "\(report.cases)", "\(report.open)",
                "\(report.overdue)", "\(report.answered)",
                report.medianResponseSeconds.map(CaseCommand.formatWorking) ?? "-",
                report.p90ResponseSeconds.map(CaseCommand.formatWorking) ?? "-",
                report.withinSLAShare.map { String(format: "%.0f%%", $0 * 100) } ?? "-",
            ]
        }
        print(table.render())
    }
}
