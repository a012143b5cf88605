import Foundation

/// How late each deadline fired, collected on the scheduler's queue.
final class LatenessRecorder: @unchecked Sendable {
    // `@unchecked Sendable`: `milliseconds` is appended to only on the scheduler's queue and read after `done`
    // signals, which orders the reads after every write.
    private(set) var milliseconds: [Double] = []
    private let expected: Int
    /// Signalled once `expected` deadlines have fired.
    let done = DispatchSemaphore(value: 0)

    init(expected: Int) {
        self.expected = expected
        milliseconds.reserveCapacity(expected)
    }

    /// Records a deadline due at `due` firing now.
    func fired(due: Date) {
        milliseconds.append(Date().timeIntervalSince(due) * 1_000)
        if milliseconds.count == expected { done.signal() }
    }
}
