import Foundation

/// A binary min-heap of deadlines with at most one live deadline per key: earliest due first, and equal dues in
/// the order they were scheduled.
///
/// Cancelling and rescheduling are lazy. The key's old entry stays in the heap and is skipped when it surfaces,
/// because its sequence number no longer matches the key's live one. Two invariants keep that cheap:
/// - the root is always live (stale roots are dropped at once), so ``nextDue`` is O(1);
/// - stale entries never outnumber live ones: when they would, a compaction drops them all and re-heapifies in
///   O(n), so rescheduling a few keys forever cannot grow the storage beyond `2 × count + 1` entries.
///
/// After a large drain (a start with many overdue deadlines) the storage and the liveness table give their spare
/// capacity back once they are less than a quarter full.
///
/// A value with no locking: its owner confines it (``DeadlineScheduler`` keeps it on its queue).
struct DeadlineHeap<Key: Hashable & Sendable>: Sendable {
    /// One scheduled deadline. `sequence` orders equal dues by insertion and tells the key's live entry from
    /// stale ones. Fields are laid out so that an `Int64` key makes a 24-byte entry.
    struct Entry: Sendable {
        /// When the deadline falls due.
        var due: Date
        /// The insertion number: unique, increasing, never reused.
        var sequence: UInt64
        /// Whose deadline it is.
        var key: Key

        /// Whether this entry comes out of the heap before `other`.
        func precedes(_ other: Entry) -> Bool {
            due < other.due || (due == other.due && sequence < other.sequence)
        }
    }

    /// Below this many slots, spare capacity is kept: reallocating small buffers saves nothing worth the copy.
    private static var minimumShrinkableCapacity: Int { 4_096 }

    private var storage: [Entry] = []
    /// The sequence number of each key's live entry; a heap entry whose sequence differs is stale.
    private var liveSequences: [Key: UInt64] = [:]
    private var nextSequence: UInt64 = 0

    /// Creates an empty heap.
    init() {}

    /// The number of live deadlines (one per scheduled key).
    var count: Int { liveSequences.count }

    /// The earliest live due, or `nil` when nothing is scheduled.
    var nextDue: Date? { storage.first?.due }

    /// Entries held, live and stale; at most `2 × count + 1`.
    var storageCount: Int { storage.count }

    /// Entries the storage can hold without reallocating.
    var storageCapacity: Int { storage.capacity }

    /// Schedules `key` at `due`, replacing its previous deadline if it had one.
    ///
    /// A replacement counts as a new insertion among equal dues, even at the same time, and leaves a stale entry
    /// behind: callers that recompute deadlines should skip the ones that did not change.
    mutating func schedule(_ key: Key, at due: Date) {
        let sequence = takeSequence(for: due)
        let isReplacement = liveSequences.updateValue(sequence, forKey: key) != nil
        storage.append(Entry(due: due, sequence: sequence, key: key))
        storage.withUnsafeMutableBufferPointer { Self.siftUp($0, from: $0.count - 1) }
        if isReplacement {
            dropStaleRoots()
            compactIfMostlyStale()
        }
    }

    /// Cancels the deadline of `key`; returns whether it had one.
    @discardableResult
    mutating func cancel(_ key: Key) -> Bool {
        guard liveSequences.removeValue(forKey: key) != nil else { return false }
        dropStaleRoots()
        compactIfMostlyStale()
        releaseSpareCapacity()
        return true
    }

    /// Removes and returns the earliest live deadline if it is due at `now` (`due <= now`).
    mutating func popNext(dueBy now: Date) -> (key: Key, due: Date)? {
        guard let root = storage.first, root.due <= now else { return nil }
        removeRoot()
        liveSequences[root.key] = nil
        dropStaleRoots()
        releaseSpareCapacity()
        return (root.key, root.due)
    }

    /// Removes and returns every live deadline due at `now`, in due order (equal dues in insertion order).
    mutating func popDue(upTo now: Date) -> [(key: Key, due: Date)] {
        var due: [(key: Key, due: Date)] = []
        while let next = popNext(dueBy: now) {
            due.append(next)
        }
        return due
    }

    /// Adds many deadlines at once in O(n + m) rather than one push each: entries are appended, then the whole
    /// storage is heapified bottom-up.
    ///
    /// Entries are taken as scheduled in sequence order: a key that appears twice keeps its last due, and equal
    /// dues fire in sequence order. A sequence whose `underestimatedCount` is exact loads without regrowing.
    mutating func load(_ entries: some Sequence<(Key, Date)>) {
        let neededCapacity = storage.count + entries.underestimatedCount
        if neededCapacity > storage.capacity {
            // Grow geometrically: reserving exactly on every call would make repeated small loads quadratic.
            storage.reserveCapacity(max(neededCapacity, storage.capacity * 2))
        }
        liveSequences.reserveCapacity(liveSequences.count + entries.underestimatedCount)
        for (key, due) in entries {
            let sequence = takeSequence(for: due)
            liveSequences[key] = sequence
            storage.append(Entry(due: due, sequence: sequence, key: key))
        }
        if storage.count > liveSequences.count {
            removeStaleEntries()
        }
        heapify()
    }

    private mutating func takeSequence(for due: Date) -> UInt64 {
        precondition(!due.timeIntervalSinceReferenceDate.isNaN, "a deadline cannot be NaN")
        defer { nextSequence += 1 }
        return nextSequence
    }

    /// Keeps the invariant that the root is live.
    private mutating func dropStaleRoots() {
        while let root = storage.first, liveSequences[root.key] != root.sequence {
            removeRoot()
        }
    }

    private mutating func compactIfMostlyStale() {
        let staleCount = storage.count - liveSequences.count
        guard staleCount > liveSequences.count else { return }
        removeStaleEntries()
        heapify()
    }

    private mutating func removeStaleEntries() {
        let live = liveSequences
        storage.removeAll { live[$0.key] != $0.sequence }
    }

    /// Reallocates the storage and the liveness table at twice their contents once they are under a quarter full;
    /// amortised O(1), as each shrink follows at least half a capacity's worth of removals.
    private mutating func releaseSpareCapacity() {
        if storage.capacity > Self.minimumShrinkableCapacity && storage.count < storage.capacity / 4 {
            var smaller: [Entry] = []
            smaller.reserveCapacity(storage.count * 2)
            smaller.append(contentsOf: storage)
            storage = smaller
        }
        if liveSequences.capacity > Self.minimumShrinkableCapacity && liveSequences.count < liveSequences.capacity / 4 {
            var smaller = [Key: UInt64](minimumCapacity: liveSequences.count * 2)
            for (key, sequence) in liveSequences {
                smaller[key] = sequence
            }
            liveSequences = smaller
        }
    }

    private mutating func removeRoot() {
        let last = storage.removeLast()
        guard !storage.isEmpty else { return }
        storage[0] = last
        storage.withUnsafeMutableBufferPointer { Self.siftDown($0, from: 0) }
    }

    /// Floyd's bottom-up construction: O(n), against O(n log n) for n pushes.
    private mutating func heapify() {
        storage.withUnsafeMutableBufferPointer { buffer in
            for index in stride(from: buffer.count / 2 - 1, through: 0, by: -1) {
                Self.siftDown(buffer, from: index)
            }
        }
    }

    /// Moves the entry at `start` towards the root until its parent precedes it; moves the hole, not the entry,
    /// so each level costs one copy instead of a swap.
    private static func siftUp(_ buffer: UnsafeMutableBufferPointer<Entry>, from start: Int) {
        let moving = buffer[start]
        var hole = start
        while hole > 0 {
            let parent = (hole - 1) / 2
            guard moving.precedes(buffer[parent]) else { break }
            buffer[hole] = buffer[parent]
            hole = parent
        }
        buffer[hole] = moving
    }

    /// Moves the entry at `start` towards the leaves until it precedes both children.
    private static func siftDown(_ buffer: UnsafeMutableBufferPointer<Entry>, from start: Int) {
        let moving = buffer[start]
        var hole = start
        while true {
            var child = 2 * hole + 1
            guard child < buffer.count else { break }
            if child + 1 < buffer.count && buffer[child + 1].precedes(buffer[child]) {
                child += 1
            }
            guard buffer[child].precedes(moving) else { break }
            buffer[hole] = buffer[child]
            hole = child
        }
        buffer[hole] = moving
    }
}
