import Foundation

/// The system's wall clock (`CLOCK_REALTIME`), the clock the scheduler's timer follows.
struct SystemClock: DeadlineClock {
    /// Creates the clock.
    init() {}

    /// The current wall-clock time.
    func now() -> Date { Date() }
}
