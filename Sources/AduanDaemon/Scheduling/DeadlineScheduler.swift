public import Dispatch
public import Foundation
import Synchronization

/// Calls a handler for each deadline when it falls due, using a ``DeadlineHeap`` and one wall-clock timer armed
/// for the earliest deadline.
///
/// **Threading.** Confined to the serial `queue` given at init (the daemon's store queue): every method and
/// property must be used on it (checked in debug builds), and the handler runs on it. A handler may call any
/// method of the scheduler.
///
/// **Passes.** A pass (``fireDue()``, or the timer going off) reads the clock once and delivers every deadline
/// due at that instant, in due order (equal dues in insertion order), each exactly once. Deadlines are taken one
/// at a time, so a handler that cancels or reschedules another due key is obeyed. A deadline that a handler
/// schedules at or before the pass's instant fires in the same pass, in due order among those left: a chain of
/// overdue steps (at a start after downtime) completes before ``fireDue()`` returns. A handler must therefore not
/// keep scheduling already-due deadlines forever.
///
/// **Timer.** Armed with `.wallDeadline`, so it follows changes of the system clock (deadlines are civil times);
/// re-armed whenever the earliest deadline changes and disarmed when none is left. With a ``ManualClock`` the
/// timer only approximates the clock: tests advance the clock and call ``fireDue()`` instead.
public final class DeadlineScheduler<Key: Hashable & Sendable>: @unchecked Sendable {
    // `@unchecked Sendable`: every mutable property (`heap`, `state`, `isFiring`) is read and written only on
    // `queue`; each entry point checks that in debug builds, and the timer delivers its events on `queue`.

    /// Where the timer is in its life.
    private enum State {
        /// Created: deadlines can be loaded and fired by hand; there is no timer yet.
        case idle
        /// The timer exists; `armedDue` is the due it is set for, `nil` when it is disarmed or has gone off.
        case running(timer: any DispatchSourceTimer, armedDue: Date?)
        /// Stopped for good: the timer is cancelled and no handler runs any more.
        case stopped
    }

    private let queue: DispatchQueue
    private let clock: any DeadlineClock
    private let leeway: DispatchTimeInterval
    private let handler: (Key, Date) -> Void
    private var heap = DeadlineHeap<Key>()
    private var state = State.idle
    private var isFiring = false
    /// The earliest due and the count after the last change, for readers on other threads (``published``).
    private let publication = Mutex(Publication(nextDue: nil, count: 0))

    /// What the scheduler holds, as of its last change on `queue`.
    public struct Publication: Sendable, Hashable {
        /// The earliest scheduled due, or `nil` when nothing is scheduled.
        public var nextDue: Date?
        /// The number of scheduled deadlines.
        public var count: Int
    }

    /// Creates a scheduler; nothing fires until ``fireDue()`` or ``start()``.
    ///
    /// - Parameters:
    ///   - queue: the serial queue the scheduler is confined to and the handler runs on.
    ///   - clock: where passes read the time.
    ///   - leeway: how late the timer may go off, so the system can coalesce wake-ups.
    ///   - handler: called on `queue` with each key and the due it was scheduled at.
    public init(
        queue: DispatchQueue,
        clock: any DeadlineClock = SystemClock(),
        leeway: DispatchTimeInterval = .milliseconds(100),
        handler: @escaping (Key, Date) -> Void
    ) {
        self.queue = queue
        self.clock = clock
        self.leeway = leeway
        self.handler = handler
    }

    deinit {
        // A resumed source outlives its last reference until cancelled.
        if case .running(let timer, _) = state {
            timer.cancel()
        }
    }

    /// The number of scheduled deadlines.
    public var count: Int {
        assertOnQueue()
        return heap.count
    }

    /// The earliest scheduled due, or `nil` when nothing is scheduled.
    public var nextDue: Date? {
        assertOnQueue()
        return heap.nextDue
    }

    /// The earliest due and the count as of the last change, readable from any thread without waiting for `queue`
    /// (which may be busy with a 1,000-item intake batch): `aduanctl status` reads it.
    public var published: Publication {
        publication.withLock { $0 }
    }

    private func publish() {
        let current = Publication(nextDue: heap.nextDue, count: heap.count)
        publication.withLock { $0 = current }
    }

    /// Schedules `key` at `due`, replacing its previous deadline; a due in the past fires on the next pass.
    public func schedule(_ key: Key, at due: Date) {
        assertOnQueue()
        heap.schedule(key, at: due)
        publish()
        rearmIfEarliestChanged()
    }

    /// Cancels the deadline of `key`; returns whether it had one.
    @discardableResult
    public func cancel(_ key: Key) -> Bool {
        assertOnQueue()
        defer {
            publish()
            rearmIfEarliestChanged()
        }
        return heap.cancel(key)
    }

    /// Schedules many deadlines at once in O(n) (see ``DeadlineHeap/load(_:)``), e.g. every open deadline of the
    /// store at start.
    public func load(_ entries: some Sequence<(Key, Date)>) {
        assertOnQueue()
        heap.load(entries)
        publish()
        rearmIfEarliestChanged()
    }

    /// Runs a pass now: calls the handler for every deadline due at the clock's current time.
    ///
    /// Does nothing after ``stop()``, and nothing when called from a handler (the pass in progress goes on).
    /// - Parameter limit: the most deadlines handled before the pass yields the queue; the timer then goes off
    ///   again at once for the rest, behind the work queued meanwhile.
    public func fireDue(limit: Int = .max) {
        assertOnQueue()
        guard !isFiring else { return }
        isFiring = true
        let now = clock.now()
        var handled = 0
        while handled < limit, !isStopped, let (key, due) = heap.popNext(dueBy: now) {
            handler(key, due)
            handled += 1
        }
        isFiring = false
        publish()
        if handled == limit, case .running(let timer, _) = state, let next = heap.nextDue, next <= now {
            timer.schedule(wallDeadline: .now(), leeway: leeway)
            state = .running(timer: timer, armedDue: next)
        } else {
            rearmIfEarliestChanged()
        }
    }

    /// Creates the timer and arms it for the earliest deadline. Call once; deadlines already due wait for the
    /// timer's first event, so call ``fireDue()`` first to handle them before reporting ready.
    public func start() {
        assertOnQueue()
        guard case .idle = state else {
            preconditionFailure("DeadlineScheduler.start() called twice or after stop()")
        }
        let timer = DispatchSource.makeTimerSource(queue: queue)
        timer.setEventHandler { [weak self] in
            self?.timerFired()
        }
        timer.schedule(wallDeadline: .distantFuture, leeway: leeway)
        state = .running(timer: timer, armedDue: nil)
        rearmIfEarliestChanged()
        timer.resume()
    }

    /// Cancels the timer for good; once it returns, no handler runs again, even one a handler calls it from.
    public func stop() {
        assertOnQueue()
        if case .running(let timer, _) = state {
            timer.cancel()
        }
        state = .stopped
    }

    private var isStopped: Bool {
        if case .stopped = state { true } else { false }
    }

    private func timerFired() {
        // An event already queued when `stop()` ran finds the state stopped.
        guard case .running(let timer, _) = state else { return }
        state = .running(timer: timer, armedDue: nil)
        // Thousands of deadlines can fall due together (a backlog after downtime, a large batch received long
        // ago); handled in one go they would hold the store queue for seconds, stalling intake, `aduanctl` and the
        // watchdog's ping.
        fireDue(limit: Self.timerPassLimit)
    }

    /// The most deadlines one timer pass handles before letting other work on the queue run.
    static var timerPassLimit: Int { 64 }

    /// Points the timer at the earliest deadline when that changed; deferred to the end of a pass, where the
    /// earliest deadline is final.
    private func rearmIfEarliestChanged() {
        guard !isFiring, case .running(let timer, let armedDue) = state else { return }
        let nextDue = heap.nextDue
        guard nextDue != armedDue else { return }
        if let nextDue {
            // Measured from the scheduler's clock, not the system's, so a clock behind the system's cannot make
            // the timer go off again and again before anything is due. `DispatchWallTime + Double` clamps a far
            // future to "never".
            let delay = max(0, nextDue.timeIntervalSince(clock.now()))
            timer.schedule(wallDeadline: .now() + delay, leeway: leeway)
        } else {
            timer.schedule(wallDeadline: .distantFuture, leeway: leeway)
        }
        state = .running(timer: timer, armedDue: nextDue)
    }

    private func assertOnQueue() {
        #if DEBUG
        dispatchPrecondition(condition: .onQueue(queue))
        #endif
    }
}
