/// One CSV record turned into a spool item, or the reason it cannot be, with what the quarantine needs.
public struct CSVItemRow: Sendable {
    /// 1-based line on which the record starts.
    public var line: Int
    /// The item, or why the record is invalid.
    public var result: Result<SpoolItem, SpoolItemError>
    /// The record as it is in the file, without its line break.
    public var bytes: [UInt8]

    /// Creates a row.
    public init(line: Int, result: Result<SpoolItem, SpoolItemError>, bytes: [UInt8]) {
        self.line = line
        self.result = result
        self.bytes = bytes
    }
}
