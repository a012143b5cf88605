/// A hash table keyed by words as UTF-8 bytes, looked up without creating a `String` or an array per word.
///
/// Tokenising hands out each word as a borrowed buffer; this table answers for such a buffer directly, which keeps
/// the per-word cost of matching complaints to one hash and one comparison.
public struct WordTable<Value: Sendable>: Sendable {
    private var keyBytes: [UInt8] = []
    private var keyStarts: [Int] = []
    private var keyLengths: [Int] = []
    private var keyHashes: [UInt64] = []
    private var values: [Value] = []
    /// Entry index + 1 for each slot; 0 is an empty slot. The slot count is a power of two.
    private var slots: [Int32] = Array(repeating: 0, count: 16)

    /// Creates an empty table.
    public init() {}

    /// The number of words in the table.
    public var count: Int { values.count }

    /// The words in insertion order, with their values.
    public var entries: [(word: [UInt8], value: Value)] {
        (0..<values.count).map { index in
            (Array(keyBytes[keyStarts[index]..<keyStarts[index] + keyLengths[index]]), values[index])
        }
    }

    /// The value stored for `word`, if any.
    public func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        guard let index = entryIndex(for: word, hash: Self.hash(word)) else { return nil }
        return values[index]
    }

    /// The value stored for `word`, if any.
    public func value(for word: some Collection<UInt8>) -> Value? {
        let bytes = Array(word)
        return bytes.withUnsafeBufferPointer { value(for: $0) }
    }

    /// Stores `value` for `word`, replacing any earlier value.
    public mutating func set(_ value: Value, for word: some Collection<UInt8>) {
        let bytes = Array(word)
        bytes.withUnsafeBufferPointer { buffer in
            let hash = Self.hash(buffer)
            if let index = entryIndex(for: buffer, hash: hash) {
                values[index] = value
                return
            }
            keyStarts.append(keyBytes.count)
            keyLengths.append(buffer.count)
            keyHashes.append(hash)
            keyBytes.append(contentsOf: buffer)
            values.append(value)
            if values.count * 4 > slots.count * 3 {
                rebuildSlots(count: slots.count * 2)
            } else {
                place(entry: values.count - 1, hash: hash)
            }
        }
    }

    private func entryIndex(for word: UnsafeBufferPointer<UInt8>, hash: UInt64) -> Int? {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            let index = stored - 1
            if keyHashes[index] == hash && keyLengths[index] == word.count && keyMatches(index, word) {
                return index
            }
            slot = (slot + 1) & mask
        }
    }

    private func keyMatches(_ index: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        keyBytes.withUnsafeBufferPointer { allKeys in
            let start = keyStarts[index]
            for offset in 0..<word.count where allKeys[start + offset] != word[offset] {
                return false
            }
            return true
        }
    }

    private mutating func rebuildSlots(count: Int) {
        slots = Array(repeating: 0, count: count)
        for index in 0..<values.count {
            place(entry: index, hash: keyHashes[index])
        }
    }

    private mutating func place(entry index: Int, hash: UInt64) {
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(index + 1)
    }

    /// FNV-1a with a final avalanche, so that the low bits used for the slot index depend on every byte.
    private static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in word {
            hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
        }
        hash ^= hash >> 33
        hash = hash &* 0xff51_afd7_ed55_8ccd
        hash ^= hash >> 33
        return hash
    }
}
