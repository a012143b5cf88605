import AduanCore
import AduanRules
import AduanStore
import Foundation
import Testing

@testable import AduanDaemon

/// The spool source in-process, on a real SQLite file and real folders: batching, ordering of effects, updates.
@Suite("spool intake")
struct SpoolIntakeTests {
    let folder: TemporaryDirectory
    let store: Store
    let queue = DispatchQueue(label: "test.store")
    let spool: FolderSource

    init() throws {
        folder = try TemporaryDirectory("aduan-intake")
        store = try Store(path: folder.file("aduan.db"))
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
        let writer = IntakeWriter(store: store, storeQueue: queue, rules: rules, cases: cases)
        let configuration = SourceConfiguration(name: "spool", kind: .spool, path: folder.path, interval: 1)
        spool = try FolderSource(
            configuration: configuration,
            layout: SpoolLayout(directory: folder.path, sourceName: "spool"),
            quarantine: QuarantineFolder(directory: folder.file("quarantine")),
            writer: writer,
            logger: Logger(minimumLevel: .error),
            batchLimit: 3
        )
    }

    /// Runs one batch, as the source's poller does.
    func ingestNextBatch() throws -> Bool {
        try spool.ingestNextBatch(now: Date())
    }

    func write(_ lines: [String], to name: String) throws {
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: folder.file("inbox/" + name),
            atomically: true,
            encoding: .utf8
        )
    }

    func read() throws -> StoreReader { try StoreReader(path: folder.file("aduan.db")) }

    static func complaint(_ id: Int) -> String {
        #"{"id":"c-\#(id)","text":"Jalan rusak di km \#(id)","region":"36.73"}"#
    }

    @Test("a file larger than one batch is stored over several transactions and moved only after the last")
    func largeFileInSeveralBatches() throws {
        defer { folder.remove() }
        try write((1...7).map(Self.complaint), to: "big.jsonl")
        #expect(try ingestNextBatch())
        #expect(try read().complaintCount() == 3)
        #expect(FileManager.default.fileExists(atPath: folder.file("inbox/big.jsonl")))
        #expect(try ingestNextBatch())
        #expect(try !ingestNextBatch())
        #expect(try read().complaintCount() == 7)
        #expect(!FileManager.default.fileExists(atPath: folder.file("inbox/big.jsonl")))
        #expect(FileManager.default.fileExists(atPath: folder.file("processed/big.jsonl")))
        let cases = try read().cases(CaseFilter(limit: 0))
        #expect(cases.allSatisfy { $0.agency == "dpupr" && $0.region == "Kota Serang" && $0.state == .dispatched })
    }

    @Test("a crash after a commit but before the move stores nothing twice when the file is read again")
    func rereadAfterCommit() throws {
        defer { folder.remove() }
        try write((1...3).map(Self.complaint), to: "a.jsonl")
        #expect(try !ingestNextBatch())
        // Simulate the crash window: the file is in the inbox again as if the move never happened.
        try FileManager.default.copyItem(atPath: folder.file("processed/a.jsonl"), toPath: folder.file("inbox/a.jsonl"))
        #expect(try !ingestNextBatch())
        #expect(try read().complaintCount() == 3)
        #expect(try read().cases(CaseFilter(limit: 0)).count == 3)
        #expect(FileManager.default.fileExists(atPath: folder.file("processed/a.1.jsonl")))
    }

    @Test("a whole file that is not a complaint goes to quarantine with its reason, and the rest still flows")
    func wholeFileQuarantined() throws {
        defer { folder.remove() }
        try #"["not", "an", "object"]"#.write(toFile: folder.file("inbox/bad.json"), atomically: true, encoding: .utf8)
        try write([Self.complaint(1)], to: "good.jsonl")
        #expect(try !ingestNextBatch())
        #expect(try read().complaintCount() == 1)
        let reason = try String(contentsOfFile: folder.file("quarantine/bad.json.reason"), encoding: .utf8)
        #expect(reason == "file bad.json: expected a JSON object, found an array\n")
        #expect(FileManager.default.fileExists(atPath: folder.file("quarantine/bad.json")))
        #expect(try read().sourceHealth().first?.itemsQuarantined == 1)
    }

    @Test("an update changes its case's state once, with an event, however often it is delivered")
    func updatesApplyOnce() throws {
        defer { folder.remove() }
        try write([Self.complaint(1)], to: "a.jsonl")
        #expect(try !ingestNextBatch())
        let update =
            #"{"id":"u-1","update_for":{"source":"spool","id":"c-1"},"status":"in_progress","note":"tim sudah ke lokasi"}"#
        try write([update], to: "b.jsonl")
        try write([update], to: "c.jsonl")
        #expect(try !ingestNextBatch())
        let detail = try #require(try read().caseDetail(id: 1))
        #expect(detail.summary.state == .inProgress)
        #expect(detail.events.filter { $0.kind == "responded" }.count == 1)
        #expect(detail.events.last?.reason?.hasPrefix("tim sudah ke lokasi") == true)
        #expect(detail.events.last?.actor == "source:spool")
    }

    @Test("an update for an unknown case or an impossible transition goes to quarantine with its reason")
    func rejectedUpdates() throws {
        defer { folder.remove() }
        try write([Self.complaint(1)], to: "a.jsonl")
        #expect(try !ingestNextBatch())
        try write(
            [
                #"{"id":"u-1","update_for":"99","note":"x"}"#,
                #"{"id":"u-2","update_for":"1","status":"resolved"}"#,
                #"{"id":"u-3","update_for":"1","status":"received"}"#,
            ],
            to: "b.jsonl"
        )
        #expect(try !ingestNextBatch())
        let reason = try String(contentsOfFile: folder.file("quarantine/b.jsonl.reason"), encoding: .utf8)
        #expect(reason.contains("b.jsonl line 1 (item 1 here): update_for names a case that does not exist (case 99)"))
        #expect(reason.contains("b.jsonl line 3 (item 2 here): cannot move case 1 from resolved to received"))
        #expect(try read().caseDetail(id: 1)?.summary.state == .resolved)
    }
}
