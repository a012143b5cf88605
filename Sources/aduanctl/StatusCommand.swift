import AduanControl
import AduanCore

/// `aduanctl status [--json]`.
enum StatusCommand {
    static let usage = """
        usage: aduanctl status [--json]

        The daemon's uptime, the rules in service and the last reload, complaints and cases by state and by
        agency, and each intake source's counts.
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl status")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        try scanner.finish()
        let report = try context.send(ControlRequest(op: .status), expecting: StatusReport.self)
        if isJSON { return try CommandContext.printJSON(report) }
        print(render(report))
    }

    static func render(_ report: StatusReport) -> String {
        var lines: [String] = []
        lines.append("aduand \(report.version), up \(formatDuration(report.uptimeSeconds))")
        let reload = report.rules.lastReload
        let reloadText =
            reload.ok
            ? "ok at \(RFC3339.format(reload.at))" : "REFUSED at \(RFC3339.format(reload.at)) (old rules kept)"
        lines.append(
            "rules:      \(report.rules.hash.prefix(12)), \(report.rules.routes) routes, loaded \(RFC3339.format(report.rules.loadedAt)); last reload \(reloadText)"
        )
        lines.append("complaints: \(report.complaints)")
        let byState = report.cases.byState.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
        lines.append("cases:      \(report.cases.byState.values.reduce(0, +)) (\(byState.joined(separator: ", ")))")
        lines.append("overdue:    \(report.overdue)")
        if report.intakePaused {
            lines.append("intake:     PAUSED, waiting for disk space: \(report.intakeError ?? "no space left")")
        }
        if !report.cases.byAgency.isEmpty {
            var table = TableRenderer(headers: ["AGENCY", "CASES"])
            table.rows = report.cases.byAgency.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map {
                [$0.key, "\($0.value)"]
            }
            lines.append("")
            lines.append(table.render())
        }
        if !report.sources.isEmpty {
            var table = TableRenderer(headers: ["SOURCE", "KIND", "IN", "QUARANTINED", "LAST INTAKE", "LAST ERROR"])
            table.rows = report.sources.map { source in
                [
                    source.name, source.kind, "\(source.itemsIn)", "\(source.itemsQuarantined)",
                    source.lastPollAt.map(RFC3339.format) ?? "-", source.lastError ?? "-",
                ]
            }
            lines.append("")
            lines.append(table.render())
        }
        return lines.joined(separator: "\n")
    }

    private static func formatDuration(_ seconds: Int) -> String {
        if seconds < 60 { return "\(seconds)s" }
        if seconds < 3_600 { return "\(seconds / 60)m \(seconds % 60)s" }
        if seconds < 86_400 { return "\(seconds / 3_600)h \(seconds / 60 % 60)m" }
        return "\(seconds / 86_400)d \(seconds / 3_600 % 24)h"
    }
}
