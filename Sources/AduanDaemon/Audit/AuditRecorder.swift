import AduanControl
import AduanStore
import Dispatch
import Foundation

/// Writes the audit events of the control socket that are not case lifecycle changes: reporter erasures, reloads
/// asked for by an operator, and refused changes, so that ops can see who did, and who tried.
///
/// Every entry point runs its write on the daemon's store queue, to which the ``Store`` is confined.
final class AuditRecorder: @unchecked Sendable {
    // `@unchecked Sendable`: `store` is used only inside `queue.sync`.
    private let store: Store
    private let queue: DispatchQueue
    private let clock: any DeadlineClock
    private let logger: Logger

    /// The longest case id a refusal records as given: the request is untrusted and could be a megabyte.
    private static let refusedCaseIDLimit = 40

    /// Creates a recorder over the daemon's store and its queue.
    init(store: Store, queue: DispatchQueue, clock: any DeadlineClock, logger: Logger) {
        self.store = store
        self.queue = queue
        self.clock = clock
        self.logger = logger
    }

    /// Erases the personal data of a case's reporter and records who did it.
    ///
    /// - Throws: ``ControlError`` `not_found` when no case has that id, `conflict` when it holds no personal data.
    func eraseReporter(caseID: Int64, actor: String, note: String?) throws -> ReporterErasureReport {
        let outcome = try queue.sync {
            let outcome = try store.write { transaction in
                try transaction.eraseReporter(caseID: caseID, at: clock.now(), actor: actor, reason: note)
            }
            if case .erased = outcome { store.truncateLog() }
            return outcome
        }
        switch outcome {
        case .noSuchCase:
            throw ControlError(.notFound, "no case \(caseID)")
        case .nothingToErase:
            throw ControlError(.conflict, "case \(caseID) holds no reporter data: none was given, or it was erased")
        case .erased(let eventID, let digest):
            logger.notice("reporter erased", ["case": "\(caseID)", "actor": actor, "event": "\(eventID)"])
            return ReporterErasureReport(caseID: String(caseID), eventID: eventID, reporterDigest: digest)
        }
    }

    /// Records an operator's reload and its outcome.
    func recordReload(actor: String, outcome: ReloadOutcome) {
        let hash = String(outcome.hash?.prefix(12) ?? "none")
        record(
            kind: outcome.ok ? "rules_reloaded" : "reload_refused",
            actor: actor,
            reason: outcome.ok ? "rules \(hash) in service" : "reload refused; rules \(hash) stay in service",
            data: Self.json(["rules_hash": outcome.hash ?? ""])
        )
    }

    /// Records a change the caller had no permission for (`case_id` NULL; the case named, if any, in `data`).
    func recordRefusal(actor: String, operation: ControlOperation, caseID: String?) {
        var data = ["op": operation.rawValue]
        if let caseID { data["case_id"] = String(caseID.prefix(Self.refusedCaseIDLimit)) }
        record(kind: "refused", actor: actor, reason: "no permission for \(operation.rawValue)", data: Self.json(data))
    }

    /// A failure to record is logged, not thrown: the caller's answer does not depend on it.
    private func record(kind: String, actor: String, reason: String, data: String) {
        do {
            _ = try queue.sync {
                try store.write { transaction in
                    try transaction.appendEvent(
                        caseID: nil,
                        at: clock.now(),
                        actor: actor,
                        kind: kind,
                        from: nil,
                        to: nil,
                        reason: reason,
                        data: data
                    )
                }
            }
        } catch {
            logger.error("audit event not recorded", ["kind": kind, "actor": actor, "error": "\(error)"])
        }
    }

    private static func json(_ fields: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(fields)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
