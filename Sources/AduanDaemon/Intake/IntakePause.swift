import AduanControl
import AduanStore
import Foundation
import Glibc
import Synchronization

/// Intake held back by a full disk: which sources wait for space, told to systemd (`STATUS=`) and the log when
/// intake pauses and when it resumes.
///
/// A full disk is not a source's fault: its items stay where they are (nothing is quarantined or moved), the store
/// has rolled the batch back, and the poller tries again every few seconds instead of backing off for minutes, so
/// intake resumes by itself soon after space returns.
final class IntakePause: Sendable {
    /// How long a paused poller waits before trying again.
    static let retryInterval: Double = 2

    private let notifier: ServiceNotifier
    private let logger: Logger
    /// The sources waiting for space, each with the error that paused it.
    private let waiting = Mutex<[String: String]>([:])

    /// Creates the pause; `notifier` carries `STATUS=` lines to systemd.
    init(notifier: ServiceNotifier, logger: Logger) {
        self.notifier = notifier
        self.logger = logger
    }

    /// Whether `error` means the file system had no room, for the store or for a file the intake writes.
    static func isDiskFull(_ error: any Error) -> Bool {
        if let error = error as? StoreError { return error.isDiskFull }
        if let error = error as? SystemCallError { return error.errno == ENOSPC || error.errno == EDQUOT }
        if let error = error as? CocoaError { return error.code == .fileWriteOutOfSpace }
        let bridged = error as NSError
        return bridged.domain == NSPOSIXErrorDomain && [Int(ENOSPC), Int(EDQUOT)].contains(bridged.code)
    }

    /// A poll of `source` failed for lack of space.
    func pause(_ source: String, error: String) {
        let isFirst = waiting.withLock { waiting in
            defer { waiting[source] = error }
            return waiting.isEmpty
        }
        guard isFirst else { return }
        notifier.status("intake paused: no space left on the state's file system; items wait in their inboxes")
        logger.error(
            "intake paused: no space left; items wait in their inboxes, retrying every \(Int(Self.retryInterval)) s",
            ["source": source, "error": error]
        )
    }

    /// A poll of `source` succeeded.
    func resume(_ source: String) {
        let isLast = waiting.withLock { waiting in
            waiting.removeValue(forKey: source) != nil && waiting.isEmpty
        }
        guard isLast else { return }
        notifier.status("intake resumed: space is available again")
        logger.notice("intake resumed: space is available again", ["source": source])
    }
}
