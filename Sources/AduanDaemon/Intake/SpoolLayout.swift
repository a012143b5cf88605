import AduanCore
import Foundation

/// The spool folder of DESIGN.md: `inbox/*.json|*.jsonl|*.ndjson` in, `processed/` once stored.
struct SpoolLayout: FolderLayout {
    /// The folder writers rename finished files into.
    let inbox: String
    /// Where stored files go.
    let processed: String
    /// The source's name, for the decoder's items.
    let sourceName: String

    /// Creates the layout for `directory`, making `inbox/` and `processed/` when missing.
    init(directory: String, sourceName: String) throws {
        inbox = directory + "/inbox"
        processed = directory + "/processed"
        self.sourceName = sourceName
        for folder in [inbox, processed] {
            try DurableFiles.makeDirectory(folder)
        }
    }

    var requeueDirectory: String { inbox }

    func waitingFiles() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox).filter(SpoolFile.isSpoolFileName).sorted().map {
            inbox + "/" + $0
        }
    }

    func read(path: String, now: Date) -> SpoolFile {
        SpoolFile.read(path: path, decoder: SpoolItemDecoder(source: sourceName), now: now)
    }

    func markDone(path: String) throws {
        _ = try DurableFiles.move(path, into: processed)
    }
}
