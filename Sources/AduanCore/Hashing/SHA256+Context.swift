extension SHA256 {
    /// A streaming SHA-256: feed the message in pieces of any size, then take the digest.
    ///
    /// The digest equals the one-shot ``SHA256/hash(_:)`` of the pieces joined, so a record can be hashed field by
    /// field without building its byte form first. Whole blocks are compressed straight from the caller's memory;
    /// only an unfinished block is copied, into inline storage, so a context never touches the heap.
    public struct Context: Sendable {
        private var state = State()
        /// The start of an unfinished block: `pendingCount` bytes of eight inline words.
        private var pending: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
        private var pendingCount = 0
        private var messageLength: UInt64 = 0

        /// A context that has seen no bytes yet.
        public init() {}

        /// Adds `bytes` to the message.
        ///
        /// Inlinable so that callers in other modules get a version specialised to their collection type, which
        /// reads contiguous storage (arrays, native strings' UTF-8) in place.
        @inlinable
        public mutating func update(_ bytes: some Sequence<UInt8>) {
            let isRead = bytes.withContiguousStorageIfAvailable { update(UnsafeRawBufferPointer($0)) } != nil
            if !isRead { Array(bytes).withUnsafeBytes { update($0) } }
        }

        /// Adds one byte to the message.
        public mutating func update(byte: UInt8) {
            withUnsafeMutableBytes(of: &pending) { $0[pendingCount] = byte }
            pendingCount += 1
            messageLength &+= 1
            if pendingCount == SHA256.blockSize { compressPending() }
        }

        /// Adds the bytes in `buffer` to the message, reading whole blocks in place.
        public mutating func update(_ buffer: UnsafeRawBufferPointer) {
            guard var source = buffer.baseAddress else { return }
            var remaining = buffer.count
            messageLength &+= UInt64(remaining)
            if pendingCount > 0 {
                let taken = min(remaining, SHA256.blockSize - pendingCount)
                appendPending(source, count: taken)
                source += taken
                remaining -= taken
                guard pendingCount == SHA256.blockSize else { return }
                compressPending()
            }
            let blockCount = remaining / SHA256.blockSize
            SHA256.compress(&state, blocks: source, blockCount: blockCount)
            source += blockCount * SHA256.blockSize
            remaining -= blockCount * SHA256.blockSize
            appendPending(source, count: remaining)
        }

        /// The 32-byte digest of everything added so far; the context can go on taking bytes afterwards.
        public func finalize() -> [UInt8] {
            // FIPS 180-4, 5.1.1: a 1 bit, zeros up to 8 bytes short of a block's end, the message length in bits.
            var state = state
            var block = pending
            withUnsafeMutableBytes(of: &block) { bytes in
                bytes[pendingCount] = 0x80
                for index in (pendingCount + 1)..<SHA256.blockSize { bytes[index] = 0 }
                if pendingCount >= SHA256.blockSize - 8 {
                    SHA256.compress(&state, blocks: UnsafeRawPointer(bytes.baseAddress!), blockCount: 1)
                    for index in 0..<(SHA256.blockSize - 8) { bytes[index] = 0 }
                }
                bytes.storeBytes(
                    of: (messageLength &* 8).bigEndian,
                    toByteOffset: SHA256.blockSize - 8,
                    as: UInt64.self
                )
                SHA256.compress(&state, blocks: UnsafeRawPointer(bytes.baseAddress!), blockCount: 1)
            }
            let words = state.words
            let bigEndian = (
                words.0.bigEndian, words.1.bigEndian, words.2.bigEndian, words.3.bigEndian,
                words.4.bigEndian, words.5.bigEndian, words.6.bigEndian, words.7.bigEndian
            )
            return withUnsafeBytes(of: bigEndian) { Array($0) }
        }

        private mutating func appendPending(_ source: UnsafeRawPointer, count: Int) {
            guard count > 0 else { return }
            withUnsafeMutableBytes(of: &pending) { bytes in
                (bytes.baseAddress! + pendingCount).copyMemory(from: source, byteCount: count)
            }
            pendingCount += count
        }

        private mutating func compressPending() {
            let block = pending
            withUnsafeBytes(of: block) { SHA256.compress(&state, blocks: $0.baseAddress!, blockCount: 1) }
            pendingCount = 0
        }
    }
}
