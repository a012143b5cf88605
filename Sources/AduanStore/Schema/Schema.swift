/// The store's schema history. Times are INTEGER unix seconds, UTC.
enum Schema {
    /// Every migration, oldest first.
    static let migrator: Migrator = {
        var migrator = Migrator()
        migrator.register("complaints, cases, events, source cursors, rule snapshots, applied updates") { database in
            try database.executeScript(version1)
        }
        return migrator
    }()

    // Indexes, each checked with EXPLAIN QUERY PLAN against the reader's queries; none of them exists only "just in
    // case", since every index costs intake one more B-tree insert:
    // - complaints_received_at: `cases` lists oldest first with a LIMIT, walking this index instead of sorting
    //   every case (received_at mostly grows, so inserts append at the end).
    // - cases_state: `cases` filtered by state, and the by-state counts (a covering scan).
    // - cases_agency_state: `cases` filtered by agency (with or without state), and the by-agency counts.
    // - events_case_id: a case's history, already in id order.
    // UNIQUE(source, external_id) and UNIQUE(complaint_id) bring their own indexes, used by intake's dedupe and by
    // the case-to-complaint join.
    private static let version1 = """
        CREATE TABLE complaints (
            id INTEGER PRIMARY KEY,
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            title TEXT,
            text TEXT NOT NULL,
            channel TEXT NOT NULL,
            region_code TEXT,
            region_text TEXT,
            reporter_name TEXT,
            reporter_contact TEXT,
            reporter_kind TEXT,
            latitude REAL,
            longitude REAL,
            address TEXT,
            received_at INTEGER NOT NULL,
            ingested_at INTEGER NOT NULL,
            UNIQUE (source, external_id)
        );
        CREATE INDEX complaints_received_at ON complaints (received_at);

        CREATE TABLE cases (
            id INTEGER PRIMARY KEY,
            complaint_id INTEGER NOT NULL UNIQUE REFERENCES complaints (id),
            state TEXT NOT NULL,
            agency TEXT,
            route TEXT,
            priority TEXT,
            rules_hash TEXT,
            respond_by INTEGER,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL
        );
        CREATE INDEX cases_state ON cases (state);
        CREATE INDEX cases_agency_state ON cases (agency, state);

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            case_id INTEGER REFERENCES cases (id),
            at INTEGER NOT NULL,
            actor TEXT NOT NULL,
            kind TEXT NOT NULL,
            from_state TEXT,
            to_state TEXT,
            reason TEXT,
            data TEXT
        );
        CREATE INDEX events_case_id ON events (case_id);
        CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only');
        END;
        CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN
            SELECT RAISE(ABORT, 'events are append-only');
        END;

        CREATE TABLE source_cursors (
            source TEXT PRIMARY KEY,
            cursor TEXT,
            last_poll_at INTEGER,
            last_success_at INTEGER,
            items_in INTEGER NOT NULL DEFAULT 0,
            items_quarantined INTEGER NOT NULL DEFAULT 0,
            last_error TEXT
        );

        CREATE TABLE rule_snapshots (
            hash TEXT PRIMARY KEY,
            first_loaded_at INTEGER NOT NULL,
            files TEXT NOT NULL
        );

        CREATE TABLE applied_updates (
            source TEXT NOT NULL,
            external_id TEXT NOT NULL,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            applied_at INTEGER NOT NULL,
            PRIMARY KEY (source, external_id)
        ) WITHOUT ROWID;
        """
}
