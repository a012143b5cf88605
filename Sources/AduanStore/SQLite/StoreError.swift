internal import CSQLite

/// A failure of the store: an error reported by SQLite, or a refusal by the store itself.
///
/// It carries SQLite's extended result code, its message and the SQL text being run, but never the values bound
/// to that SQL: complaints hold personal data, and errors end up in logs.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    /// SQLite's extended result code (e.g. 2067, `SQLITE_CONSTRAINT_UNIQUE`), or `nil` when the store itself
    /// refused (a schema newer than this binary, a missing row, a stored value it cannot read).
    public let extendedResultCode: Int32?
    /// What went wrong, in words: SQLite's message or the store's.
    public let message: String
    /// The SQL statement that failed, without its bound values.
    public let sql: String?

    /// Creates an error the store detected itself.
    init(_ message: String, sql: String? = nil) {
        self.extendedResultCode = nil
        self.message = message
        self.sql = sql
    }

    /// Creates an error from a result code SQLite returned, taking the message from the connection when it
    /// describes that code.
    init(resultCode: Int32, connection: OpaquePointer?, sql: String?) {
        self.extendedResultCode = resultCode
        if let connection, sqlite3_extended_errcode(connection) == resultCode, let text = sqlite3_errmsg(connection) {
            self.message = String(cString: text)
        } else {
            self.message = String(cString: sqlite3_errstr(resultCode))
        }
        self.sql = sql
    }

    /// Creates an error for a SQLite result code with the store's own message.
    init(resultCode: Int32, message: String, sql: String?) {
        self.extendedResultCode = resultCode
        self.message = message
        self.sql = sql
    }

    /// SQLite's primary result code (the low byte of the extended code), e.g. 19, `SQLITE_CONSTRAINT`.
    public var resultCode: Int32? {
        extendedResultCode.map { $0 & 0xFF }
    }

    /// Whether a UNIQUE or PRIMARY KEY constraint refused a row.
    public var isUniqueConstraintViolation: Bool {
        extendedResultCode == Self.constraintUnique || extendedResultCode == Self.constraintPrimaryKey
    }

    /// Whether the file system had no room for the write (`SQLITE_FULL`): the transaction was rolled back, and
    /// the same write succeeds once space is freed.
    public var isDiskFull: Bool {
        resultCode == SQLITE_FULL
    }

    /// Whether the database cannot be written at all (`SQLITE_READONLY`): a read-only file, folder or mount.
    public var isReadOnly: Bool {
        resultCode == SQLITE_READONLY
    }

    /// Whether the file is damaged or is not a database (`SQLITE_CORRUPT`, `SQLITE_NOTADB`): retrying cannot help.
    public var isDamaged: Bool {
        resultCode == SQLITE_CORRUPT || resultCode == SQLITE_NOTADB
    }

    /// The symbolic name of the result code, e.g. `SQLITE_CONSTRAINT_UNIQUE`, or `nil` for the store's own errors.
    public var codeName: String? {
        guard let extendedResultCode, let resultCode else { return nil }
        if let name = Self.constraintNames[extendedResultCode] { return name }
        return Self.primaryNames[resultCode] ?? "SQLITE_\(resultCode)"
    }

    /// One line: the message, the code and the SQL, e.g.
    /// `UNIQUE constraint failed: complaints.source (SQLITE_CONSTRAINT_UNIQUE 2067) in: INSERT INTO complaints …`.
    public var description: String {
        var line = message
        if let extendedResultCode, let codeName {
            line += " (\(codeName) \(extendedResultCode))"
        }
        if let sql {
            line += " in: " + sql.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
        return line
    }

    // sqlite3.h defines the extended codes as expressions that Swift does not import; these are the same values.
    private static let constraintUnique = SQLITE_CONSTRAINT | (8 << 8)
    private static let constraintPrimaryKey = SQLITE_CONSTRAINT | (6 << 8)

    // The constraint kinds are what callers most often need to tell apart; other extended codes show their number.
    private static let constraintNames: [Int32: String] = [
        SQLITE_CONSTRAINT | (1 << 8): "SQLITE_CONSTRAINT_CHECK",
        SQLITE_CONSTRAINT | (3 << 8): "SQLITE_CONSTRAINT_FOREIGNKEY",
        SQLITE_CONSTRAINT | (5 << 8): "SQLITE_CONSTRAINT_NOTNULL",
        constraintPrimaryKey: "SQLITE_CONSTRAINT_PRIMARYKEY",
        SQLITE_CONSTRAINT | (7 << 8): "SQLITE_CONSTRAINT_TRIGGER",
        constraintUnique: "SQLITE_CONSTRAINT_UNIQUE",
    ]

    private static let primaryNames: [Int32: String] = [
        SQLITE_ERROR: "SQLITE_ERROR", SQLITE_INTERNAL: "SQLITE_INTERNAL", SQLITE_PERM: "SQLITE_PERM",
        SQLITE_ABORT: "SQLITE_ABORT", SQLITE_BUSY: "SQLITE_BUSY", SQLITE_LOCKED: "SQLITE_LOCKED",
        SQLITE_NOMEM: "SQLITE_NOMEM", SQLITE_READONLY: "SQLITE_READONLY", SQLITE_INTERRUPT: "SQLITE_INTERRUPT",
        SQLITE_IOERR: "SQLITE_IOERR", SQLITE_CORRUPT: "SQLITE_CORRUPT", SQLITE_NOTFOUND: "SQLITE_NOTFOUND",
        SQLITE_FULL: "SQLITE_FULL", SQLITE_CANTOPEN: "SQLITE_CANTOPEN", SQLITE_PROTOCOL: "SQLITE_PROTOCOL",
        SQLITE_EMPTY: "SQLITE_EMPTY", SQLITE_SCHEMA: "SQLITE_SCHEMA", SQLITE_TOOBIG: "SQLITE_TOOBIG",
        SQLITE_CONSTRAINT: "SQLITE_CONSTRAINT", SQLITE_MISMATCH: "SQLITE_MISMATCH", SQLITE_MISUSE: "SQLITE_MISUSE",
        SQLITE_NOLFS: "SQLITE_NOLFS", SQLITE_AUTH: "SQLITE_AUTH", SQLITE_FORMAT: "SQLITE_FORMAT",
        SQLITE_RANGE: "SQLITE_RANGE", SQLITE_NOTADB: "SQLITE_NOTADB", SQLITE_NOTICE: "SQLITE_NOTICE",
        SQLITE_WARNING: "SQLITE_WARNING",
    ]
}
