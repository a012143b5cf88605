import AduanCore

/// The unambiguous byte form that the audit chain and the reporter digest hash: a tag byte per field, then its
/// payload (see ``AuditRecord``). Tags tell NULL from empty text, and lengths keep one field from running into the
/// next.
///
/// The form is only ever hashed, so it is written straight into a ``SHA256/Context`` rather than built as bytes.
enum CanonicalEncoding {
    /// Hashes an integer field: `0x01` and 8 bytes big-endian, or `0x00` for NULL.
    static func append(_ value: Int64?, to context: inout SHA256.Context) {
        guard let value else { return context.update(byte: 0x00) }
        context.update(byte: 0x01)
        withUnsafeBytes(of: value.bigEndian) { context.update($0) }
    }

    /// Hashes a text field: `0x02`, the UTF-8 byte count in 4 bytes big-endian and the bytes, or `0x00` for NULL.
    static func append(_ value: String?, to context: inout SHA256.Context) {
        guard let value else { return context.update(byte: 0x00) }
        context.update(byte: 0x02)
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: value.utf8.count).bigEndian) { context.update($0) }
        context.update(value.utf8)
    }
}
