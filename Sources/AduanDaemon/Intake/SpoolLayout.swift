import AduanCore
import Foundation

/// The spool folder of DESIGN.md: `inbox/*.json|*.jsonl|*.ndjson` in, `processed/` once stored.
struct SpoolLayout: FolderLayout {
    private let folders: InboxFolders
    private let decoder: SpoolItemDecoder

    /// Creates the layout for `directory`, making `inbox/` and `processed/` when missing.
    init(directory: String, sourceName: String) throws {
        folders = try InboxFolders(directory: directory)
        decoder = SpoolItemDecoder(source: sourceName)
    }

    var requeueDirectory: String { folders.inbox }

    func waitingFiles() throws -> [String] {
        try folders.waitingFiles(accepting: SpoolFile.isSpoolFileName)
    }

    func read(path: String, now: Date) -> SpoolFile {
        SpoolFile.read(path: path, decoder: decoder, now: now)
    }

    func markDone(path: String) throws {
        try folders.markDone(path: path)
    }
}
