public import Foundation
public import AduanCore

/// A deadline the scheduler must watch, as stored.
public enum PendingDeadline: Sendable, Hashable {
    /// A running clock that has not yet gone past its due time.
    case clock(caseID: Int64, kind: ClockKind, dueAt: Date)
    /// An escalation step that has not yet fired.
    case step(caseID: Int64, escalation: String, step: Int, dueAt: Date)
}
