/// A set of phrase ids as a bit set, sized for one snapshot's phrases.
struct PhraseSet: Sendable, Hashable {
    private var words: [UInt64]

    /// An empty set for ids `0..<capacity`.
    init(capacity: Int) {
        words = [UInt64](repeating: 0, count: (capacity + 63) / 64)
    }

    mutating func insert(_ id: Int) {
        words[id >> 6] |= 1 << UInt64(id & 63)
    }

    func contains(_ id: Int) -> Bool {
        words[id >> 6] & (1 << UInt64(id & 63)) != 0
    }

    /// The ids in the set, ascending.
    var members: [Int] {
        var members: [Int] = []
        for (index, word) in words.enumerated() where word != 0 {
            var remaining = word
            while remaining != 0 {
                members.append(index * 64 + remaining.trailingZeroBitCount)
                remaining &= remaining - 1
            }
        }
        return members
    }
}
