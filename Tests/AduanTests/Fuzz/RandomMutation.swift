import AduanBench

/// Byte-level mutations in the manner of libFuzzer's (flip, insert, erase, truncate, duplicate a run), from a fixed
/// seed so that a failing seeded test fails the same way again. Bytes that matter to a grammar are inserted more
/// often than noise, so mutations get past the first syntax check.
struct RandomMutation {
    private var generator: SplitMix64
    private let syntaxBytes: [UInt8]

    /// - Parameter syntaxBytes: the grammar's own punctuation, inserted as often as random bytes.
    init(seed: UInt64, syntaxBytes: String) {
        generator = SplitMix64(seed: seed)
        self.syntaxBytes = Array(syntaxBytes.utf8) + [0x00, 0x0B, 0x0D, 0x85, 0xC2, 0xE2, 0x80, 0xA8, 0xFF]
    }

    /// One of `originals`, changed in one to eight places.
    mutating func next(from originals: [[UInt8]]) -> [UInt8] {
        var bytes = originals.randomElement(using: &generator) ?? []
        for _ in 0..<Int.random(in: 1...8, using: &generator) { mutate(&bytes) }
        return bytes
    }

    /// A number in `range`, for tests that pick more than bytes.
    mutating func number(in range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &generator)
    }

    private mutating func mutate(_ bytes: inout [UInt8]) {
        let position = Int.random(in: 0...bytes.count, using: &generator)
        let byte =
            Bool.random(using: &generator)
            ? syntaxBytes.randomElement(using: &generator)! : UInt8.random(in: 0...255, using: &generator)
        guard position < bytes.count else {
            bytes.append(byte)
            return
        }
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: bytes[position] = byte
        case 1: bytes.insert(byte, at: position)
        case 2: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
        case 3: bytes.removeSubrange(position...)
        case 4: bytes[position] ^= 1 << UInt8.random(in: 0..<8, using: &generator)
        default:
            let length = min(bytes.count - position, Int.random(in: 1...60, using: &generator))
            let target = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: target)
        }
    }
}

extension String {
    /// Whether this is one line a person can read: not empty, no line break of any kind.
    var isOneReadableLine: Bool { !isEmpty && !contains(where: \.isNewline) }
}
