import Foundation
import Synchronization

/// A clock that stands still until told to move, for tests; safe to read and advance from any thread.
final class ManualClock: DeadlineClock {
    private let current: Mutex<Date>

    /// Creates the clock showing `start`.
    init(_ start: Date) {
        current = Mutex(start)
    }

    /// The time the clock shows.
    func now() -> Date {
        current.withLock { $0 }
    }

    /// Moves the clock forward by `interval` seconds.
    func advance(by interval: TimeInterval) {
        precondition(interval >= 0, "a manual clock only moves forward")
        current.withLock { $0 += interval }
    }
}
