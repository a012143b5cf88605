public import Foundation

/// The system's wall clock (`CLOCK_REALTIME`), the clock the scheduler's timer follows.
public struct SystemClock: DeadlineClock {
    /// Creates the clock.
    public init() {}

    /// The current wall-clock time.
    public func now() -> Date { Date() }
}
