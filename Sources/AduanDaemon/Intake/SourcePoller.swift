import Dispatch
import Foundation
import Synchronization

/// Polls one source on its own serial queue: every `interval` while it succeeds, straight on while it has more
/// waiting, and after a capped, jittered backoff while it fails. One source failing never holds up another.
final class SourcePoller: @unchecked Sendable {
    // `@unchecked Sendable`: `timer` is made in `start()` before it can fire, then used only on `queue` (its
    // handler, `stop()`); everything else mutable sits behind a mutex. Made in `start()`, not `init`, because a
    // timer released without ever being resumed crashes libdispatch (a daemon that fails to start).
    /// What `aduanctl sources` shows of the poller beyond what the store records.
    struct Health: Sendable, Hashable {
        /// Failed polls since the last success.
        var consecutiveFailures = 0
        /// When the next poll is due, if one is scheduled.
        var nextPollAt: Date?
        /// Whether a poll runs right now.
        var isPolling = false
        /// The last failed poll's error, kept here too because a full disk cannot record it in the store.
        var lastError: String?
        /// Whether the last poll failed for lack of space: intake from this source waits for space.
        var isWaitingForSpace = false
    }

    /// The source it polls.
    let source: any IntakeSource
    private let queue: DispatchQueue
    private var timer: (any DispatchSourceTimer)?
    private let writer: IntakeWriter
    private let logger: Logger
    private let pause: IntakePause
    // `backoff` and `isStopped` are touched only on `queue`; `health` is also read by the control socket.
    private let state: Mutex<(backoff: Backoff, isStopped: Bool)>
    private let healthState = Mutex(Health())

    /// Creates a poller; nothing runs before ``start()``.
    init(source: any IntakeSource, writer: IntakeWriter, logger: Logger, pause: IntakePause) {
        self.source = source
        self.writer = writer
        self.logger = logger
        self.pause = pause
        let configuration = source.configuration
        queue = DispatchQueue(label: "aduan.source.\(configuration.name)")
        state = Mutex(
            (Backoff(initial: configuration.interval, maximum: configuration.maximumBackoff), false)
        )
    }

    /// The poller's own view of its health.
    var health: Health {
        healthState.withLock { $0 }
    }

    /// Starts polling at once.
    func start() {
        let timer = DispatchSource.makeTimerSource(queue: queue)
        self.timer = timer
        timer.setEventHandler { [self] in poll() }
        schedule(after: 0)
        timer.resume()
    }

    /// Stops polling; returns once a batch in progress has committed or rolled back.
    func stop() {
        queue.sync {
            state.withLock { $0.isStopped = true }
            timer?.cancel()
            healthState.withLock { $0.nextPollAt = nil }
        }
    }

    private func poll() {
        ThreadScheduling.runAsBulkWork { pollAtBulkPriority() }
    }

    private func pollAtBulkPriority() {
        guard !state.withLock({ $0.isStopped }) else { return }
        healthState.withLock {
            $0.isPolling = true
            $0.nextPollAt = nil
        }
        let now = Date()
        let delay: Double
        do {
            let hasMore = try source.ingestNextBatch(now: now)
            state.withLock { $0.backoff.reset() }
            healthState.withLock {
                $0.consecutiveFailures = 0
                $0.lastError = nil
                $0.isWaitingForSpace = false
            }
            pause.resume(source.configuration.name)
            delay = hasMore ? 0 : source.configuration.interval
        } catch  where IntakePause.isDiskFull(error) {
            // Not the source's fault, and over as soon as space returns: no backoff, no noise beyond the pause.
            healthState.withLock {
                $0.consecutiveFailures += 1
                $0.lastError = "\(error)"
                $0.isWaitingForSpace = true
            }
            pause.pause(source.configuration.name, error: "\(error)")
            delay = IntakePause.retryInterval
        } catch {
            var generator = SystemRandomNumberGenerator()
            let (wait, failures) = state.withLock { state in
                (state.backoff.nextDelay(using: &generator), state.backoff.failures)
            }
            healthState.withLock {
                $0.consecutiveFailures = failures
                $0.lastError = "\(error)"
                $0.isWaitingForSpace = false
            }
            delay = wait
            let name = source.configuration.name
            logger.error(
                "source poll failed; items left where they are for the next poll",
                [
                    "source": name, "failures": "\(failures)", "retry_in_s": String(format: "%.1f", wait),
                    "error": "\(error)",
                ]
            )
            writer.recordFailure(source: name, error: "\(error)", at: now)
        }
        healthState.withLock { $0.isPolling = false }
        guard !state.withLock({ $0.isStopped }) else { return }
        schedule(after: delay)
    }

    private func schedule(after seconds: Double) {
        healthState.withLock { $0.nextPollAt = Date(timeIntervalSinceNow: seconds) }
        // A source with more waiting goes on at once: a timer's leeway (Dispatch may fire it that much late) would
        // leave the store idle between batches of a backlog. Periodic polls may be late; that saves wake-ups.
        let leeway: DispatchTimeInterval = seconds > 0 ? .milliseconds(50) : .nanoseconds(0)
        timer?.schedule(deadline: .now() + seconds, repeating: .never, leeway: leeway)
    }
}
