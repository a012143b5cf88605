import AduanControl
import Foundation
import Glibc

/// Complaints per second from spool files to stored, routed cases through a real `aduand`, against raw SQLite
/// storing the same complaints one row each, and against raw SQLite storing every row the daemon stored for them.
public struct IntakeBenchmark: Sendable {
    private let settings: BenchSettings
    private let corpus: ComplaintCorpus

    /// Creates the benchmark.
    public init(settings: BenchSettings, corpus: ComplaintCorpus) {
        self.settings = settings
        self.corpus = corpus
    }

    /// Runs the daemon's intake, then the baseline.
    public func run() throws -> [BenchmarkResult] {
        let count = settings.scale.intakeComplaints
        let daemon = try daemonIntake(count: count)
        let baselineRate = try rawSQLiteRate(count: count)
        let baselineName = "raw SQLite: one INSERT per complaint, one transaction"
        let replay = try StoredRowsReplay.measure(
            from: settings.workDirectory + "/intake/aduan.db",
            into: settings.workDirectory + "/intake-replay.db"
        )
        let rowsPerComplaint = Double(replay.rows) / Double(count)
        return [
            BenchmarkResult(
                benchmark: "intake",
                measured: "\(count) spool complaints → stored, routed cases (aduand, from launch)",
                value: Double(count) / daemon.total,
                unit: "complaints/s",
                baselineName: baselineName,
                baseline: baselineRate,
                goal: .ratioAtLeast(0.5)
            ),
            BenchmarkResult(
                benchmark: "intake",
                measured:
                    "the same, from the socket's first answer (start-up of \(Int(daemon.toReady * 1_000)) ms left out)",
                value: Double(count) / (daemon.total - daemon.toReady),
                unit: "complaints/s",
                baselineName: baselineName,
                baseline: baselineRate
            ),
            // What limits the ratio above: the rows Aduan keeps per complaint (case, history, clocks, deliveries),
            // and how close the daemon's code comes to what SQLite alone needs for them.
            BenchmarkResult(
                benchmark: "intake",
                measured: "the data model's limit: the rows aduand stored, inserted again by the C API",
                value: Double(count) / replay.seconds,
                unit: "complaints/s",
                baselineName: baselineName,
                baseline: baselineRate
            ),
            BenchmarkResult(
                benchmark: "intake",
                measured: "aduand (from launch) against its data model's limit",
                value: Double(count) / daemon.total,
                unit: "complaints/s",
                baselineName: String(
                    format: "raw SQLite: the %.1f rows per complaint aduand stored, one INSERT each, one transaction",
                    rowsPerComplaint
                ),
                baseline: Double(count) / replay.seconds
            ),
        ]
    }

    /// Writes the spool files into a fresh state's inbox, launches `aduand` and polls its socket at 20 Hz until it
    /// has stored every complaint.
    ///
    /// - Returns: seconds from launch until every complaint was stored, and until the socket first answered.
    private func daemonIntake(count: Int) throws -> (total: Double, toReady: Double) {
        let state = settings.workDirectory + "/intake"
        try FileManager.default.createDirectory(atPath: state + "/inbox", withIntermediateDirectories: true)
        _ = try corpus.writeSpoolFiles(0..<count, perFile: 1_000, into: state + "/inbox")
        let daemon = try DaemonChild(
            daemonPath: settings.daemonPath,
            stateDirectory: state,
            rulesDirectory: settings.rulesDirectory
        )
        defer { daemon.stop() }
        try daemon.waitUntilReady()
        let timeout = 60 + Double(count) / 100
        while (try? daemon.status().complaints) != count {
            guard daemon.launchedAt.seconds < timeout else {
                throw BenchError("aduand stored too few complaints within \(Int(timeout)) s:\n\(daemon.log)")
            }
            usleep(50_000)
        }
        return (daemon.launchedAt.seconds, daemon.secondsToReady)
    }

    /// Inserts the same complaints into a fresh file: WAL, synchronous=NORMAL, UNIQUE(source, external_id), one
    /// transaction. Generating them is not timed.
    private func rawSQLiteRate(count: Int) throws -> Double {
        let items = (0..<count).map(corpus.item)
        let database = try RawSQLite(path: settings.workDirectory + "/intake-baseline.db")
        try database.execute(
            """
            PRAGMA journal_mode = WAL;
            PRAGMA synchronous = NORMAL;
            CREATE TABLE complaints (
                id INTEGER PRIMARY KEY,
                source TEXT NOT NULL,
                external_id TEXT NOT NULL,
                title TEXT,
                text TEXT NOT NULL,
                channel TEXT NOT NULL,
                region_text TEXT,
                received_at INTEGER NOT NULL,
                UNIQUE (source, external_id)
            );
            """
        )
        let (_, seconds) = try Stopwatch.measure {
            try database.execute("BEGIN IMMEDIATE")
            let insert = try database.prepare(
                """
                INSERT INTO complaints (source, external_id, title, text, channel, region_text, received_at)
                VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                """
            )
            let now = Int64(Date().timeIntervalSince1970)
            for item in items {
                insert.bind("spool", at: 1)
                insert.bind(item.id, at: 2)
                insert.bind(item.title, at: 3)
                insert.bind(item.text, at: 4)
                insert.bind(item.channel, at: 5)
                insert.bind(item.region, at: 6)
                insert.bind(now, at: 7)
                try insert.run()
            }
            try database.execute("COMMIT")
        }
        return Double(count) / seconds
    }
}
