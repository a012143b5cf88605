import Foundation

/// A change for the scheduler, which holds one deadline per case (its earliest pending due), applied after the
/// transaction that caused it commits.
enum DeadlineChange: Hashable, Sendable {
    /// Watch the case at `due`, replacing any earlier time.
    case schedule(caseID: Int64, Date)
    /// Stop watching the case: nothing of it is pending.
    case cancel(caseID: Int64)
}
