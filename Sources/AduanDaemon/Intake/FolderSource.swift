import AduanCore
import Dispatch
import Foundation
import Synchronization

/// A source whose items arrive as files in a folder (spool, CSV, Maildir), ingested in batches.
///
/// Order of effects, so that a crash at any instant loses and doubles nothing: rejected items are written to
/// quarantine first, then the batch commits, then the file is marked done. A crash before that makes the next poll
/// read the file again; its items are then duplicates of stored ones and are stored once.
final class FolderSource: IntakeSource {
    let configuration: SourceConfiguration
    private let layout: any FolderLayout
    private let quarantine: QuarantineFolder
    private let writer: IntakeWriter
    private let logger: Logger
    private let batchLimit: Int
    /// A file whose items did not fit in the last batch, and the first item not yet taken. Only the poller's
    /// queue touches it; the mutex makes that checkable.
    private let partial = Mutex<(file: SpoolFile, nextItem: Int)?>(nil)
    /// The next waiting file, read, decoded and routed on `prefetchQueue` while the last batch committed, by path.
    private let prefetched = Mutex<[String: SpoolFile]>([:])
    private let prefetchQueue: DispatchQueue

    /// Creates the source; the layout has made its folders, the quarantine folder is made here.
    init(
        configuration: SourceConfiguration,
        layout: any FolderLayout,
        quarantine: QuarantineFolder,
        writer: IntakeWriter,
        logger: Logger,
        batchLimit: Int = 1_000
    ) throws {
        self.configuration = configuration
        self.layout = layout
        self.quarantine = quarantine
        self.writer = writer
        self.logger = logger
        self.batchLimit = batchLimit
        prefetchQueue = DispatchQueue(label: "aduan.source.\(configuration.name).prefetch")
        try DurableFiles.makeDirectory(quarantine.directory)
        quarantine.removeLeftoverTemporaries()
    }

    func requeue(quarantined path: String) throws {
        try quarantine.requeue(path, into: layout.requeueDirectory)
    }

    func ingestNextBatch(now: Date) throws -> Bool {
        let name = configuration.name
        var paths = try layout.waitingFiles()
        var items: [SpoolBatchItem] = []
        var completed: [SpoolFile] = []
        var quarantined = 0
        var lastFileName: String?
        var carried = partial.withLock { current in
            defer { current = nil }
            return current
        }
        // Reading has no effect on the folders: a file read ahead is used only if it is still waiting now.
        var readAhead = prefetched.withLock { files in
            defer { files = [:] }
            return files
        }
        while items.count < batchLimit {
            var file: SpoolFile
            var nextItem = 0
            if let current = carried {
                (file, nextItem) = current
                carried = nil
                paths.removeAll { $0 == file.path }
            } else if !paths.isEmpty {
                let path = paths.removeFirst()
                file = readAhead.removeValue(forKey: path) ?? read(path: path, now: now)
                if let reason = file.fileError {
                    try quarantine.quarantine(file: file, reason: reason)
                    quarantined += 1
                    logger.warning("intake file quarantined", ["source": name, "file": file.name, "reason": reason])
                    continue
                }
                if !file.rejections.isEmpty {
                    try quarantine.quarantine(items: file.rejections, of: file)
                    quarantined += file.rejections.count
                    logger.warning(
                        "intake items quarantined",
                        ["source": name, "file": file.name, "items": "\(file.rejections.count)"]
                    )
                }
            } else {
                break
            }
            let take = min(file.items.count - nextItem, batchLimit - items.count)
            for item in file.items[nextItem..<(nextItem + take)] {
                items.append(
                    SpoolBatchItem(fileName: file.name, line: item.line, item: item.item, routing: item.routing)
                )
            }
            lastFileName = file.name
            if nextItem + take == file.items.count {
                completed.append(file)
            } else {
                carried = (file, nextItem + take)
            }
        }
        if items.isEmpty, completed.isEmpty, quarantined == 0 { return false }
        // Both cores: the next file is read, decoded and routed while this batch commits on the store queue.
        let readingAhead = DispatchGroup()
        if carried == nil, let next = paths.first {
            prefetchQueue.async(group: readingAhead) { [self] in
                let file = read(path: next, now: now)
                prefetched.withLock { $0[next] = file }
            }
        }
        defer { readingAhead.wait() }
        let outcome = try writer.commit(
            source: name,
            items: items,
            cursor: lastFileName,
            quarantined: quarantined,
            at: now
        )
        for (fileName, rejections) in outcome.rejectedUpdates {
            let file = completed.first { $0.name == fileName } ?? carried?.file
            if let file { try quarantine.quarantine(items: rejections, of: file) }
        }
        for file in completed {
            try layout.markDone(path: file.path)
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
        partial.withLock { $0 = carried }
        return carried != nil || !paths.isEmpty
    }
}

extension FolderSource {
    /// Reads and decodes a file, and routes its complaints, off the store queue.
    private func read(path: String, now: Date) -> SpoolFile {
        var file = layout.read(path: path, now: now)
        writer.route(&file, at: now)
        return file
    }
}

/// One item of an intake batch, with where it came from.
struct SpoolBatchItem: Sendable {
    /// The file it was read from.
    var fileName: String
    /// Its line (or record) in that file.
    var line: Int
    /// The item.
    var item: SpoolItem
    /// A complaint's routing, made off the store queue.
    var routing: PreRouting? = nil
}
