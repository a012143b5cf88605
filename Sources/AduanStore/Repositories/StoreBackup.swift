/// An online copy of the store, taken while the daemon writes.
///
/// `VACUUM INTO` runs on a read-only connection of its own: under WAL it reads one consistent snapshot and never
/// takes the write lock, so intake keeps committing meanwhile (the WAL only grows until the copy is done), and
/// the reader that answers `aduanctl` is not held up either. The copy is compacted and in rollback-journal mode;
/// a ``Store`` opened on it switches it back to WAL.
public enum StoreBackup {
    /// What the copy holds and whether SQLite finds it sound.
    public struct Outcome: Sendable, Hashable {
        /// `PRAGMA integrity_check` on the copy: `["ok"]`, or up to 20 problems.
        public var integrity: [String]
        /// Complaints in the copy.
        public var complaints: Int
        /// Cases in the copy.
        public var cases: Int
    }

    /// Writes a consistent copy of the database at `databasePath` to `destination`, then checks the copy.
    ///
    /// - Throws: ``StoreError`` when the source cannot be read or the copy cannot be written (an existing
    ///   `destination` is refused by SQLite).
    public static func copy(databasePath: String, to destination: String) throws -> Outcome {
        let database = try Database(path: databasePath, mode: .readOnly)
        defer { database.close() }
        try database.execute("VACUUM INTO ?1", [destination])
        // Attached to this read-only connection, the copy is opened read-only: the check cannot change it.
        try database.execute("ATTACH DATABASE ?1 AS copy", [destination])
        defer { try? database.execute("DETACH DATABASE copy") }
        var integrity: [String] = []
        try database.query("PRAGMA copy.integrity_check(20)") { row in integrity.append(row[0]) }
        return Outcome(
            integrity: integrity,
            complaints: try database.scalar("SELECT count(*) FROM copy.complaints") ?? 0,
            cases: try database.scalar("SELECT count(*) FROM copy.cases") ?? 0
        )
    }
}
