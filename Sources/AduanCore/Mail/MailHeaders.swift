/// The header fields of a message or of one MIME part, in order, with names compared ignoring case.
///
/// Values are kept as ranges of the message's bytes and unfolded (RFC 5322 §2.2.3) only when asked for.
public struct MailHeaders: Sendable {
    /// One field: where its name and its raw value lie in the message.
    struct Field: Sendable {
        var name: Range<Int>
        var value: Range<Int>
        /// Whether the value spans several lines, so that reading it must remove the line breaks.
        var isFolded: Bool
    }

    let bytes: ArraySlice<UInt8>
    var fields: [Field]

    /// How many fields there are, repeated names counted each time.
    public var count: Int { fields.count }

    /// The field names in order, as written.
    public var names: [String] {
        fields.map { String(decoding: bytes[$0.name], as: UTF8.self) }
    }

    /// The first value of the field `name` (any case), unfolded and trimmed, as written (encoded-words kept).
    public subscript(name: String) -> String? {
        rawValue(lowercaseName: Array(name.lowercased().utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// Every value of the field `name` (any case), in order, unfolded and trimmed.
    public func values(named name: String) -> [String] {
        let key = Array(name.lowercased().utf8)
        return fields.filter { MailBytes.equalsIgnoringCase(bytes[$0.name], key) }.map {
            String(decoding: unfolded($0), as: UTF8.self)
        }
    }

    /// The first value of the field `name` with its encoded-words decoded and trimmed (for unstructured fields such
    /// as Subject).
    public func decodedValue(_ name: String) -> String? {
        decodedValue(lowercaseName: Array(name.lowercased().utf8)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The UTF-8 bytes of the first field named `lowercaseName`, unfolded, encoded-words decoded, trimmed.
    func decodedValue(lowercaseName: some Collection<UInt8>) -> [UInt8]? {
        rawValue(lowercaseName: lowercaseName).map { Array(MailBytes.trimmed(EncodedWordDecoder.decode($0[...])[...])) }
    }

    /// The unfolded, trimmed bytes of the first field named `lowercaseName`.
    func rawValue(lowercaseName: some Collection<UInt8>) -> [UInt8]? {
        for field in fields where MailBytes.equalsIgnoringCase(bytes[field.name], lowercaseName) {
            return unfolded(field)
        }
        return nil
    }

    private func unfolded(_ field: Field) -> [UInt8] {
        let value = MailBytes.trimmed(bytes[field.value])
        guard field.isFolded else { return Array(value) }
        return value.filter { $0 != MailBytes.carriageReturn && $0 != MailBytes.lineFeed }
    }
}
