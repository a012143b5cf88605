import AduanRules
import Foundation
import Synchronization

/// The rule snapshot in service, swapped whole on reload; readers take the current one and keep using it,
/// so a batch is routed by one snapshot from start to end.
final class RuleSetHolder: Sendable {
    /// The snapshot in service and when it was loaded.
    struct Snapshot: Sendable {
        var ruleSet: RuleSet
        var loadedAt: Date
    }

    /// The last attempt to load rules.
    struct Attempt: Sendable {
        var isAccepted: Bool
        var at: Date
        var diagnostics: [String]
    }

    private let state: Mutex<(snapshot: Snapshot, lastAttempt: Attempt)>
    private let reloads = Mutex((accepted: 0, refused: 0))

    /// Reloads accepted and refused since the daemon started, for the metrics.
    var reloadCounts: (accepted: Int, refused: Int) {
        reloads.withLock { $0 }
    }

    /// Creates the holder with the snapshot loaded at start.
    init(_ ruleSet: RuleSet, loadedAt: Date) {
        state = Mutex(
            (Snapshot(ruleSet: ruleSet, loadedAt: loadedAt), Attempt(isAccepted: true, at: loadedAt, diagnostics: []))
        )
    }

    /// The rule set in service now.
    var current: RuleSet {
        state.withLock { $0.snapshot.ruleSet }
    }

    /// The snapshot in service and the last load attempt.
    var status: (snapshot: Snapshot, lastAttempt: Attempt) {
        state.withLock { $0 }
    }

    /// Puts a new snapshot in service.
    func replace(with ruleSet: RuleSet, at date: Date) {
        state.withLock {
            $0.snapshot = Snapshot(ruleSet: ruleSet, loadedAt: date)
            $0.lastAttempt = Attempt(isAccepted: true, at: date, diagnostics: [])
        }
        reloads.withLock { $0.accepted += 1 }
    }

    /// Records a refused reload; the old snapshot stays in service.
    func recordRefusal(diagnostics: [String], at date: Date) {
        state.withLock { $0.lastAttempt = Attempt(isAccepted: false, at: date, diagnostics: diagnostics) }
        reloads.withLock { $0.refused += 1 }
    }
}
