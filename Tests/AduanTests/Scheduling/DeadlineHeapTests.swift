import AduanBench
import Foundation
import Testing

@testable import AduanDaemon

/// The heap alone: order, lazy cancellation, compaction, bulk load and memory.
@Suite("deadline heap")
struct DeadlineHeapTests {
    let start = Date(timeIntervalSince1970: 1_750_000_000)

    func at(_ seconds: TimeInterval) -> Date { start + seconds }

    @Test("deadlines come out earliest first, and only those due")
    func dueOrder() {
        var heap = DeadlineHeap<String>()
        heap.schedule("c", at: at(30))
        heap.schedule("a", at: at(10))
        heap.schedule("d", at: at(40))
        heap.schedule("b", at: at(20))
        #expect(heap.nextDue == at(10))
        #expect(heap.popDue(upTo: at(25)).map(\.key) == ["a", "b"])
        #expect(heap.count == 2)
        #expect(heap.nextDue == at(30))
        #expect(heap.popDue(upTo: at(29)).isEmpty)
        let rest = heap.popDue(upTo: at(40))
        #expect(rest.map(\.key) == ["c", "d"])
        #expect(rest.map(\.due) == [at(30), at(40)])
        #expect(heap.count == 0)
        #expect(heap.nextDue == nil)
    }

    @Test("equal dues come out in the order they were scheduled")
    func stableOrder() {
        var heap = DeadlineHeap<Int>()
        let keys = [7, 3, 9, 1, 5, 8, 2, 6, 4, 0]
        for key in keys {
            heap.schedule(key, at: at(60))
        }
        heap.schedule(100, at: at(59))
        #expect(heap.popDue(upTo: at(60)).map(\.key) == [100] + keys)
    }

    @Test("a cancelled key never comes out, and cancel says whether there was a deadline")
    func cancel() {
        var heap = DeadlineHeap<String>()
        heap.schedule("a", at: at(1))
        heap.schedule("b", at: at(2))
        heap.schedule("c", at: at(3))
        let cancelled = [heap.cancel("a"), heap.cancel("c"), heap.cancel("c"), heap.cancel("never scheduled")]
        #expect(cancelled == [true, true, false, false])
        #expect(heap.count == 1)
        #expect(heap.nextDue == at(2))
        #expect(heap.popDue(upTo: at(100)).map(\.key) == ["b"])
        #expect(heap.storageCount == 0)
    }

    @Test("a rescheduled key comes out once, at its new due, earlier or later")
    func reschedule() {
        var heap = DeadlineHeap<String>()
        heap.schedule("later", at: at(10))
        heap.schedule("earlier", at: at(20))
        heap.schedule("other", at: at(15))
        heap.schedule("later", at: at(30))
        heap.schedule("earlier", at: at(5))
        #expect(heap.count == 3)
        #expect(heap.nextDue == at(5))
        let fired = heap.popDue(upTo: at(100))
        #expect(fired.map(\.key) == ["earlier", "other", "later"])
        #expect(fired.map(\.due) == [at(5), at(15), at(30)])
    }

    @Test("rescheduling to the same due counts as a new insertion among equal dues")
    func rescheduleSameDue() {
        var heap = DeadlineHeap<String>()
        heap.schedule("a", at: at(10))
        heap.schedule("b", at: at(10))
        heap.schedule("a", at: at(10))
        #expect(heap.popDue(upTo: at(10)).map(\.key) == ["b", "a"])
    }

    @Test("a million reschedules of a thousand keys keep the storage within twice the live deadlines")
    func compaction() {
        var heap = DeadlineHeap<Int>()
        var random = SplitMix64(seed: 42)
        var lastDue = [Date](repeating: start, count: 1_000)
        var largestStorage = 0
        for _ in 0..<1_000_000 {
            let key = Int.random(in: 0..<1_000, using: &random)
            let due = at(TimeInterval(Int.random(in: 0..<86_400, using: &random)))
            heap.schedule(key, at: due)
            lastDue[key] = due
            largestStorage = max(largestStorage, heap.storageCount)
        }
        #expect(heap.count == 1_000)
        #expect(largestStorage <= 2 * 1_000 + 1)
        #expect(heap.storageCapacity <= 4_096)
        let fired = heap.popDue(upTo: at(86_400))
        #expect(fired.count == 1_000)
        #expect(Set(fired.map(\.key)).count == 1_000)
        #expect(fired.allSatisfy { $0.due == lastDue[$0.key] })
        #expect(zip(fired, fired.dropFirst()).allSatisfy { $0.due <= $1.due })
    }

    @Test("cancelling most keys compacts the storage too")
    func compactionOnCancel() {
        var heap = DeadlineHeap<Int>()
        for key in 0..<10_000 {
            heap.schedule(key, at: at(TimeInterval(10_000 - key)))
        }
        for key in 0..<9_000 {
            heap.cancel(key)
        }
        #expect(heap.count == 1_000)
        #expect(heap.storageCount <= 2 * 1_000 + 1)
        #expect(heap.popDue(upTo: at(1_000_000)).map(\.key) == Array((9_000..<10_000).reversed()))
    }

    @Test("random schedules, cancels and pops agree with a plain dictionary")
    func agreesWithModel() {
        var heap = DeadlineHeap<Int>()
        var model: [Int: Date] = [:]
        var random = SplitMix64(seed: 7)
        var now = start
        var firedInOrder = true
        for _ in 0..<50_000 {
            let key = Int.random(in: 0..<500, using: &random)
            switch Int.random(in: 0..<10, using: &random) {
            case 0..<6:
                let due = now + TimeInterval(Int.random(in: -10..<600, using: &random))
                heap.schedule(key, at: due)
                model[key] = due
            case 6..<8:
                let wasScheduled = heap.cancel(key)
                #expect(wasScheduled == (model.removeValue(forKey: key) != nil))
            default:
                now += TimeInterval(Int.random(in: 0..<120, using: &random))
                let fired = heap.popDue(upTo: now)
                let expected = model.filter { $0.value <= now }
                firedInOrder = firedInOrder && zip(fired, fired.dropFirst()).allSatisfy { $0.due <= $1.due }
                #expect(fired.count == expected.count)
                #expect(fired.allSatisfy { expected[$0.key] == $0.due })
                for entry in fired {
                    model[entry.key] = nil
                }
            }
            #expect(heap.count == model.count)
            #expect(heap.nextDue == model.values.min())
            #expect(heap.storageCount <= 2 * heap.count + 1)
        }
        #expect(firedInOrder)
    }

    @Test("a bulk load heapifies, keeps the last due of a repeated key, and merges with what was scheduled")
    func load() {
        var heap = DeadlineHeap<Int>()
        heap.schedule(1, at: at(50))
        heap.schedule(2, at: at(5))
        heap.load([(3, at(30)), (4, at(10)), (1, at(20)), (5, at(10)), (3, at(40)), (6, at(0))])
        #expect(heap.count == 6)
        #expect(heap.storageCount == 6)
        let fired = heap.popDue(upTo: at(100))
        #expect(fired.map(\.key) == [6, 2, 4, 5, 1, 3])
        #expect(fired.map(\.due) == [at(0), at(5), at(10), at(10), at(20), at(40)])
    }

    @Test("a bulk load of 100,000 random deadlines comes out in order")
    func largeLoad() {
        var random = SplitMix64(seed: 3)
        let entries = (0..<100_000).map { key in
            (key, at(TimeInterval(Int.random(in: 0..<1_000_000, using: &random))))
        }
        var heap = DeadlineHeap<Int>()
        heap.load(entries)
        #expect(heap.storageCapacity < 110_000, "an exact underestimatedCount loads without regrowing")
        let fired = heap.popDue(upTo: at(1_000_000))
        let expected = entries.sorted { ($0.1, $0.0) < ($1.1, $1.0) }
        #expect(fired.map(\.key) == expected.map(\.0))
    }

    @Test("after a large drain the storage gives its spare capacity back")
    func releasesCapacity() {
        var heap = DeadlineHeap<Int>()
        heap.load((0..<100_000).map { ($0, at(TimeInterval($0))) })
        #expect(heap.popDue(upTo: at(98_999)).count == 99_000)
        #expect(heap.count == 1_000)
        #expect(heap.storageCapacity <= 4 * 1_000)
        #expect(heap.popDue(upTo: at(100_000)).map(\.key) == Array(99_000..<100_000))
    }

    @Test("an entry keyed by Int64 takes 24 bytes")
    func entrySize() {
        #expect(MemoryLayout<DeadlineHeap<Int64>.Entry>.stride == 24)
    }
}
