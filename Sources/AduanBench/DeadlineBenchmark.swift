import AduanDaemon
import Foundation

/// The deadline scheduler at scale: the daemon's schedule rebuild at start and its memory on a store of a million
/// open cases, and how late deadlines fire when thousands fall due in the same second.
public struct DeadlineBenchmark: Sendable {
    private let settings: BenchSettings
    private let store: CaseStore

    /// Creates the benchmark over a store of open cases.
    public init(settings: BenchSettings, store: CaseStore) {
        self.settings = settings
        self.store = store
    }

    /// Starts `aduand` on the store (rebuild time from its log, resident memory after ready), scans the same
    /// next dues into a bare heap, then times a burst of deadlines in process.
    public func run() throws -> [BenchmarkResult] {
        let built = try store.built()
        let daemon = try DaemonChild(
            daemonPath: settings.daemonPath,
            stateDirectory: built.stateDirectory,
            rulesDirectory: settings.rulesDirectory
        )
        try daemon.waitUntilReady()
        let residentMiB = try daemon.residentMiB()
        daemon.stop()
        guard let line = daemon.log.split(separator: "\n").first(where: { $0.contains("deadlines loaded") }),
            let milliseconds = Self.value(of: "duration_ms", in: line).flatMap(Double.init),
            let pending = Self.value(of: "pending", in: line).flatMap(Int.init)
        else { throw BenchError("aduand logged no \"deadlines loaded … duration_ms=\" line:\n\(daemon.log)") }
        let (heap, baselineSeconds) = try Stopwatch.measure { try scanIntoHeap(built.databasePath) }
        guard heap.entries.count == pending else {
            throw BenchError("aduand loaded \(pending) deadlines, the baseline scan found \(heap.entries.count)")
        }
        let lateness = try burstLateness(background: heap)
        let cases =
            "\(built.cases) open cases, \(built.pendingDeadlines) pending clocks and steps in \(pending) next dues"
        let burst = "\(settings.scale.dueTogether) deadlines due in one second"
        return [
            BenchmarkResult(
                benchmark: "deadlines",
                measured: "schedule rebuild at aduand start (\(cases))",
                value: milliseconds,
                unit: "ms",
                baselineName: "bare C-API scan into a binary heap",
                baseline: baselineSeconds * 1_000,
                goal: .atMost(1_000)
            ),
            BenchmarkResult(
                benchmark: "deadlines",
                measured: "aduand resident memory after READY (\(cases))",
                value: residentMiB,
                unit: "MiB",
                baselineName: "the bare heap's bytes",
                baseline: Double(heap.bytes) / 1_048_576,
                goal: .below(150)
            ),
            BenchmarkResult(
                benchmark: "deadlines",
                measured: "timer lateness p50 (\(burst), DeadlineScheduler, system clock)",
                value: lateness.p50,
                unit: "ms"
            ),
            BenchmarkResult(
                benchmark: "deadlines",
                measured: "timer lateness p99 (\(burst))",
                value: lateness.p99,
                unit: "ms",
                goal: .below(1_000)
            ),
            BenchmarkResult(
                benchmark: "deadlines",
                measured: "timer lateness max (\(burst))",
                value: lateness.max,
                unit: "ms"
            ),
        ]
    }

    /// The value of `key=value` in a log line.
    static func value(of key: String, in line: Substring) -> String? {
        line.split(separator: " ").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// The rebuild's baseline: the same scan the daemon runs (each case's next due), each row pushed onto a plain
    /// heap.
    private func scanIntoHeap(_ databasePath: String) throws -> BaselineHeap {
        let database = try RawSQLite(path: databasePath, isReadOnly: true)
        var heap = BaselineHeap()
        let cases = try database.prepare("SELECT id, next_due_at FROM cases WHERE next_due_at IS NOT NULL")
        while try cases.step() {
            heap.insert(.init(due: cases.int64(1), caseID: cases.int64(0)))
        }
        return heap
    }

    /// Loads the store's deadlines into a real ``DeadlineScheduler`` on the system clock, schedules the burst in
    /// the second starting `dueDelay` seconds from now, and records how late each fires (the handler does nothing
    /// else, so this is the scheduler's own lateness).
    private func burstLateness(background: BaselineHeap) throws -> LatencySummary {
        let count = settings.scale.dueTogether
        let queue = DispatchQueue(label: "aduan.bench.deadlines")
        let recorder = LatenessRecorder(expected: count)
        let scheduler = DeadlineScheduler<Int>(queue: queue, clock: SystemClock()) { _, due in
            recorder.fired(due: due)
        }
        // The store's deadlines first (loading millions takes seconds), then the burst, timed from when it is
        // scheduled.
        queue.sync {
            scheduler.load(
                background.entries.enumerated().map {
                    ($0.offset + count, Date(timeIntervalSince1970: Double($0.element.due)))
                }
            )
            let second = (Date().timeIntervalSince1970 + settings.scale.dueDelay).rounded(.up)
            for key in 0..<count {
                scheduler.schedule(key, at: Date(timeIntervalSince1970: second + Double(key % 1_000) / 1_000))
            }
            scheduler.start()
        }
        defer { queue.sync { scheduler.stop() } }
        guard recorder.done.wait(timeout: .now() + settings.scale.dueDelay + 60) == .success else {
            throw BenchError("only some of the \(count) deadlines fired within a minute")
        }
        return queue.sync { LatencySummary(milliseconds: recorder.milliseconds) }
    }
}
