import AduanCore
import Foundation

/// What the deadline scheduler watches: a clock's due time, or an escalation step's.
enum DeadlineKey: Hashable, Sendable {
    /// A clock of a case goes past its due time.
    case clock(caseID: Int64, kind: ClockKind)
    /// An escalation step of a case falls due.
    case step(caseID: Int64, escalation: String, step: Int)
}

/// A change for the scheduler, applied after the transaction that caused it commits.
enum DeadlineChange: Hashable, Sendable {
    /// Watch `key` at `due`, replacing any earlier time.
    case schedule(DeadlineKey, Date)
    /// Stop watching `key`.
    case cancel(DeadlineKey)
}
