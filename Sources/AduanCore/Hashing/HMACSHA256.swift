/// HMAC-SHA-256 (RFC 2104, FIPS 198-1) over ``SHA256``, for signing webhook deliveries.
public enum HMACSHA256 {
    /// The 32-byte authentication code of `message` under `key`.
    ///
    /// A key longer than SHA-256's 64-byte block is hashed first, as RFC 2104 requires.
    public static func authenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> [UInt8] {
        var blockKey = Array(key)
        if blockKey.count > blockSize { blockKey = SHA256.hash(blockKey) }
        blockKey += repeatElement(0, count: blockSize - blockKey.count)
        // The message is streamed into the inner hash rather than copied behind the padded key.
        var inner = SHA256.Context()
        inner.update(blockKey.map { $0 ^ 0x36 })
        inner.update(message)
        var outer = SHA256.Context()
        outer.update(blockKey.map { $0 ^ 0x5c })
        outer.update(inner.finalize())
        return outer.finalize()
    }

    /// The authentication code as 64 lowercase hexadecimal digits, as `X-Aduan-Signature` carries it.
    public static func hexAuthenticationCode(for message: some Sequence<UInt8>, key: some Sequence<UInt8>) -> String {
        Hex.string(authenticationCode(for: message, key: key))
    }

    private static let blockSize = 64
}
