import AduanCore
import AduanRules
import Foundation
import Testing

@testable import AduanDaemon
@testable import AduanStore

/// Intake throughput on the daemon's real path, next to SQLite's own insert rate on the same disk; run on demand:
/// `ADUAN_PERF=1 swift test -c release --filter IntakeThroughput` (`ADUAN_PERF_COUNT` sets the complaint count).
@Suite("intake throughput", .serialized, .enabled(if: ProcessInfo.processInfo.environment["ADUAN_PERF"] == "1"))
struct IntakeThroughputTests {
    static let count = ProcessInfo.processInfo.environment["ADUAN_PERF_COUNT"].flatMap(Int.init) ?? 50_000
    static let linesPerFile = 1_000

    /// Realistic complaints: the seeds' fields with unique ids, texts lengthened to ~650 bytes, received in the last
    /// hour (older ones would be overdue at once, and the run would time escalations instead of intake).
    static func complaintLines(count: Int) throws -> [String] {
        let receivedAt = RFC3339.format(Date().addingTimeInterval(-3_600), offsetSeconds: 7 * 3_600)
        let seeds = try String(contentsOfFile: TestPaths.seedsDirectory + "/complaints.jsonl", encoding: .utf8)
            .split(separator: "\n")
            .compactMap { try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }
        return try (0..<count).map { index in
            var fields = seeds[index % seeds.count]
            let other = seeds[(index * 7 + 3) % seeds.count]
            var text = "\(fields["text"] as? String ?? "") \(other["text"] as? String ?? "")"
            while text.utf8.count > 650, let space = text.lastIndex(of: " ") { text = String(text[..<space]) }
            fields["id"] = "perf-\(index)"
            fields["text"] = text
            fields["received_at"] = receivedAt
            return String(decoding: try JSONSerialization.data(withJSONObject: fields), as: UTF8.self)
        }
    }

    @Test("spool NDJSON to stored, routed cases with armed deadlines, against raw SQLite inserts")
    func intakeAgainstRawInserts() throws {
        let folder = try TemporaryDirectory("aduan-perf")
        defer { folder.remove() }
        let lines = try Self.complaintLines(count: Self.count)
        let raw = try rawInsertRate(lines: lines, path: folder.file("raw.db"))

        let queue = DispatchQueue(label: "perf.store")
        let store = try Store(path: folder.file("aduan.db"))
        let ruleSet = try #require(RuleLoader.load(directory: TestPaths.rulesDirectory).ruleSet)
        let rules = RuleSetHolder(ruleSet, loadedAt: Date())
        let cases = CaseService(
            store: store,
            rules: rules,
            queue: queue,
            clock: SystemClock(),
            logger: Logger(minimumLevel: .error),
            deliveriesQueued: {}
        )
        try queue.sync { try cases.start() }
        let writer = IntakeWriter(store: store, storeQueue: queue, rules: rules, cases: cases)
        let source = try FolderSource(
            configuration: SourceConfiguration(name: "spool", kind: .spool, path: folder.path, interval: 1),
            layout: SpoolLayout(directory: folder.path, sourceName: "spool"),
            quarantine: QuarantineFolder(directory: folder.file("quarantine")),
            writer: writer,
            logger: Logger(minimumLevel: .error)
        )
        for start in stride(from: 0, to: lines.count, by: Self.linesPerFile) {
            let chunk = lines[start..<min(start + Self.linesPerFile, lines.count)]
            let name = String(format: "batch-%06d.ndjson", start / Self.linesPerFile)
            try (chunk.joined(separator: "\n") + "\n").write(
                toFile: folder.file("inbox/" + name),
                atomically: true,
                encoding: .utf8
            )
        }
        let started = DispatchTime.now().uptimeNanoseconds
        let cpuStarted = Self.processCPUSeconds()
        while try source.ingestNextBatch(now: Date()) {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        let cpuSeconds = Self.processCPUSeconds() - cpuStarted
        let intake = Double(lines.count) / seconds
        let stored = try StoreReader(path: folder.file("aduan.db")).complaintCount()
        let armed = queue.sync { cases.pendingDeadlineCount }
        queue.sync { cases.stop() }
        print(
            "intake-throughput: complaints=\(lines.count) raw_sqlite=\(Int(raw))/s intake=\(Int(intake))/s "
                + "ratio=\(String(format: "%.2f", intake / raw)) cpu_us_per_complaint=\(Int(cpuSeconds * 1e6) / lines.count) "
                + "deadlines=\(armed)"
        )
        #expect(stored == lines.count)
        #expect(armed > 0)
    }

    /// CPU time of the whole process, every thread: machines shared with other builds make wall time noisy.
    static func processCPUSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    /// One row per complaint, 1,000 per transaction, the store's pragmas: the limit intake cannot beat.
    func rawInsertRate(lines: [String], path: String) throws -> Double {
        let texts = try lines.map { line in
            let fields = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (fields["id"] as? String ?? "", fields["text"] as? String ?? "")
        }
        let database = try Database(path: path, mode: .readWrite)
        try database.execute(
            "CREATE TABLE complaints (id INTEGER PRIMARY KEY, external_id TEXT NOT NULL UNIQUE, text TEXT NOT NULL, received_at INTEGER NOT NULL)"
        )
        let started = DispatchTime.now().uptimeNanoseconds
        for start in stride(from: 0, to: texts.count, by: 1_000) {
            try database.inTransaction(.immediate) {
                for (externalID, text) in texts[start..<min(start + 1_000, texts.count)] {
                    try database.execute(
                        "INSERT INTO complaints (external_id, text, received_at) VALUES (?1, ?2, ?3)",
                        [externalID, text, Int64(1_773_000_000)]
                    )
                }
            }
        }
        return Double(texts.count) / (Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}
