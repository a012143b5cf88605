import AduanCore
import Dispatch
import Foundation

/// Polls one spool folder (`inbox/`, `processed/`, `quarantine/`) and ingests its files in batches.
///
/// Order of effects, so that a crash at any instant loses and doubles nothing: rejected lines are written to
/// quarantine first, then the batch commits, then the file moves to `processed/`. A crash before the move makes
/// the next poll read the file again; its items are then duplicates of stored ones and are stored once.
///
/// Confined to the daemon's store queue: every method runs there.
final class SpoolDirectorySource: @unchecked Sendable {
    /// The source's name, the `source` half of every item's key.
    let name: String
    /// How often the inbox is looked at, in seconds.
    let interval: Double
    private let inbox: String
    private let processed: String
    private let quarantine: SpoolQuarantine
    private let writer: IntakeWriter
    private let logger: Logger
    private let batchLimit: Int
    private var partial: (file: SpoolFile, nextItem: Int)?

    /// Creates the source; `directory` holds (or will hold) `inbox/`, `processed/` and `quarantine/`.
    init(
        name: String,
        directory: String,
        interval: Double,
        writer: IntakeWriter,
        logger: Logger,
        batchLimit: Int = 1_000
    ) throws {
        self.name = name
        self.interval = interval
        self.inbox = directory + "/inbox"
        self.processed = directory + "/processed"
        self.quarantine = SpoolQuarantine(directory: directory + "/quarantine")
        self.writer = writer
        self.logger = logger
        self.batchLimit = batchLimit
        for folder in [inbox, processed, quarantine.directory] {
            try DurableFiles.makeDirectory(folder)
        }
    }

    /// Ingests at most one batch (about `batchLimit` items) and reports whether more work is waiting.
    func ingestNextBatch(now: Date = Date()) -> Bool {
        let decoder = SpoolItemDecoder(source: name)
        var names = inboxFileNames()
        var items: [SpoolBatchItem] = []
        var completed: [SpoolFile] = []
        var quarantined = 0
        var lastFileName: String?
        do {
            while items.count < batchLimit {
                var file: SpoolFile
                var nextItem = 0
                if let current = partial {
                    (file, nextItem) = current
                    partial = nil
                    names.removeAll { $0 == file.name }
                } else if !names.isEmpty {
                    let fileName = names.removeFirst()
                    file = SpoolFile.read(path: inbox + "/" + fileName, decoder: decoder, now: now)
                    if let reason = file.fileError {
                        try quarantine.quarantine(file: file, reason: reason)
                        quarantined += 1
                        logger.warning("spool file quarantined", ["source": name, "file": file.name, "reason": reason])
                        continue
                    }
                    if !file.rejections.isEmpty {
                        try quarantine.quarantine(lines: file.rejections, of: file)
                        quarantined += file.rejections.count
                        logger.warning(
                            "spool lines quarantined",
                            ["source": name, "file": file.name, "lines": "\(file.rejections.count)"]
                        )
                    }
                } else {
                    break
                }
                let take = min(file.items.count - nextItem, batchLimit - items.count)
                for item in file.items[nextItem..<(nextItem + take)] {
                    items.append(SpoolBatchItem(fileName: file.name, line: item.line, item: item.item))
                }
                lastFileName = file.name
                if nextItem + take == file.items.count {
                    completed.append(file)
                } else {
                    partial = (file, nextItem + take)
                }
            }
            if items.isEmpty, completed.isEmpty, quarantined == 0 { return false }
            let outcome = try writer.commit(
                source: name,
                items: items,
                cursor: lastFileName,
                quarantined: quarantined,
                at: now
            )
            for (fileName, rejections) in outcome.rejectedUpdates {
                let file = completed.first { $0.name == fileName } ?? partial?.file
                if let file { try quarantine.quarantine(lines: rejections, of: file) }
            }
            for file in completed {
                try DurableFiles.move(file.path, into: processed)
            }
            if outcome.stored + outcome.updated + outcome.duplicates > 0 || quarantined > 0 {
                logger.info(
                    "intake batch committed",
                    [
                        "source": name, "stored": "\(outcome.stored)", "updates": "\(outcome.updated)",
                        "duplicates": "\(outcome.duplicates)",
                        "quarantined": "\(quarantined + outcome.rejectedUpdates.values.reduce(0) { $0 + $1.count })",
                        "files": "\(completed.count)",
                    ]
                )
            }
            return partial != nil || !names.isEmpty
        } catch {
            // Files stay in the inbox untouched; the next poll retries them.
            partial = nil
            logger.error(
                "intake batch failed; files left in the inbox for the next poll",
                ["source": name, "error": "\(error)"]
            )
            writer.recordFailure(source: name, error: "\(error)", at: now)
            return false
        }
    }

    private func inboxFileNames() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []
        return names.filter(SpoolFile.isSpoolFileName).sorted()
    }
}

/// One item of an intake batch, with where it came from.
struct SpoolBatchItem: Sendable {
    /// The spool file it was read from.
    var fileName: String
    /// Its line in that file.
    var line: Int
    /// The item.
    var item: SpoolItem
}
