/// The unambiguous byte form that the audit chain and the reporter digest hash: a tag byte per field, then its
/// payload (see ``AuditRecord``). Tags tell NULL from empty text, and lengths keep one field from running into the
/// next.
enum CanonicalEncoding {
    /// Appends an integer field: `0x01` and 8 bytes big-endian, or `0x00` for NULL.
    static func append(_ value: Int64?, to bytes: inout [UInt8]) {
        guard let value else { return bytes.append(0x00) }
        bytes.append(0x01)
        for shift in stride(from: 56, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: value >> Int64(shift)))
        }
    }

    /// Appends a text field: `0x02`, the UTF-8 byte count in 4 bytes big-endian and the bytes, or `0x00` for NULL.
    static func append(_ value: String?, to bytes: inout [UInt8]) {
        guard let value else { return bytes.append(0x00) }
        bytes.append(0x02)
        let count = UInt32(truncatingIfNeeded: value.utf8.count)
        for shift in stride(from: 24, through: 0, by: -8) {
            bytes.append(UInt8(truncatingIfNeeded: count >> UInt32(shift)))
        }
        bytes.append(contentsOf: value.utf8)
    }
}
