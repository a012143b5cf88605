import AduanCore
import AduanRules
import AduanStore
import Foundation
import Testing

@testable import AduanDaemon

/// The daemon's intake, cases and dispatcher in-process on a real SQLite file, with deliveries configured by a real
/// config file: complaints go in through the intake path, deliveries go out over real files, sockets and processes.
final class DeliveryHarness {
    static let rules = """
        calendar "default" {
            timezone = "Asia/Jakarta"
            hours = "Mon-Sun 00:00-24:00"
        }
        agency "dpupr" { name = "Dinas PUPR" }
        agency "dinkes" { name = "Dinas Kesehatan" }
        agency "biro" { name = "Biro Pemerintahan" }
        list "jalan" { phrases = ["jalan rusak"] }
        list "sampah" { phrases = ["sampah"] }
        route "Jalan" {
            when = text has any jalan
            to = "dpupr"
            cc = ["biro"]
        }
        route "Sampah" {
            when = text has any sampah
            to = "dinkes"
        }
        otherwise { to = "biro" }
        """

    let folder: TemporaryDirectory
    let queue = DispatchQueue(label: "test.store")
    let store: Store
    let rules: RuleSetHolder
    let cases: CaseService
    let dispatcher: DeliveryDispatcher
    let writer: IntakeWriter

    /// - Parameters:
    ///   - config: `deliver` blocks of the daemon config, `{dir}` standing for the test's folder; empty for the
    ///     default outbox.
    ///   - files: more files for the folder (key files, scripts), by name.
    init(config: String = "", files: [String: String] = [:]) throws {
        folder = try TemporaryDirectory("aduan-deliver")
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try Self.rules.write(toFile: folder.file("rules/a.rules"), atomically: true, encoding: .utf8)
        for (name, text) in files { try text.write(toFile: folder.file(name), atomically: true, encoding: .utf8) }
        try config.replacingOccurrences(of: "{dir}", with: folder.path)
            .write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        let settings = try ConfigurationFile.read(path: folder.file("aduand.conf")).deliveries
        let loaded = RuleLoader.load(directory: folder.file("rules"))
        rules = RuleSetHolder(try #require(loaded.ruleSet, "\(loaded.rendered())"), loadedAt: Date())
        store = try Store(path: folder.file("aduan.db"))
        let dispatcher = DeliveryDispatcher(
            store: store,
            storeQueue: queue,
            settings: settings,
            outboxDirectory: folder.file("outbox"),
            clock: SystemClock(),
            logger: Logger(minimumLevel: .error)
        )
        self.dispatcher = dispatcher
        cases = CaseService(
            store: store,
            rules: rules,
            queue: queue,
            clock: SystemClock(),
            logger: Logger(minimumLevel: .error),
            deliveriesQueued: { dispatcher.wake() }
        )
        writer = IntakeWriter(store: store, storeQueue: queue, rules: rules, cases: cases)
        let service = cases
        try queue.sync {
            try service.start()
            dispatcher.start(declaredAgencies: ["dpupr", "dinkes", "biro"])
        }
    }

    /// Stores complaints through the intake path, in one batch.
    func ingest(_ complaints: [(id: String, text: String, title: String?)]) throws {
        let items = complaints.enumerated().map { index, complaint in
            SpoolBatchItem(
                fileName: "t.jsonl",
                line: index + 1,
                item: .complaint(
                    Complaint(
                        source: "spool",
                        externalID: complaint.id,
                        title: complaint.title,
                        text: complaint.text,
                        channel: .web,
                        reporter: Reporter(name: "Budi", contact: "0812-0000-0001"),
                        receivedAt: Date()
                    )
                )
            )
        }
        _ = try writer.commit(source: "spool", items: items, cursor: nil, quarantined: 0, at: Date())
    }

    /// Every delivery, newest first, as `aduanctl deliveries` lists them.
    func deliveries(isFailedOnly: Bool = false) throws -> [DeliveryRecord] {
        let reader = try StoreReader(path: folder.file("aduan.db"))
        defer { reader.close() }
        return try reader.deliveries(isFailedOnly: isFailedOnly, limit: 0)
    }

    /// Stops the dispatcher and the scheduler on the store queue.
    func stop() {
        let (cases, dispatcher) = (cases, dispatcher)
        queue.sync {
            dispatcher.stop()
            cases.stop()
        }
    }

    deinit {
        stop()
        folder.remove()
    }
}
