import AduanBench
import Dispatch
import Foundation
import Testing

@testable import AduanDaemon

/// The scheduler driven by a manual clock and ``DeadlineScheduler/fireDue()``: no real timer, no waiting.
@Suite("deadline scheduler")
struct DeadlineSchedulerTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)
    let queue = DispatchQueue(label: "aduan.test.scheduler")
    let clock: ManualClock
    let fired = FiredDeadlines<String>()
    let scheduler: DeadlineScheduler<String>

    init() {
        clock = ManualClock(start)
        scheduler = DeadlineScheduler(queue: queue, clock: clock) { [fired] key, due in
            fired.record(key, due)
        }
    }

    func at(_ seconds: TimeInterval) -> Date { start + seconds }

    /// Runs `body` on the scheduler's queue, as every caller must.
    func onQueue<T>(_ body: () -> T) -> T { queue.sync(execute: body) }

    /// Moves the clock and runs a pass; returns the keys fired by that pass.
    func advance(by seconds: TimeInterval) -> [String] {
        let before = fired.all.count
        clock.advance(by: seconds)
        onQueue { scheduler.fireDue() }
        return Array(fired.keys.dropFirst(before))
    }

    @Test("100,000 random deadlines fire in due order, each exactly once, in the first pass they are due")
    func manyDeadlines() {
        let log = FiredDeadlines<Int>()
        let scheduler = DeadlineScheduler<Int>(queue: queue, clock: clock) { [clock] key, due in
            #expect(due <= clock.now())
            log.record(key, due)
        }
        var random = SplitMix64(seed: 2_024)
        let dues = (0..<100_000).map { _ in at(TimeInterval(Int.random(in: 1..<(30 * 86_400), using: &random))) }
        onQueue {
            for (key, due) in dues.enumerated() {
                scheduler.schedule(key, at: due)
            }
        }
        var passes: [(after: Date, upTo: Date, fired: Int)] = []
        while onQueue({ scheduler.count }) > 0 {
            let before = log.all.count
            let previous = clock.now()
            clock.advance(by: 3_600)
            onQueue { scheduler.fireDue() }
            passes.append((previous, clock.now(), log.all.count - before))
        }
        let all = log.all
        #expect(all.count == 100_000)
        #expect(Set(all.map(\.key)).count == 100_000)
        #expect(all.allSatisfy { dues[$0.key] == $0.due })
        // Strictly increasing by (due, key): due order, and equal dues in insertion (= key) order.
        #expect(zip(all, all.dropFirst()).allSatisfy { ($0.due, $0.key) < ($1.due, $1.key) })
        // Each pass fired exactly the deadlines in its window.
        var offset = 0
        var eachInItsPass = true
        for pass in passes {
            eachInItsPass =
                eachInItsPass
                && all[offset..<(offset + pass.fired)].allSatisfy { $0.due > pass.after && $0.due <= pass.upTo }
            offset += pass.fired
        }
        #expect(eachInItsPass)
    }

    @Test("a cancelled deadline never fires")
    func cancelled() {
        onQueue {
            scheduler.schedule("kept", at: at(10))
            scheduler.schedule("cancelled", at: at(5))
            #expect(scheduler.cancel("cancelled"))
            #expect(!scheduler.cancel("cancelled"))
        }
        #expect(advance(by: 3_600) == ["kept"])
        #expect(advance(by: 3_600) == [])
    }

    @Test("a rescheduled deadline fires only at its new time, earlier or later, and once")
    func rescheduled() {
        onQueue {
            scheduler.schedule("moved earlier", at: at(100))
            scheduler.schedule("moved later", at: at(20))
            scheduler.schedule("moved earlier", at: at(10))
            scheduler.schedule("moved later", at: at(200))
        }
        #expect(onQueue { scheduler.count } == 2)
        #expect(advance(by: 10) == ["moved earlier"])
        #expect(advance(by: 90) == [])
        #expect(advance(by: 99) == [])
        #expect(advance(by: 1) == ["moved later"])
        #expect(advance(by: 1_000) == [])
        #expect(fired.all.map(\.due) == [at(10), at(200)])
    }

    @Test("equal dues fire in insertion order")
    func equalDues() {
        let keys = ["e", "b", "d", "a", "c"]
        onQueue {
            for key in keys {
                scheduler.schedule(key, at: at(60))
            }
        }
        #expect(advance(by: 60) == keys)
    }

    @Test("a deadline a handler schedules at or before the pass's time fires in the same pass, in due order")
    func handlerSchedulesDueDeadline() {
        let chain = FiredDeadlines<String>()
        let reference = WeakReference<DeadlineScheduler<String>>()
        let scheduler = DeadlineScheduler<String>(queue: queue, clock: clock) { [clock] key, due in
            chain.record(key, due)
            switch key {
            case "step 1":
                // Overdue already: same pass, and before "late" which is due after it.
                reference.value?.schedule("step 2", at: due + 10)
            case "step 2":
                reference.value?.schedule("step 3", at: clock.now() + 1)
            default:
                break
            }
        }
        reference.value = scheduler
        onQueue {
            scheduler.schedule("step 1", at: at(10))
            scheduler.schedule("late", at: at(50))
        }
        clock.advance(by: 100)
        onQueue { scheduler.fireDue() }
        #expect(chain.keys == ["step 1", "step 2", "late"])
        #expect(onQueue { scheduler.nextDue } == at(101))
        clock.advance(by: 1)
        onQueue { scheduler.fireDue() }
        #expect(chain.keys == ["step 1", "step 2", "late", "step 3"])
    }

    @Test("a due deadline that a handler cancels or reschedules during the pass is not delivered")
    func handlerCancelsDueDeadline() {
        let log = FiredDeadlines<String>()
        let reference = WeakReference<DeadlineScheduler<String>>()
        let scheduler = DeadlineScheduler<String>(queue: queue, clock: clock) { key, due in
            log.record(key, due)
            if key == "first" {
                reference.value?.cancel("second")
                reference.value?.schedule("third", at: due + 1_000)
            }
        }
        reference.value = scheduler
        onQueue {
            scheduler.schedule("first", at: at(1))
            scheduler.schedule("second", at: at(2))
            scheduler.schedule("third", at: at(3))
        }
        clock.advance(by: 10)
        onQueue { scheduler.fireDue() }
        #expect(log.keys == ["first"])
        #expect(onQueue { scheduler.nextDue } == at(1_001))
    }

    @Test("a bulk load followed by a pass at a later time fires everything due and keeps the rest")
    func loadThenFire() {
        let entries = (0..<10_000).map { ("case-\($0)", at(TimeInterval($0 * 60))) }
        onQueue { scheduler.load(entries) }
        #expect(onQueue { scheduler.count } == 10_000)
        clock.advance(by: 5_000 * 60)
        onQueue { scheduler.fireDue() }
        #expect(fired.keys == entries.prefix(5_001).map(\.0))
        #expect(onQueue { scheduler.count } == 4_999)
        #expect(onQueue { scheduler.nextDue } == at(5_001 * 60))
    }

    @Test("after stop no handler runs, not even the rest of a pass that a handler stopped")
    func stop() {
        let log = FiredDeadlines<String>()
        let reference = WeakReference<DeadlineScheduler<String>>()
        let scheduler = DeadlineScheduler<String>(queue: queue, clock: clock) { key, due in
            log.record(key, due)
            if key == "stops" {
                reference.value?.stop()
            }
        }
        reference.value = scheduler
        onQueue {
            scheduler.schedule("before", at: at(1))
            scheduler.schedule("stops", at: at(2))
            scheduler.schedule("after", at: at(3))
        }
        clock.advance(by: 10)
        onQueue { scheduler.fireDue() }
        #expect(log.keys == ["before", "stops"])
        onQueue { scheduler.fireDue() }
        #expect(log.keys == ["before", "stops"])
    }

    #if DEBUG
    @Test("a call off the scheduler's queue stops the program in debug builds")
    func offQueue() async {
        await #expect(processExitsWith: .failure) {
            let scheduler = DeadlineScheduler<Int>(queue: DispatchQueue(label: "aduan.test.other")) { _, _ in }
            scheduler.schedule(1, at: Date())
        }
    }
    #endif
}
