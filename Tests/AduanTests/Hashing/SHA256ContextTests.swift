import AduanCore
import Testing

/// The streaming SHA-256: however a message is cut into pieces, the digest is the one-shot digest of the whole.
@Suite("SHA-256 streaming context")
struct SHA256ContextTests {
    /// A message whose bytes differ from their neighbours, so that a piece fed twice or dropped changes the digest.
    static func message(length: Int) -> [UInt8] {
        (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
    }

    @Test(
        "every split into two pieces hashes like the whole message",
        arguments: [0, 1, 54, 55, 56, 57, 63, 64, 65, 119, 120, 127, 128, 129, 200]
    )
    func twoPieces(length: Int) {
        let message = Self.message(length: length)
        let whole = SHA256.hash(message)
        let wrongSplits = (0...length).filter { split in
            var context = SHA256.Context()
            context.update(message[..<split])
            context.update(message[split...])
            return context.finalize() != whole
        }
        #expect(wrongSplits.isEmpty, "splits that change the digest")
    }

    @Test("every split into three pieces of a two-block message hashes like the whole message")
    func threePieces() {
        let message = Self.message(length: 130)
        let whole = SHA256.hash(message)
        var wrongSplits: [(Int, Int)] = []
        for first in 0...message.count {
            for second in first...message.count {
                var context = SHA256.Context()
                context.update(message[..<first])
                context.update(message[first..<second])
                context.update(message[second...])
                if context.finalize() != whole { wrongSplits.append((first, second)) }
            }
        }
        #expect(
            wrongSplits.isEmpty,
            "\(wrongSplits.count) pairs of splits change the digest, first \(wrongSplits.prefix(3))"
        )
    }

    @Test("bytes fed one at a time hash like the whole message", arguments: [55, 56, 63, 64, 65, 130])
    func byteByByte(length: Int) {
        let message = Self.message(length: length)
        var context = SHA256.Context()
        for byte in message { context.update(byte: byte) }
        #expect(context.finalize() == SHA256.hash(message))
    }

    @Test("single bytes and buffers mixed hash like the whole message")
    func mixedUpdates() {
        let message = Self.message(length: 150)
        var context = SHA256.Context()
        var index = 0
        while index < message.count {
            // One byte, then a run that lengthens each time, so pieces start at every offset within a block.
            context.update(byte: message[index])
            let run = min(index % 70, message.count - index - 1)
            context.update(message[(index + 1)..<(index + 1 + run)])
            index += 1 + run
        }
        #expect(context.finalize() == SHA256.hash(message))
    }

    @Test("a sequence without contiguous storage hashes like the same bytes in an array")
    func nonContiguousSequence() {
        let message = Self.message(length: 100)
        var context = SHA256.Context()
        context.update(message.lazy.map { $0 })
        #expect(context.finalize() == SHA256.hash(message))
        #expect(SHA256.hash(stride(from: 0, to: 100, by: 1).lazy.map { message[$0] }) == SHA256.hash(message))
    }

    @Test("taking a digest leaves the context open: later bytes extend the same message")
    func finalizeThenContinue() {
        var context = SHA256.Context()
        context.update(Array("ab".utf8))
        #expect(context.finalize() == SHA256.hash(Array("ab".utf8)))
        context.update(Array("c".utf8))
        #expect(Hex.string(context.finalize()) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
