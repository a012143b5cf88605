/// One record after the header: its fields, or why it cannot be split; kept byte for byte for the quarantine.
public struct CSVRecord: Sendable, Hashable {
    /// 1-based line on which the record starts (a quoted field may span several lines).
    public var line: Int
    /// The record as it is in the file, without its final line break.
    public var bytes: [UInt8]
    /// The fields, as many as the header has, or the record's problem (stray quote, ragged, invalid UTF-8).
    public var fields: Result<[String], CSVError>

    /// Creates a record.
    public init(line: Int, bytes: [UInt8], fields: Result<[String], CSVError>) {
        self.line = line
        self.bytes = bytes
        self.fields = fields
    }
}
