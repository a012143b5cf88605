/// The store's schema history. Times are INTEGER unix seconds, UTC.
enum Schema {
    /// Every migration, oldest first.
    static let migrator: Migrator = {
        var migrator = Migrator()
        migrator.register("complaints, cases, events, source cursors, rule snapshots, applied updates") { database in
            try database.executeScript(version1)
        }
        migrator.register("SLA clocks, escalation steps, overdue cases") { database in
            try database.executeScript(version2)
        }
        migrator.register("deliveries to agencies") { database in
            try database.executeScript(version3)
        }
        migrator.register("audit hash chain, reporters' personal data apart") { database in
            try AuditMigration.apply(database)
        }
        migrator.register("delivery documents built at the first attempt") { database in
            try database.executeScript(version5)
        }
        migrator.register("one pending deadline per case: cases.next_due_at") { database in
            try database.executeScript(version6)
        }
        migrator.register("case and complaint counts kept by triggers") { database in
            try database.executeScript(CountsMigration.script)
        }
        migrator.register("escalation steps planned from the rules, stored only once fired") { database in
            try database.executeScript(version8)
        }
        migrator.register("the rules the deadlines were computed under") { database in
            try database.executeScript(version9)
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

    // Clocks and steps are keyed by case: the scheduler's rebuild at start reads the pending ones with a plain scan
    // (DESIGN.md: a partial index on the due column made SQLite do one random lookup per row, 8× slower).
    // - clocks: one row per case and kind; `due_at` is NULL while paused, `anchor_remaining` holds the working
    //   seconds left when the clock last resumed (NULL: the whole budget counts from `anchor_at`).
    // - escalation_steps: one row per case, escalation and step; `fired_at` is written in the same transaction as
    //   the step's action, so a step never fires twice.
    // - cases.overdue_at: when the case first went past a deadline (or a step marked it overdue); open cases with it
    //   set are the overdue ones. Its partial index holds only those, so intake (NULL) never touches it.
    private static let version2 = """
        CREATE TABLE clocks (
            case_id INTEGER NOT NULL REFERENCES cases (id),
            kind TEXT NOT NULL,
            budget_amount INTEGER NOT NULL,
            budget_unit TEXT NOT NULL,
            started_at INTEGER NOT NULL,
            anchor_at INTEGER NOT NULL,
            anchor_remaining INTEGER,
            due_at INTEGER,
            paused_at INTEGER,
            stopped_at INTEGER,
            breached_at INTEGER,
            PRIMARY KEY (case_id, kind)
        ) WITHOUT ROWID;

        CREATE TABLE escalation_steps (
            case_id INTEGER NOT NULL REFERENCES cases (id),
            escalation TEXT NOT NULL,
            step INTEGER NOT NULL,
            action TEXT NOT NULL,
            due_at INTEGER,
            fired_at INTEGER,
            PRIMARY KEY (case_id, escalation, step)
        ) WITHOUT ROWID;

        ALTER TABLE cases ADD COLUMN overdue_at INTEGER;
        CREATE INDEX cases_overdue ON cases (overdue_at) WHERE overdue_at IS NOT NULL;
        """

    // Deliveries are queued in the transaction that causes them (a routed case, an escalation notice), so a crash
    // never loses one and a replay never doubles one: UNIQUE (case_id, event_id, agency). `payload` is the JSON
    // built at that moment, so every retry sends the same bytes. Intake pays one row and two index entries per
    // delivery, both appended at the end (ids and case ids only grow):
    // - the UNIQUE index;
    // - deliveries_due, partial: only undelivered rows, so it stays as small as the backlog. It serves the
    //   dispatcher's "due now" range, its "next retry" lookup and `aduanctl deliveries --failed`.
    private static let version3 = """
        CREATE TABLE deliveries (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            event_id INTEGER NOT NULL REFERENCES events (id),
            agency TEXT NOT NULL,
            purpose TEXT NOT NULL,
            payload TEXT NOT NULL,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            delivered_at INTEGER,
            last_error TEXT,
            UNIQUE (case_id, event_id, agency)
        );
        CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE delivered_at IS NULL;
        """

    // Intake spent half its time building and storing each delivery's JSON document (~2 KB, the complaint copied
    // once more per agency). A delivery is now queued as its cause alone: `reason` (the line for people) and, for an
    // escalation notice, `notice` (its step as JSON); the dispatcher builds `payload` from the case at the first
    // attempt and stores it in the transaction that takes the delivery, before sending, so every attempt sends the
    // same bytes. `payload` is NULL until then. SQLite cannot drop a NOT NULL: the table is rebuilt, ids kept.
    private static let version5 = """
        CREATE TABLE deliveries_v5 (
            id INTEGER PRIMARY KEY,
            case_id INTEGER NOT NULL REFERENCES cases (id),
            event_id INTEGER NOT NULL REFERENCES events (id),
            agency TEXT NOT NULL,
            purpose TEXT NOT NULL,
            reason TEXT NOT NULL DEFAULT '',
            notice TEXT,
            payload TEXT,
            created_at INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at INTEGER,
            delivered_at INTEGER,
            last_error TEXT,
            UNIQUE (case_id, event_id, agency)
        );
        INSERT INTO deliveries_v5 (id, case_id, event_id, agency, purpose, reason, payload, created_at, attempts,
            next_attempt_at, delivered_at, last_error)
        SELECT id, case_id, event_id, agency, purpose, coalesce(CASE WHEN json_valid(payload) THEN json_extract(payload, '$.reason') END, ''), payload,
            created_at, attempts, next_attempt_at, delivered_at, last_error
        FROM deliveries;
        DROP TABLE deliveries;
        ALTER TABLE deliveries_v5 RENAME TO deliveries;
        CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE delivered_at IS NULL;
        """

    // The scheduler holds one entry per case, its earliest pending due: the minimum over its running, not yet
    // breached clocks and its escalation steps not yet fired. `cases.next_due_at` keeps it, written in the same
    // transaction as every change that moves it, so the rebuild at start is one plain scan of `cases` (1M cases: a
    // fraction of a second, against 6.85M clock and step rows). NULL: nothing pending (closed, or paused on hold).
    private static let version6 = """
        ALTER TABLE cases ADD COLUMN next_due_at INTEGER;
        UPDATE cases SET next_due_at = (
            SELECT min(due_at) FROM (
                SELECT due_at FROM clocks
                WHERE clocks.case_id = cases.id AND due_at IS NOT NULL AND stopped_at IS NULL AND breached_at IS NULL
                UNION ALL
                SELECT due_at FROM escalation_steps
                WHERE escalation_steps.case_id = cases.id AND due_at IS NOT NULL AND fired_at IS NULL
            )
        );
        """

    // Planned escalation steps are derived from the rules, the case's clocks and the time (the daemon's
    // EscalationPlan), not stored: intake wrote five rows per case that only restated the ladder. What stays are the
    // fired steps; a quiet step's wait for the next opening is planned too, so unfired rows say nothing any more.
    private static let version8 = "DELETE FROM escalation_steps WHERE fired_at IS NULL;"

    // Deadlines and planned steps follow the rules in service. A reload recomputes every open case; a daemon
    // started on rules edited while it was stopped must do the same, so the store keeps the hash of the rules the
    // last complete recompute ran under (a crash in the middle leaves the old hash, and the next start recomputes).
    private static let version9 = """
        CREATE TABLE store_state (
            name TEXT PRIMARY KEY,
            value TEXT NOT NULL
        ) WITHOUT ROWID;
        """
}
