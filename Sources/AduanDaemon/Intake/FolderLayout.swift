import Foundation

/// How a folder-based source finds the files waiting for intake, reads them and marks them done: a spool inbox of
/// JSON lines, a folder of CSV exports, a Maildir.
protocol FolderLayout: Sendable {
    /// The files waiting, as paths, in the order to take them.
    ///
    /// - Throws: when the folder cannot be listed (it vanished, permissions); the source then backs off.
    func waitingFiles() throws -> [String]

    /// Reads and decodes one waiting file.
    func read(path: String, now: Date) -> SpoolFile

    /// Marks a file done once its items have committed, so that it is not read again.
    func markDone(path: String) throws

    /// Where a quarantined file goes back to for another try.
    var requeueDirectory: String { get }
}
