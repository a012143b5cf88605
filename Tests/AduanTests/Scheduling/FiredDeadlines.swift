import Foundation
import Synchronization

/// What a scheduler's handler was called with, in order; the queue writes it while the test reads it.
final class FiredDeadlines<Key: Sendable>: Sendable {
    private let fired = Mutex<[(key: Key, due: Date)]>([])

    /// Records one call of the handler.
    func record(_ key: Key, _ due: Date) {
        fired.withLock { $0.append((key, due)) }
    }

    /// Every call so far.
    var all: [(key: Key, due: Date)] {
        fired.withLock { $0 }
    }

    /// The keys of every call so far.
    var keys: [Key] {
        all.map(\.key)
    }
}
