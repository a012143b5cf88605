import Foundation

/// The `inbox/` and `processed/` pair of a folder source (spool, CSV): writers rename finished files into the
/// inbox, and a stored file moves to `processed/`.
struct InboxFolders: Sendable {
    /// The folder writers rename finished files into.
    let inbox: String
    /// Where stored files go.
    let processed: String

    /// The pair under `directory`, made when missing.
    init(directory: String) throws {
        inbox = directory + "/inbox"
        processed = directory + "/processed"
        for folder in [inbox, processed] {
            try DurableFiles.makeDirectory(folder)
        }
    }

    /// The inbox's finished files that `accepts` names, as paths in name order (hidden files are never finished).
    func waitingFiles(accepting accepts: (String) -> Bool) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: inbox)
            .filter { !$0.hasPrefix(".") && accepts($0) }.sorted().map { inbox + "/" + $0 }
    }

    /// Moves a stored file to `processed/` (under a free name).
    func markDone(path: String) throws {
        try DurableFiles.move(path, into: processed)
    }
}
