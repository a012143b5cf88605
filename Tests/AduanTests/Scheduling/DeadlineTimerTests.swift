import Dispatch
import Foundation
import Testing

@testable import AduanDaemon

/// The real `DispatchSourceTimer` path with the system clock. Waits have generous timeouts and nothing asserts on
/// elapsed time: the machine may be busy with other tests.
@Suite("deadline timer", .serialized)
struct DeadlineTimerTests {
    let queue = DispatchQueue(label: "aduan.test.timer")
    let fired = FiredDeadlines<String>()
    let firings = DispatchSemaphore(value: 0)
    let scheduler: DeadlineScheduler<String>

    init() {
        scheduler = DeadlineScheduler(queue: queue, clock: SystemClock(), leeway: .milliseconds(10)) {
            [fired, firings] key, due in
            fired.record(key, due)
            firings.signal()
        }
    }

    /// Runs `body` on the scheduler's queue, as every caller must.
    func onQueue<T>(_ body: () -> T) -> T { queue.sync(execute: body) }

    /// Waits for the handler to run once; `false` when it did not within `seconds`.
    func waitForFiring(seconds: Double = 10) -> Bool {
        firings.wait(timeout: .now() + seconds) == .success
    }

    @Test("a deadline 200 ms ahead fires from the timer, which re-arms from a distant one when an earlier one is added")
    func firesAndRearmsEarlier() {
        onQueue {
            scheduler.schedule("far", at: .distantFuture)
            scheduler.start()
            scheduler.schedule("near", at: Date() + 0.2)
        }
        #expect(waitForFiring())
        #expect(fired.keys == ["near"])
        #expect(fired.all.allSatisfy { $0.due <= Date() })
        #expect(onQueue { scheduler.count } == 1)
        onQueue { scheduler.stop() }
    }

    @Test("cancelling the earliest deadline re-arms the timer for the next one")
    func rearmsAfterCancellingHead() {
        onQueue {
            scheduler.start()
            scheduler.schedule("cancelled", at: Date() + 0.2)
            scheduler.schedule("next", at: Date() + 0.4)
            scheduler.cancel("cancelled")
        }
        #expect(waitForFiring())
        #expect(fired.keys == ["next"])
        #expect(onQueue { scheduler.count } == 0)
        onQueue { scheduler.stop() }
    }

    @Test("deadlines already due at start fire on the timer's first event, then later ones in turn")
    func overdueAtStartThenLater() {
        onQueue {
            scheduler.load([("overdue", Date() - 60), ("soon", Date() + 0.2)])
            scheduler.start()
        }
        #expect(waitForFiring())
        #expect(waitForFiring())
        #expect(fired.keys == ["overdue", "soon"])
        onQueue { scheduler.stop() }
    }

    @Test("nothing fires after stop")
    func nothingAfterStop() {
        onQueue {
            scheduler.schedule("never", at: Date() + 0.2)
            scheduler.schedule("distant", at: .distantFuture)
            scheduler.start()
            scheduler.stop()
        }
        #expect(!waitForFiring(seconds: 1))
        #expect(fired.all.isEmpty)
        #expect(onQueue { scheduler.count } == 2)
    }
}
