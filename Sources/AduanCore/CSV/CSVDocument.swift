/// A CSV file split into its header and records (RFC 4180; see ``CSVReader`` for the exact rules).
public struct CSVDocument: Sendable, Hashable {
    /// The delimiter given, or the one found in the header.
    public var delimiter: CSVDelimiter
    /// Column names from the header row, as written.
    public var header: [String]
    /// Every record after the header, in file order; blank lines are not records.
    public var records: [CSVRecord]

    /// Creates a document.
    public init(delimiter: CSVDelimiter, header: [String], records: [CSVRecord]) {
        self.delimiter = delimiter
        self.header = header
        self.records = records
    }
}
