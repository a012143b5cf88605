/// The writer side of the store: owns the read-write connection and migrates the schema when it opens.
///
/// Not thread-safe: the caller confines a store to one serial queue (the daemon's store executor). Queries from
/// other queues use a ``StoreReader``, which WAL lets read while this writes.
public final class Store {
    private let database: Database
    private let chain: EventChain

    /// Opens (creating if needed) the database file, configures the connection and applies pending migrations.
    ///
    /// - Throws: ``StoreError`` when the file cannot be opened, cannot use WAL, or has a schema newer than this
    ///   binary knows.
    public init(path: String) throws {
        database = try Database(path: path, mode: .readWrite)
        try Schema.migrator.migrate(database)
        chain = try EventChain(database: database)
    }

    /// Runs `body` in one `BEGIN IMMEDIATE … COMMIT` transaction; any error thrown rolls everything back.
    ///
    /// Group many items in one call: a commit costs a WAL write, a row costs far less.
    /// - Throws: the error of `body`, or ``StoreError`` when the transaction cannot begin or commit.
    @discardableResult
    public func write<Result>(_ body: (StoreTransaction) throws -> Result) throws -> Result {
        let head = chain.head
        do {
            return try database.inTransaction(.immediate) {
                try body(StoreTransaction(database: database, chain: chain))
            }
        } catch {
            // The rows the chain moved past were rolled back: the next event links to the last committed one.
            chain.head = head
            throw error
        }
    }

    /// Copies the write-ahead log into the database file and empties it, so that pages holding erased data leave
    /// the log; best effort, since a reader in the middle of a query keeps the log's frames alive.
    public func truncateLog() {
        try? database.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    }

    /// Closes the connection; the store cannot be used afterwards. Deinitialising the store closes it too.
    public func close() {
        database.close()
    }
}
