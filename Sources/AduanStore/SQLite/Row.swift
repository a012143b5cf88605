internal import CSQLite

/// The current result row of a stepping statement, read by 0-based column index.
///
/// A row is a view of the statement's cursor: it is valid only inside the closure that received it and must not
/// be stored.
struct Row {
    private let statement: OpaquePointer

    init(statement: OpaquePointer) {
        self.statement = statement
    }

    /// Reads a column as any convertible type: `let title: String? = row[7]`.
    subscript<Value: DatabaseValueConvertible>(_ column: Int32) -> Value {
        Value(row: self, column: column)
    }

    /// Whether the column holds NULL.
    func isNull(_ column: Int32) -> Bool {
        sqlite3_column_type(statement, column) == SQLITE_NULL
    }

    /// The column as a 64-bit integer.
    func integer(_ column: Int32) -> Int64 {
        sqlite3_column_int64(statement, column)
    }

    /// The column as a double.
    func real(_ column: Int32) -> Double {
        sqlite3_column_double(statement, column)
    }

    /// The column as UTF-8 text (embedded NULs kept, invalid sequences repaired).
    func text(_ column: Int32) -> String {
        // sqlite3_column_bytes must follow sqlite3_column_text: the conversion to text may change the length.
        guard let bytes = sqlite3_column_text(statement, column) else { return "" }
        let count = Int(sqlite3_column_bytes(statement, column))
        return String(decoding: UnsafeBufferPointer(start: bytes, count: count), as: UTF8.self)
    }

    /// Lends the column's bytes to `body`; the buffer is valid only during the call.
    func withBlob<Result>(_ column: Int32, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let bytes = sqlite3_column_blob(statement, column)
        let count = Int(sqlite3_column_bytes(statement, column))
        return body(UnsafeRawBufferPointer(start: bytes, count: bytes == nil ? 0 : count))
    }
}
