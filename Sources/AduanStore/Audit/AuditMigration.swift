import AduanCore

/// Schema version 4: the audit hash chain over `events`, and reporters' personal data moved out of `complaints`.
///
/// Independent of version 3 (deliveries): it touches only `events`, `complaints` and its own new tables.
/// - `reporters`: name, contact and NIK by complaint, the only place personal data lives, so that erasing one
///   row erases it (`complaints.reporter_kind` stays: a kind is not personal, and the rules route on it).
/// - `store_secrets`: the salt of ``ReporterDigest``, made once per store.
/// - `events.hash`: each row's link, 64 hex digits (``AuditRecord``); existing rows are chained in id order.
enum AuditMigration {
    private static let script = """
        CREATE TABLE store_secrets (
            name TEXT PRIMARY KEY,
            value BLOB NOT NULL
        ) WITHOUT ROWID;

        CREATE TABLE reporters (
            complaint_id INTEGER PRIMARY KEY REFERENCES complaints (id),
            name TEXT,
            contact TEXT,
            nik TEXT
        );
        INSERT INTO reporters (complaint_id, name, contact)
        SELECT id, reporter_name, reporter_contact FROM complaints
        WHERE reporter_name IS NOT NULL OR reporter_contact IS NOT NULL;
        ALTER TABLE complaints DROP COLUMN reporter_name;
        ALTER TABLE complaints DROP COLUMN reporter_contact;

        ALTER TABLE events ADD COLUMN hash TEXT;
        """

    // The append-only trigger forbids the one update that chaining existing rows needs; it comes back at once.
    private static let dropUpdateTrigger = "DROP TRIGGER events_no_update"
    private static let createUpdateTrigger = """
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only');
        END
        """

    private static let batchSQL = """
        SELECT id, case_id, at, actor, kind, from_state, to_state, reason, data FROM events
        WHERE id > ?1 ORDER BY id LIMIT ?2
        """

    private static let batchSize = 10_000

    /// Runs inside the migration's transaction.
    static func apply(_ database: Database) throws {
        // Zero the pages that dropping the reporter columns frees, so the moved data does not linger in the file.
        try database.execute("PRAGMA secure_delete = ON")
        defer { try? database.execute("PRAGMA secure_delete = OFF") }
        try database.executeScript(script)
        try database.execute(
            "INSERT INTO store_secrets (name, value) VALUES (?1, ?2)",
            [ReporterDigest.saltName, ReporterDigest.makeSalt()]
        )
        try database.execute(dropUpdateTrigger)
        var previous = EventChain.Head(id: 0, hash: AuditRecord.genesis)
        while true {
            // Read a batch, then write it: updating rows under an open cursor over the same table is not defined.
            var links: [(id: Int64, hash: String)] = []
            try database.query(batchSQL, [previous.id, batchSize]) { row in
                let record = AuditRecord(row: row)
                previous = EventChain.Head(id: record.id, hash: record.chainHash(after: previous.hash))
                links.append((record.id, Hex.string(previous.hash)))
            }
            guard !links.isEmpty else { break }
            for link in links {
                try database.execute("UPDATE events SET hash = ?2 WHERE id = ?1", [link.id, link.hash])
            }
        }
        try database.execute(createUpdateTrigger)
    }
}
