/// SHA-256 (FIPS 180-4) in pure Swift, for rule-snapshot hashes and the audit hash chain.
///
/// One-shot functions here; ``Context`` hashes a message given in pieces.
public enum SHA256 {
    /// The digest of `bytes`: 32 bytes.
    ///
    /// Inlinable so that a caller's contiguous input (arrays, UTF-8 views of native strings) is read in place.
    @inlinable
    public static func hash(_ bytes: some Sequence<UInt8>) -> [UInt8] {
        var context = Context()
        context.update(bytes)
        return context.finalize()
    }

    /// The digest of `bytes` as 64 lowercase hexadecimal digits.
    @inlinable
    public static func hexDigest(_ bytes: some Sequence<UInt8>) -> String {
        Hex.string(hash(bytes))
    }

    /// The digest of the UTF-8 encoding of `text` as 64 lowercase hexadecimal digits.
    public static func hexDigest(_ text: String) -> String {
        hexDigest(text.utf8)
    }
}
