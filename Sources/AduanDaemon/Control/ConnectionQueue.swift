import Foundation
import Glibc

/// Accepted control connections waiting for a serving thread, and the threads that serve them, oldest first.
///
/// Serving threads are kept, parked, once their connection closes, so that a request costs no thread creation
/// and wakes one thread that already exists; at most `maximumServing` of them ever run. A burst beyond the parked
/// ones starts new threads up to that bound; the rest wait here (at most `maximumWaiting`).
final class ConnectionQueue: @unchecked Sendable {
    // `@unchecked Sendable`: every mutable property is touched only with `condition` locked.
    private let condition = NSCondition()
    private var waiting: [Int32] = []
    private var threads = 0
    private var parked = 0
    private var isStopped = false
    private let maximumServing: Int
    private let maximumWaiting: Int
    private let prepareThread: @Sendable () -> Void
    private let serve: @Sendable (Int32) -> Void

    /// Creates an empty queue; threads start as connections come.
    ///
    /// - Parameters:
    ///   - prepareThread: runs first on each new serving thread (its scheduling).
    ///   - serve: serves one connection to its end and closes it.
    init(
        maximumServing: Int,
        maximumWaiting: Int,
        prepareThread: @escaping @Sendable () -> Void,
        serve: @escaping @Sendable (Int32) -> Void
    ) {
        self.maximumServing = maximumServing
        self.maximumWaiting = maximumWaiting
        self.prepareThread = prepareThread
        self.serve = serve
    }

    /// Queues `connection` for the next free serving thread; `false` when too many wait already (the caller turns
    /// the client away) or the queue has stopped.
    func admit(_ connection: Int32) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        guard !isStopped, waiting.count < maximumWaiting else { return false }
        waiting.append(connection)
        // A parked thread that was signalled but has not run yet still counts as parked, and takes one connection.
        if waiting.count > parked, threads < maximumServing {
            threads += 1
            Thread.detachNewThread { [self] in runServingThread() }
        } else {
            condition.signal()
        }
        return true
    }

    /// Stops the queue: parked threads end, serving ones end after their connection; returns the connections that
    /// were still waiting, for the caller to close.
    func stop() -> [Int32] {
        condition.lock()
        defer { condition.unlock() }
        isStopped = true
        condition.broadcast()
        defer { waiting.removeAll() }
        return waiting
    }

    private func runServingThread() {
        // The name `top -H` and /proc show (at most 15 bytes): set on the thread itself, or it never reaches the kernel.
        Thread.current.name = "aduan.control"
        prepareThread()
        while let connection = nextConnection() { serve(connection) }
    }

    /// The oldest waiting connection, parking until one comes; `nil` once the queue has stopped.
    private func nextConnection() -> Int32? {
        condition.lock()
        defer { condition.unlock() }
        while waiting.isEmpty {
            guard !isStopped else {
                threads -= 1
                return nil
            }
            parked += 1
            condition.wait()
            parked -= 1
        }
        return waiting.removeFirst()
    }
}
