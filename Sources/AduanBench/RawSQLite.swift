internal import CSQLite

/// A bare sqlite3 connection for the baselines: the C API and nothing the store adds (no migrator, no audit, no
/// wrapper types), so that a baseline shows what SQLite alone costs on this machine.
final class RawSQLite {
    private let connection: OpaquePointer

    /// Opens `path`, creating it unless `isReadOnly`.
    init(path: String, isReadOnly: Bool = false) throws {
        var handle: OpaquePointer?
        let flags = isReadOnly ? SQLITE_OPEN_READONLY : (SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE)
        let code = sqlite3_open_v2(path, &handle, flags | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let handle else {
            sqlite3_close(handle)
            throw BenchError("cannot open \(path) with sqlite3: code \(code)")
        }
        connection = handle
        sqlite3_busy_timeout(connection, 5_000)
    }

    deinit {
        sqlite3_close_v2(connection)
    }

    /// Runs one or more statements that return nothing.
    func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(connection, sql, nil, nil, &message)
        defer { sqlite3_free(message) }
        guard code == SQLITE_OK else {
            throw BenchError("sqlite3 error \(code): \(message.map { String(cString: $0) } ?? "") in: \(sql)")
        }
    }

    /// Compiles `sql`.
    func prepare(_ sql: String) throws -> Statement {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v2(connection, sql, -1, &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw BenchError("sqlite3 cannot prepare (\(code)): \(String(cString: sqlite3_errmsg(connection))): \(sql)")
        }
        return Statement(statement, sql: sql)
    }

    /// A compiled statement; bind, step through its rows, reset.
    final class Statement {
        private let statement: OpaquePointer
        private let sql: String

        fileprivate init(_ statement: OpaquePointer, sql: String) {
            self.statement = statement
            self.sql = sql
        }

        deinit {
            sqlite3_finalize(statement)
        }

        /// Binds `value` (or NULL) to the 1-based parameter `index`.
        func bind(_ value: Int64?, at index: Int32) {
            guard let value else {
                sqlite3_bind_null(statement, index)
                return
            }
            sqlite3_bind_int64(statement, index, value)
        }

        /// Binds `value` (or NULL) to the 1-based parameter `index`.
        func bind(_ value: String?, at index: Int32) {
            guard let value else {
                sqlite3_bind_null(statement, index)
                return
            }
            sqlite3_bind_text(statement, index, value, -1, aduan_sqlite_transient())
        }

        /// Advances to the next row; `false` when there is none.
        func step() throws -> Bool {
            switch sqlite3_step(statement) {
            case SQLITE_ROW: return true
            case SQLITE_DONE: return false
            case let code: throw BenchError("sqlite3 step failed (\(code)): \(sql)")
            }
        }

        /// Runs the statement to its end and makes it ready to run again.
        func run() throws {
            while try step() {}
            reset()
        }

        /// Makes the statement ready to run again, keeping its bindings.
        func reset() {
            sqlite3_reset(statement)
        }

        /// An integer column of the current row (0-based).
        func int64(_ column: Int32) -> Int64 {
            sqlite3_column_int64(statement, column)
        }

        /// A text column of the current row (0-based); `nil` for NULL.
        func text(_ column: Int32) -> String? {
            guard let bytes = sqlite3_column_text(statement, column) else { return nil }
            return String(cString: bytes)
        }

        /// Whether a column of the current row is NULL.
        func isNull(_ column: Int32) -> Bool {
            sqlite3_column_type(statement, column) == SQLITE_NULL
        }

        /// How many columns a row of this statement has.
        var columnCount: Int32 {
            sqlite3_column_count(statement)
        }

        /// A column of the current row (0-based) with its storage class.
        func value(_ column: Int32) -> Value {
            switch sqlite3_column_type(statement, column) {
            case SQLITE_INTEGER: return .integer(sqlite3_column_int64(statement, column))
            case SQLITE_FLOAT: return .real(sqlite3_column_double(statement, column))
            case SQLITE_TEXT: return .text(text(column) ?? "")
            case SQLITE_BLOB:
                let count = Int(sqlite3_column_bytes(statement, column))
                guard let bytes = sqlite3_column_blob(statement, column) else { return .blob([]) }
                return .blob(Array(UnsafeRawBufferPointer(start: bytes, count: count)))
            default: return .null
            }
        }

        /// Binds `value` to the 1-based parameter `index`.
        func bind(_ value: Value, at index: Int32) {
            switch value {
            case .null: sqlite3_bind_null(statement, index)
            case .integer(let integer): sqlite3_bind_int64(statement, index, integer)
            case .real(let real): sqlite3_bind_double(statement, index, real)
            case .text(let text): bind(text, at: index)
            case .blob(let bytes):
                bytes.withUnsafeBytes { buffer in
                    _ = sqlite3_bind_blob(
                        statement,
                        index,
                        buffer.baseAddress,
                        Int32(buffer.count),
                        aduan_sqlite_transient()
                    )
                }
            }
        }
    }

    /// A value of one of SQLite's storage classes.
    enum Value {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
    }
}
