import AduanControl
import Foundation

/// `aduanctl metrics [--textfile PATH] [--json]`: the daemon's metrics in Prometheus' text format.
enum MetricsCommand {
    static let usage = """
        usage: aduanctl metrics [--textfile PATH] [--json]

        Prints the daemon's metrics in Prometheus' text exposition format 0.0.4: complaints ingested per
        source, cases per state and agency, overdue cases per agency, pending deadlines, rule reloads, source
        health, uptime, and the rules' hash.

        options:
          --textfile PATH  write them to PATH instead, atomically (temporary file in the same folder, fsync,
                           rename), for node_exporter's textfile collector; PATH must end in .prom, e.g.
                           /var/lib/prometheus/node-exporter/aduan.prom (aduan-metrics.timer does this)
          --json           the metric families as JSON
        """

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl metrics")
        if scanner.wantsHelp { return print(usage) }
        let isJSON = scanner.flag("--json")
        let textfile = try scanner.option("--textfile")
        try scanner.finish()
        if let textfile, !textfile.hasSuffix(".prom") {
            throw .usage("--textfile \(textfile): node_exporter reads only *.prom files", help: "aduanctl metrics")
        }
        let families = try context.send(ControlRequest(op: .metrics), expecting: [MetricFamily].self)
        if isJSON {
            return try CommandContext.printJSON(families)
        }
        let text = PrometheusText.render(families)
        guard let textfile else { return print(text, terminator: "") }
        do {
            // Readable by node_exporter, which runs as another user.
            try AtomicFile.write(Array(text.utf8), to: textfile, mode: 0o644)
        } catch {
            throw CommandFailure("cannot write \(textfile): \(error)")
        }
    }
}
