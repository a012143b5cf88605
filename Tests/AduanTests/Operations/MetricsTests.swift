import AduanControl
import Foundation
import Glibc
import Testing

/// `aduanctl metrics`: Prometheus' text format, with values that match what the daemon took in.
@Suite("metrics", .serialized)
struct MetricsTests {
    /// A parsed exposition: every sample by name and sorted labels; fails the test on any malformed line.
    struct Exposition {
        var help: [String: String] = [:]
        var types: [String: String] = [:]
        var samples: [String: [String: Double]] = [:]

        init(_ text: String) {
            for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
                if let match = line.wholeMatch(of: /# HELP ([a-zA-Z_:][a-zA-Z0-9_:]*) (.+)/) {
                    help[String(match.1)] = String(match.2)
                } else if let match = line.wholeMatch(of: /# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge)/) {
                    #expect(help[String(match.1)] != nil, "TYPE before HELP: \(line)")
                    types[String(match.1)] = String(match.2)
                } else if let match = line.wholeMatch(
                    of:
                        /([a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*",?)*\})? (-?[0-9.e+]+|NaN|[+-]Inf)/
                ) {
                    let name = String(match.1)
                    #expect(types[name] != nil && help[name] != nil, "sample without HELP and TYPE: \(line)")
                    samples[name, default: [:]][String(match.2 ?? "")] = Double(match.3)
                } else {
                    Issue.record("not a line of the text format: \(line)")
                }
            }
        }

        /// The value of `name` with labels exactly `{…}` as printed (`""` for none).
        func value(_ name: String, _ labels: String = "") -> Double? { samples[name]?[labels] }

        /// The sum of every sample of `name`.
        func total(_ name: String) -> Double { samples[name]?.values.reduce(0, +) ?? 0 }
    }

    @Test("label values escape backslashes, quotes and line feeds; whole numbers print without a fraction")
    func escaping() {
        let text = PrometheusText.render([
            MetricFamily(
                name: "aduan_test",
                help: "A test\nwith two lines.",
                kind: .gauge,
                samples: [MetricSample(labels: ["b": "x", "a": "say \"hi\"\\\n"], value: 3)]
            )
        ])
        #expect(
            text == """
                # HELP aduan_test A test\\nwith two lines.
                # TYPE aduan_test gauge
                aduan_test{a="say \\"hi\\"\\\\\\n",b="x"} 3

                """
        )
        #expect(Exposition(text).value("aduan_test", #"{a="say \"hi\"\\\n",b="x"}"#) == 3)
    }

    @Test("metrics match a known intake and a reload; --textfile writes the same text atomically")
    func knownIntake() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let stored = try BackupTests.ingestSamples(copies: 1, into: daemon)
        #expect(try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"]).exitCode == 0)
        let status = try daemon.status()

        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "metrics"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let metrics = Exposition(run.standardOutput)
        #expect(metrics.value("aduan_complaints_ingested_total", #"{source="spool"}"#) == Double(stored))
        #expect(metrics.types["aduan_complaints_ingested_total"] == "counter")
        #expect(metrics.total("aduan_cases") == Double(stored))
        for (agency, count) in status.cases.byAgency {
            let perAgency = metrics.samples["aduan_cases", default: [:]]
                .filter { $0.key.contains(#"agency="\#(agency)""#) }.values.reduce(0, +)
            #expect(perAgency == Double(count), "agency \(agency)")
        }
        for (state, count) in status.cases.byState {
            let perState = metrics.samples["aduan_cases", default: [:]]
                .filter { $0.key.contains(#"state="\#(state)""#) }.values.reduce(0, +)
            #expect(perState == Double(count), "state \(state)")
        }
        #expect(metrics.total("aduan_cases_overdue") == Double(status.overdue))
        #expect((metrics.value("aduan_deadlines_pending") ?? 0) > 0)
        #expect(metrics.value("aduan_rules_info", #"{hash="\#(status.rules.hash)"}"#) == 1)
        #expect(metrics.value("aduan_rules_reloads_total", #"{outcome="accepted"}"#) == 1)
        #expect(metrics.value("aduan_rules_reloads_total", #"{outcome="refused"}"#) == 0)
        #expect(metrics.value("aduan_rules_last_reload_success") == 1)
        #expect(
            metrics.value("aduan_rules_last_reload_timestamp_seconds")
                == status.rules.lastReload.at.timeIntervalSince1970.rounded(.down)
        )
        #expect(metrics.value("aduan_source_poll_failing", #"{source="spool"}"#) == 0)
        #expect(metrics.value("aduan_uptime_seconds") != nil)

        let textfileFolder = folder.file("node-exporter")
        try FileManager.default.createDirectory(atPath: textfileFolder, withIntermediateDirectories: true)
        let textfile = textfileFolder + "/aduan.prom"
        let written = try CommandRun.aduanctl(["--socket", daemon.socketPath, "metrics", "--textfile", textfile])
        #expect(written.exitCode == 0, "\(written.standardError)")
        #expect(written.standardOutput.isEmpty)
        let fromFile = Exposition(try String(contentsOfFile: textfile, encoding: .utf8))
        #expect(fromFile.samples["aduan_cases"] == metrics.samples["aduan_cases"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: textfileFolder) == ["aduan.prom"])
        let mode = try FileManager.default.attributesOfItem(atPath: textfile)[.posixPermissions] as? Int
        #expect(mode == 0o644)

        let notProm = try CommandRun.aduanctl([
            "--socket", daemon.socketPath, "metrics", "--textfile", textfile + ".txt",
        ])
        #expect(notProm.exitCode == 64)
        daemon.stop()
    }
}
