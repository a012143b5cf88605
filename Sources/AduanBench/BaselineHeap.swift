/// The simplest schedule: a binary min-heap of (due, case id) in one array, no index by key (so no cancel or
/// reschedule), for the baseline the daemon's ``DeadlineScheduler`` is compared with.
struct BaselineHeap {
    /// One case's next due: 16 bytes.
    struct Entry {
        var due: Int64
        var caseID: Int64
    }

    private(set) var entries: [Entry] = []

    /// Bytes the heap's storage holds.
    var bytes: Int { entries.capacity * MemoryLayout<Entry>.stride }

    mutating func insert(_ entry: Entry) {
        entries.append(entry)
        var child = entries.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard entries[child].due < entries[parent].due else { break }
            entries.swapAt(child, parent)
            child = parent
        }
    }

    /// The earliest due, if any.
    var first: Entry? { entries.first }
}
