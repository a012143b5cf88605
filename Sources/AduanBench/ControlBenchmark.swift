import AduanControl
import AduanCore
import Foundation
import Glibc

/// Control socket latency on a store of a million cases: `status` and `cases --overdue --limit 50`, idle and while
/// an intake runs, against the same SQL on a read-only C-API connection.
public struct ControlBenchmark: Sendable {
    private let settings: BenchSettings
    private let store: CaseStore
    private let corpus: ComplaintCorpus

    /// Creates the benchmark over a store of open cases; `corpus` feeds the concurrent intake.
    public init(settings: BenchSettings, store: CaseStore, corpus: ComplaintCorpus) {
        self.settings = settings
        self.store = store
        self.corpus = corpus
    }

    /// The two requests measured, by name.
    private static let requests: [(name: String, request: ControlRequest)] = [
        ("status", ControlRequest(op: .status)),
        ("cases --overdue --limit 50", ControlRequest(op: .cases, limit: 50, overdue: true)),
    ]

    /// What `status` reads (the counts the store's triggers keep, then the sources), and `cases --overdue --limit 50`'s
    /// query.
    private static let baselineSQL: [[String]] = [
        [
            "SELECT state, agency, cases FROM case_counts WHERE cases > 0",
            "SELECT n FROM row_counts WHERE name = 'complaints'",
            "SELECT coalesce(sum(overdue), 0) FROM case_counts",
            """
            SELECT source, cursor, last_poll_at, last_success_at, items_in, items_quarantined, last_error
            FROM source_cursors ORDER BY source
            """,
        ],
        [
            """
            SELECT cases.id, complaints.external_id, complaints.source, cases.state, cases.agency, cases.route,
                cases.priority, complaints.title, complaints.region_code, complaints.region_text,
                complaints.received_at, cases.respond_by, cases.overdue_at
            FROM cases JOIN complaints ON complaints.id = cases.complaint_id
            WHERE cases.overdue_at IS NOT NULL
            ORDER BY complaints.received_at, complaints.id LIMIT 50
            """
        ],
    ]

    /// Starts `aduand` on the store, measures idle, then feeds an intake and measures while it runs; then the
    /// baseline.
    public func run() throws -> [BenchmarkResult] {
        let built = try store.built()
        let daemon = try DaemonChild(
            daemonPath: settings.daemonPath,
            stateDirectory: built.stateDirectory,
            rulesDirectory: settings.rulesDirectory
        )
        defer { daemon.stop() }
        try daemon.waitUntilReady()
        let client = ControlClient(socketPath: daemon.socketPath, timeout: 30)
        let count = settings.scale.requests
        let idle = try Self.requests.map { try latencies(of: $0.request, count: count, client: client) }
        let (busy, servedDuringIntake) = try underIntake(
            daemon: daemon,
            client: client,
            before: try daemon.status().complaints
        )
        let baseline = try baselineLatencies(databasePath: built.databasePath, count: count)
        var results: [BenchmarkResult] = []
        for (index, request) in Self.requests.enumerated() {
            // A small intake can finish before the first answer: then there is nothing to report under load.
            let situations = [("idle", idle[index]), ("during intake", busy[index])].filter { $0.1.count > 0 }
            for (situation, summary) in situations {
                let context =
                    situation == "idle"
                    ? "\(summary.count) requests"
                    : "\(summary.count) requests while "
                        + "intake stored \(servedDuringIntake) of \(settings.scale.concurrentIntake) complaints"
                results.append(
                    BenchmarkResult(
                        benchmark: "control",
                        measured: "\(request.name) p50, \(situation) (\(built.cases) cases)",
                        value: summary.p50,
                        unit: "ms",
                        baselineName: "same SQL on a read-only C-API connection, p50",
                        baseline: baseline[index].p50
                    )
                )
                results.append(
                    BenchmarkResult(
                        benchmark: "control",
                        measured: "\(request.name) p99, \(situation) (\(context))",
                        value: summary.p99,
                        unit: "ms",
                        baselineName: "same SQL on a read-only C-API connection, p99",
                        baseline: baseline[index].p99,
                        goal: .below(5)
                    )
                )
            }
        }
        return results
    }

    private func latencies(of request: ControlRequest, count: Int, client: ControlClient) throws -> LatencySummary {
        var milliseconds: [Double] = []
        for _ in 0..<count { milliseconds.append(try time(request, client: client)) }
        return LatencySummary(milliseconds: milliseconds)
    }

    /// One request's round trip, in milliseconds, its answer decoded as `aduanctl` would.
    private func time(_ request: ControlRequest, client: ControlClient) throws -> Double {
        let stopwatch = Stopwatch()
        if request.op == .status {
            _ = try client.send(request, expecting: StatusReport.self)
        } else {
            _ = try client.send(request, expecting: [CaseSummary].self)
        }
        return stopwatch.milliseconds
    }

    /// Drops spool files into the running daemon's inbox, waits for its first batch, then alternates the two
    /// requests until each has been sent `requests` times or the intake has finished.
    ///
    /// - Returns: the latencies of requests answered while spool files were still waiting, and how many
    ///   complaints intake had stored by the end.
    private func underIntake(
        daemon: DaemonChild,
        client: ControlClient,
        before stored: Int
    ) throws -> ([LatencySummary], Int) {
        let total = settings.scale.concurrentIntake
        let inbox = settings.workDirectory + "/control-spool"
        try FileManager.default.createDirectory(atPath: inbox, withIntermediateDirectories: true)
        let paths = try corpus.writeSpoolFiles(0..<total, perFile: 1_000, into: inbox)
        let target = daemonInbox(daemon)
        for path in paths {
            try FileManager.default.moveItem(atPath: path, toPath: target + "/" + (path as NSString).lastPathComponent)
        }
        let waitStarted = Stopwatch()
        while try daemon.status().complaints == stored {
            guard waitStarted.seconds < 30 else { throw BenchError("aduand did not start the intake:\n\(daemon.log)") }
            usleep(5_000)
        }
        var samples: [[Double]] = Self.requests.map { _ in [] }
        // The poller moves a file out of the inbox once its batch has committed: an empty inbox ends the intake.
        func isIntakeRunning() -> Bool {
            !((try? FileManager.default.contentsOfDirectory(atPath: target)) ?? []).isEmpty
        }
        requests: for _ in 0..<settings.scale.requests {
            for (index, request) in Self.requests.enumerated() {
                let milliseconds = try time(request.request, client: client)
                guard isIntakeRunning() else { break requests }
                samples[index].append(milliseconds)
            }
        }
        let storedByNow = try daemon.status().complaints - stored
        return (samples.map { LatencySummary(milliseconds: $0) }, storedByNow)
    }

    private func daemonInbox(_ daemon: DaemonChild) -> String {
        (daemon.socketPath as NSString).deletingLastPathComponent + "/inbox"
    }

    /// The same statements on a read-only C-API connection, each request's set stepped to its end.
    private func baselineLatencies(databasePath: String, count: Int) throws -> [LatencySummary] {
        let database = try RawSQLite(path: databasePath, isReadOnly: true)
        // The page cache the daemon's reader has (16 MiB), so that both read from memory alike.
        try database.execute("PRAGMA cache_size = -16384")
        return try Self.baselineSQL.map { statements in
            let prepared = try statements.map(database.prepare)
            var milliseconds: [Double] = []
            for _ in 0..<count {
                let stopwatch = Stopwatch()
                try database.execute("BEGIN")
                for statement in prepared { try statement.run() }
                try database.execute("COMMIT")
                milliseconds.append(stopwatch.milliseconds)
            }
            return LatencySummary(milliseconds: milliseconds)
        }
    }
}
