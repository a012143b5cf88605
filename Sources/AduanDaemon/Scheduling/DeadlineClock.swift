public import Foundation

/// Where the scheduler reads the time, so that tests can move time instead of waiting for it.
public protocol DeadlineClock: Sendable {
    /// The current wall-clock time.
    func now() -> Date
}
