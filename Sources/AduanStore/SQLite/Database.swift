internal import CSQLite

/// One SQLite connection, configured for the store: WAL, foreign keys, busy timeout, extended result codes.
///
/// Not thread-safe, and deliberately not `Sendable`: the connection is opened with `SQLITE_OPEN_NOMUTEX`, so it and
/// its cached statements must stay confined to one serial queue (the store's executor).
final class Database {
    /// How a connection opens its file.
    enum Mode {
        /// Read and write; creates the file and switches it to WAL.
        case readWrite
        /// Read only; the file must exist and already be in WAL mode.
        case readOnly
    }

    /// How long a statement waits for a lock held by another connection before failing with `SQLITE_BUSY`.
    static let busyTimeoutMilliseconds: Int32 = 5_000

    /// The file this connection opened.
    let path: String
    private var connection: OpaquePointer?
    private var statements: [String: Statement] = [:]

    /// Opens and configures a connection.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened, is not a database, or refuses WAL mode.
    init(path: String, mode: Mode) throws {
        self.path = path
        var connection: OpaquePointer?
        let access = mode == .readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        let code = sqlite3_open_v2(path, &connection, access | SQLITE_OPEN_NOMUTEX, nil)
        guard code == SQLITE_OK, let connection else {
            let error = StoreError(resultCode: code, connection: connection, sql: nil)
            // A failed open may still allocate a connection, which only close releases.
            sqlite3_close_v2(connection)
            throw StoreError(
                resultCode: error.extendedResultCode ?? code,
                message: "cannot open \(path): \(error.message)",
                sql: nil
            )
        }
        // SQLite quietly opens a file it may not write (mode 0444, a read-only mount) for reading only; the writer
        // would then fail at its first write with a message naming neither the file nor the cause.
        if mode == .readWrite, sqlite3_db_readonly(connection, "main") == 1 {
            sqlite3_close_v2(connection)
            throw StoreError(
                resultCode: SQLITE_READONLY,
                message: "cannot open \(path) for writing: the file or its file system is read-only",
                sql: nil
            )
        }
        self.connection = connection
        sqlite3_extended_result_codes(connection, 1)
        sqlite3_busy_timeout(connection, Self.busyTimeoutMilliseconds)
        // Defensive mode forbids writes to the schema and shadow tables that could corrupt the file; it is a
        // safeguard, not a requirement, so a library without it is accepted.
        _ = aduan_sqlite_enable_defensive(connection)
        try execute("PRAGMA foreign_keys = ON")
        let journalMode: String?
        switch mode {
        case .readWrite:
            journalMode = try scalar("PRAGMA journal_mode = WAL")
            try execute("PRAGMA synchronous = NORMAL")
            // Intake updates index pages all over the file. Measured with 300,000 complaints (case and 3 events
            // each, 1,000 per transaction): the default 2 MiB cache and 1,000-page checkpoints gave ~29,000
            // complaints/s; a 64 MiB cache and 10,000-page (~40 MiB) checkpoints, which write a page rewritten by
            // several transactions once, gave ~44,000/s.
            try execute("PRAGMA cache_size = -65536")
            try execute("PRAGMA wal_autocheckpoint = 10000")
        case .readOnly:
            journalMode = try scalar("PRAGMA journal_mode")
            try execute("PRAGMA cache_size = -16384")
        }
        guard journalMode?.lowercased() == "wal" else {
            throw StoreError(
                "\(path) is in journal mode \(journalMode ?? "unknown"), not wal: readers would block the writer"
            )
        }
    }

    deinit {
        close()
    }

    /// Finalizes the cached statements and closes the connection; later calls throw `SQLITE_MISUSE`.
    func close() {
        statements.removeAll()
        sqlite3_close_v2(connection)
        connection = nil
    }

    /// The rowid of the last row this connection inserted.
    var lastInsertedRowID: Int64 {
        connection.map(sqlite3_last_insert_rowid) ?? 0
    }

    /// How many rows the last completed INSERT, UPDATE or DELETE changed (not counting triggers).
    var changes: Int {
        connection.map { Int(sqlite3_changes64($0)) } ?? 0
    }

    /// Runs one statement to completion, ignoring any rows it returns.
    func execute(_ sql: String, _ arguments: [any DatabaseValueConvertible] = []) throws {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            while try statement.step() {}
        }
    }

    /// Runs one query and hands each row to `body`; the row is valid only during the call.
    func query(
        _ sql: String,
        _ arguments: [any DatabaseValueConvertible] = [],
        _ body: (Row) throws -> Void
    ) throws {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            while try statement.step() {
                try body(statement.row)
            }
        }
    }

    /// The first column of the first row, or `nil` when there is no row.
    func scalar<Value: DatabaseValueConvertible>(
        _ sql: String,
        _ arguments: [any DatabaseValueConvertible] = [],
        as type: Value.Type = Value.self
    ) throws -> Value? {
        try withStatement(sql) { statement in
            try statement.bind(arguments)
            return try statement.step() ? statement.row[0] : nil
        }
    }

    /// Runs several `;`-separated statements without arguments and without caching them, as migrations do.
    ///
    /// - Throws: ``StoreError`` quoting the one statement that failed.
    func executeScript(_ script: String) throws {
        let connection = try openConnection()
        try script.withCString { start in
            var current = start
            while current.pointee != 0 {
                var handle: OpaquePointer?
                var tail: UnsafePointer<CChar>?
                let code = sqlite3_prepare_v2(connection, current, -1, &handle, &tail)
                defer { sqlite3_finalize(handle) }
                let end = tail ?? current
                let statementText = String(
                    decoding: UnsafeRawBufferPointer(start: current, count: current.distance(to: end)),
                    as: UTF8.self
                )
                guard code == SQLITE_OK else {
                    throw StoreError(resultCode: code, connection: connection, sql: statementText)
                }
                // No handle: only whitespace or comments were left.
                guard let handle, end != current else { return }
                var stepCode = sqlite3_step(handle)
                while stepCode == SQLITE_ROW {
                    stepCode = sqlite3_step(handle)
                }
                guard stepCode == SQLITE_DONE else {
                    throw StoreError(resultCode: stepCode, connection: connection, sql: statementText)
                }
                current = end
            }
        }
    }

    /// Whether a transaction is open on this connection.
    var isInTransaction: Bool {
        connection.map { sqlite3_get_autocommit($0) == 0 } ?? false
    }

    /// How a transaction takes its locks.
    enum TransactionKind: String {
        /// Takes the write lock at once, so that no statement inside can fail with a `SQLITE_BUSY` that no busy
        /// timeout fixes (a deferred transaction upgrading to a write).
        case immediate = "BEGIN IMMEDIATE"
        /// Takes a read snapshot at the first read; for consistent multi-statement reads.
        case deferred = "BEGIN DEFERRED"
    }

    /// Runs `body` in a transaction: commits when it returns, rolls back when it or the commit throws.
    ///
    /// - Throws: the error of `body`, or ``StoreError`` from BEGIN or COMMIT.
    func inTransaction<Result>(_ kind: TransactionKind, _ body: () throws -> Result) throws -> Result {
        try execute(kind.rawValue)
        do {
            let result = try body()
            try execute("COMMIT")
            return result
        } catch {
            // Some errors (SQLITE_FULL, SQLITE_IOERR, …) already rolled the transaction back; a second ROLLBACK
            // would fail, and the original error is the one worth reporting.
            if isInTransaction {
                try? execute("ROLLBACK")
            }
            throw error
        }
    }

    /// Lends `body` the cached statement for `sql`, preparing it on first use, and resets it afterwards.
    private func withStatement<Result>(_ sql: String, _ body: (Statement) throws -> Result) throws -> Result {
        let statement: Statement
        let cached = statements[sql]
        if let cached, !cached.isInUse {
            statement = cached
        } else if cached == nil {
            statement = try Statement(connection: openConnection(), sql: sql, isPersistent: true)
            statements[sql] = statement
        } else {
            // The same SQL runs inside its own row loop: a private statement keeps the outer cursor intact.
            statement = try Statement(connection: openConnection(), sql: sql, isPersistent: false)
        }
        statement.isInUse = true
        defer {
            statement.reset()
            statement.isInUse = false
        }
        return try body(statement)
    }

    private func openConnection() throws -> OpaquePointer {
        guard let connection else {
            throw StoreError(
                resultCode: SQLITE_MISUSE,
                message: "the database connection to \(path) is closed",
                sql: nil
            )
        }
        return connection
    }
}
