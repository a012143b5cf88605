/// The byte that separates fields: `,` (RFC 4180) or `;` (spreadsheets in locales whose decimal mark is a comma,
/// such as Indonesian Excel).
public enum CSVDelimiter: UInt8, Sendable, Hashable, CaseIterable {
    /// `,`
    case comma = 0x2C
    /// `;`
    case semicolon = 0x3B
}
