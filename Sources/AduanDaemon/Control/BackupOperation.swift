import AduanControl
import AduanStore
import Foundation
import Glibc

/// `aduanctl backup FILE`: an online copy of the database, written by the daemon as its own user, then checked.
struct BackupOperation {
    let databasePath: String
    let logger: Logger

    /// Copies the store to `path` (absolute, not existing), makes the copy durable and reports on it.
    ///
    /// - Throws: ``ControlError`` with a readable line: a bad path, a copy SQLite could not write, a copy that
    ///   fails its integrity check (it is left in place for inspection).
    func run(to path: String?) throws -> BackupReport {
        guard let path, !path.isEmpty else { throw ControlError(.badRequest, "backup needs the path of the copy") }
        guard path.hasPrefix("/") else {
            throw ControlError(.badRequest, "backup path '\(path)' must be absolute: the daemon writes it, not you")
        }
        guard access(path, F_OK) != 0 else {
            throw ControlError(.conflict, "\(path) exists; backup never overwrites: name a new file")
        }
        let started = Date()
        let outcome: StoreBackup.Outcome
        do {
            outcome = try StoreBackup.copy(databasePath: databasePath, to: path)
            try AtomicFile.syncFile(path)
            try AtomicFile.syncDirectory((path as NSString).deletingLastPathComponent)
        } catch {
            throw ControlError(
                .internal,
                "cannot write the backup \(path): \(error) (the daemon's user must be able to create it; under "
                    + "systemd, ProtectSystem=strict leaves /var/lib/aduan writable)"
            )
        }
        var status = stat()
        stat(path, &status)
        let report = BackupReport(
            path: path,
            bytes: Int64(status.st_size),
            integrity: outcome.integrity,
            complaints: outcome.complaints,
            cases: outcome.cases,
            seconds: Date().timeIntervalSince(started),
            at: started
        )
        logger.notice(
            "backup written",
            [
                "path": path, "bytes": "\(report.bytes)", "cases": "\(report.cases)",
                "integrity": report.isSound ? "ok" : "failed",
            ]
        )
        guard report.isSound else {
            throw ControlError(
                .internal,
                "the backup \(path) fails its integrity check: \(outcome.integrity.joined(separator: "; "))"
            )
        }
        return report
    }
}
