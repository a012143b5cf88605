internal import CSQLite

/// A prepared SQL statement, normally owned and cached by its ``Database``.
///
/// Like its database, a statement is confined to the serial queue that owns the connection.
final class Statement {
    /// The SQL text, as given; errors quote it, never the bound values.
    let sql: String
    /// Whether a caller is binding or stepping it now; a cached statement in use is not handed out twice.
    var isInUse = false
    private let handle: OpaquePointer

    /// Prepares exactly one SQL statement.
    ///
    /// - Parameter isPersistent: a hint that the statement will be reused many times (cached statements).
    /// - Throws: ``StoreError`` when SQLite rejects the SQL or it holds more than one statement.
    init(connection: OpaquePointer, sql: String, isPersistent: Bool) throws {
        var handle: OpaquePointer?
        var tailOffset = 0
        let flags = isPersistent ? UInt32(SQLITE_PREPARE_PERSISTENT) : 0
        let code = sql.withCString { text in
            var tail: UnsafePointer<CChar>?
            let code = sqlite3_prepare_v3(connection, text, -1, flags, &handle, &tail)
            tailOffset = tail.map { text.distance(to: $0) } ?? sql.utf8.count
            return code
        }
        guard code == SQLITE_OK else {
            throw StoreError(resultCode: code, connection: connection, sql: sql)
        }
        guard let handle else {
            throw StoreError("no SQL command to run", sql: sql)
        }
        let rest = sql.utf8.dropFirst(tailOffset)
        guard rest.allSatisfy({ $0 == 0x20 || (0x09...0x0D).contains($0) || $0 == UInt8(ascii: ";") }) else {
            sqlite3_finalize(handle)
            throw StoreError("a statement must hold exactly one SQL command", sql: sql)
        }
        self.sql = sql
        self.handle = handle
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// The current row, valid while ``step()`` last answered `true`.
    var row: Row { Row(statement: handle) }

    /// Binds every parameter, in order.
    ///
    /// - Throws: ``StoreError`` when the number of arguments differs from the number of parameters.
    func bind(_ arguments: [any DatabaseValueConvertible]) throws {
        let expected = Int(sqlite3_bind_parameter_count(handle))
        guard arguments.count == expected else {
            throw StoreError("expected \(expected) arguments, got \(arguments.count)", sql: sql)
        }
        for (offset, argument) in arguments.enumerated() {
            try argument.bind(to: self, at: Int32(offset + 1))
        }
    }

    /// Binds an integer to the parameter at `index` (1-based).
    func bindInteger(_ value: Int64, at index: Int32) throws {
        try check(sqlite3_bind_int64(handle, index, value))
    }

    /// Binds a double to the parameter at `index` (1-based).
    func bindReal(_ value: Double, at index: Int32) throws {
        try check(sqlite3_bind_double(handle, index, value))
    }

    /// Binds UTF-8 text to the parameter at `index` (1-based); SQLite copies it.
    func bindText(_ value: String, at index: Int32) throws {
        let length = sqlite3_uint64(value.utf8.count)
        try check(
            value.withCString {
                sqlite3_bind_text64(handle, index, $0, length, aduan_sqlite_transient(), UInt8(SQLITE_UTF8))
            }
        )
    }

    /// Binds bytes to the parameter at `index` (1-based); SQLite copies them.
    func bindBlob(_ bytes: UnsafeRawBufferPointer, at index: Int32) throws {
        // A NULL pointer would bind SQL NULL, not an empty blob.
        guard let base = bytes.baseAddress, !bytes.isEmpty else {
            return try check(sqlite3_bind_zeroblob(handle, index, 0))
        }
        try check(sqlite3_bind_blob64(handle, index, base, sqlite3_uint64(bytes.count), aduan_sqlite_transient()))
    }

    /// Binds NULL to the parameter at `index` (1-based).
    func bindNull(at index: Int32) throws {
        try check(sqlite3_bind_null(handle, index))
    }

    /// Runs the statement to its next row.
    ///
    /// - Returns: `true` when a row is available through ``row``, `false` when the statement is done.
    /// - Throws: ``StoreError`` with SQLite's extended result code.
    func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW: return true
        case SQLITE_DONE: return false
        default: throw StoreError(resultCode: code, connection: sqlite3_db_handle(handle), sql: sql)
        }
    }

    /// Makes the statement ready for its next use and releases the bound values.
    func reset() {
        // sqlite3_reset repeats the last step's error, which step() has already thrown.
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
    }

    private func check(_ code: Int32) throws {
        guard code == SQLITE_OK else {
            throw StoreError(resultCode: code, connection: sqlite3_db_handle(handle), sql: sql)
        }
    }
}
