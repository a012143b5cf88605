public import AduanCore
public import Foundation

/// The writes of one transaction; valid only inside the ``Store/write(_:)`` closure that received it.
public struct StoreTransaction {
    let database: Database
    let chain: EventChain

    private static let insertComplaintSQL = """
        INSERT INTO complaints (source, external_id, title, text, channel, region_code, region_text, reporter_kind,
            latitude, longitude, address, received_at, ingested_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)
        ON CONFLICT (source, external_id) DO NOTHING
        """

    private static let insertReporterSQL =
        "INSERT INTO reporters (complaint_id, name, contact, nik) VALUES (?1, ?2, ?3, ?4)"

    private static let insertCaseSQL = """
        INSERT INTO cases (complaint_id, state, agency, route, priority, rules_hash, respond_by, created_at,
            updated_at, next_due_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8, ?9)
        """

    private static let updateCaseStateSQL = "UPDATE cases SET state = ?1, updated_at = ?2 WHERE id = ?3"

    private static let appendEventSQL = """
        INSERT INTO events (id, case_id, at, actor, kind, from_state, to_state, reason, data, hash)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
        """

    // A failed poll passes no cursor and keeps the stored one; only a successful poll moves last_success_at.
    private static let recordSourcePollSQL = """
        INSERT INTO source_cursors (source, cursor, last_poll_at, last_success_at, items_in, items_quarantined,
            last_error)
        VALUES (?1, ?2, ?3, CASE WHEN ?6 IS NULL THEN ?3 END, ?4, ?5, ?6)
        ON CONFLICT (source) DO UPDATE SET
            cursor = coalesce(excluded.cursor, cursor),
            last_poll_at = excluded.last_poll_at,
            last_success_at = coalesce(excluded.last_success_at, last_success_at),
            items_in = items_in + excluded.items_in,
            items_quarantined = items_quarantined + excluded.items_quarantined,
            last_error = excluded.last_error
        """

    private static let caseStateSQL = "SELECT state FROM cases WHERE id = ?1"

    private static let caseIDForComplaintSQL = """
        SELECT cases.id FROM complaints JOIN cases ON cases.complaint_id = complaints.id
        WHERE complaints.source = ?1 AND complaints.external_id = ?2
        """

    private static let recordUpdateSQL = """
        INSERT INTO applied_updates (source, external_id, case_id, applied_at) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT (source, external_id) DO NOTHING
        """

    private static let saveClockSQL = """
        INSERT INTO clocks (case_id, kind, budget_amount, budget_unit, started_at, anchor_at, anchor_remaining, due_at,
            paused_at, stopped_at, breached_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
        ON CONFLICT (case_id, kind) DO UPDATE SET
            budget_amount = excluded.budget_amount, budget_unit = excluded.budget_unit,
            started_at = excluded.started_at, anchor_at = excluded.anchor_at,
            anchor_remaining = excluded.anchor_remaining, due_at = excluded.due_at, paused_at = excluded.paused_at,
            stopped_at = excluded.stopped_at, breached_at = excluded.breached_at
        """

    // Steps are planned from the rules and the clocks, not stored; a step gets a row when it fires, and keeps it:
    // its due time no longer matters and it never fires again.
    private static let markStepFiredSQL = """
        INSERT INTO escalation_steps (case_id, escalation, step, action, due_at, fired_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6)
        ON CONFLICT (case_id, escalation, step) DO UPDATE SET fired_at = excluded.fired_at WHERE fired_at IS NULL
        """

    private static let updateCaseRoutingSQL = """
        UPDATE cases SET agency = ?2, priority = ?3, respond_by = ?4, updated_at = ?5 WHERE id = ?1
        """

    private static let markOverdueSQL = """
        UPDATE cases SET overdue_at = coalesce(overdue_at, ?2), updated_at = ?2 WHERE id = ?1
        """

    private static let setNextDueSQL = "UPDATE cases SET next_due_at = ?2 WHERE id = ?1 AND next_due_at IS NOT ?2"

    private static let clearOverdueSQL = "UPDATE cases SET overdue_at = NULL, updated_at = ?2 WHERE id = ?1"

    private static let saveRuleSnapshotSQL = """
        INSERT INTO rule_snapshots (hash, first_loaded_at, files) VALUES (?1, ?2, ?3)
        ON CONFLICT (hash) DO NOTHING
        """

    /// Stores a complaint unless its `(source, externalID)` is already stored.
    ///
    /// - Returns: the new complaint's id, or `nil` when it was already stored: ingesting twice is a no-op.
    /// The reporter's name, contact and NIK go to `reporters`, apart from the complaint, so that they can be erased.
    public func insertComplaint(_ complaint: Complaint, ingestedAt: Date) throws -> Int64? {
        try database.execute(
            Self.insertComplaintSQL,
            [
                complaint.source, complaint.externalID, complaint.title, complaint.text, complaint.channel.rawValue,
                complaint.region?.code, complaint.regionText, complaint.reporter?.kind, complaint.location?.latitude,
                complaint.location?.longitude, complaint.location?.address, complaint.receivedAt.unixSeconds,
                ingestedAt.unixSeconds,
            ]
        )
        guard database.changes == 1 else { return nil }
        let complaintID = database.lastInsertedRowID
        if let reporter = complaint.reporter, reporter.name != nil || reporter.contact != nil || reporter.nik != nil {
            try database.execute(Self.insertReporterSQL, [complaintID, reporter.name, reporter.contact, reporter.nik])
        }
        return complaintID
    }

    /// Opens the case of a stored complaint.
    ///
    /// - Parameter nextDueAt: its earliest pending deadline, for the scheduler (`nil`: none).
    /// - Returns: the new case's id.
    /// - Throws: ``StoreError`` when the complaint does not exist or already has a case.
    public func insertCase(
        complaintID: Int64,
        state: CaseState,
        agency: String?,
        route: String?,
        priority: String?,
        rulesHash: String?,
        respondBy: Date?,
        nextDueAt: Date? = nil,
        at: Date
    ) throws -> Int64 {
        try database.execute(
            Self.insertCaseSQL,
            [
                complaintID, state.rawValue, agency, route, priority, rulesHash, respondBy?.unixSeconds,
                at.unixSeconds, nextDueAt?.unixSeconds,
            ]
        )
        return database.lastInsertedRowID
    }

    /// Moves a case to another state; record why with ``appendEvent(caseID:at:actor:kind:from:to:reason:data:)``.
    ///
    /// - Throws: ``StoreError`` when no case has that id.
    public func updateCaseState(caseID: Int64, to state: CaseState, at: Date) throws {
        try database.execute(Self.updateCaseStateSQL, [state.rawValue, at.unixSeconds, caseID])
        guard database.changes == 1 else {
            throw StoreError("no case with id \(caseID)", sql: Self.updateCaseStateSQL)
        }
    }

    /// Appends an entry to the audit history, chained to the one before (``AuditRecord``); `caseID` is `nil` for
    /// events of the daemon as a whole. Never put personal data in `reason` or `data`: the history outlives an
    /// erasure (refer to a reporter with ``reporterDigest(caseID:)``).
    ///
    /// - Returns: the new event's id.
    @discardableResult
    public func appendEvent(
        caseID: Int64?,
        at: Date,
        actor: String,
        kind: String,
        from: CaseState?,
        to: CaseState?,
        reason: String?,
        data: String?
    ) throws -> Int64 {
        // The id is the chain's next one rather than SQLite's choice, since the hash covers it; a second writer
        // that got there first makes the insert fail instead of forking the chain.
        let link = chain.next(
            caseID: caseID,
            at: at.unixSeconds,
            actor: actor,
            kind: kind,
            fromState: from?.rawValue,
            toState: to?.rawValue,
            reason: reason,
            data: data
        )
        try database.execute(
            Self.appendEventSQL,
            [
                link.id, caseID, at.unixSeconds, actor, kind, from?.rawValue, to?.rawValue, reason, data,
                Hex.string(link.hash),
            ]
        )
        chain.advance(to: link)
        return link.id
    }

    /// Records one poll of a source: adds its counts to the totals, and sets `lastSuccessAt` when `error` is `nil`.
    ///
    /// - Parameters:
    ///   - cursor: where the next poll resumes; `nil` keeps the stored cursor.
    ///   - error: why the poll failed; `nil` for success, which also clears the last error.
    public func recordSourcePoll(
        source: String,
        cursor: String?,
        itemsIn: Int,
        itemsQuarantined: Int,
        error: String?,
        at: Date
    ) throws {
        try database.execute(
            Self.recordSourcePollSQL,
            [source, cursor, at.unixSeconds, itemsIn, itemsQuarantined, error]
        )
    }

    /// The state of a case, or `nil` when no case has that id.
    public func caseState(caseID: Int64) throws -> CaseState? {
        try database.scalar(Self.caseStateSQL, [caseID], as: String.self).flatMap(CaseState.init(rawValue:))
    }

    /// The case opened for the complaint `(source, externalID)`, if that complaint is stored.
    public func caseID(source: String, externalID: String) throws -> Int64? {
        try database.scalar(Self.caseIDForComplaintSQL, [source, externalID], as: Int64.self)
    }

    /// Whether the update item `(source, externalID)` was applied before.
    public func hasAppliedUpdate(source: String, externalID: String) throws -> Bool {
        let sql = "SELECT 1 FROM applied_updates WHERE source = ?1 AND external_id = ?2"
        return try database.scalar(sql, [source, externalID], as: Int64.self) != nil
    }

    /// Marks an update item as applied to a case, so that the same item delivered again changes nothing.
    ///
    /// - Returns: `false` when that `(source, externalID)` was applied before.
    @discardableResult
    public func recordUpdate(source: String, externalID: String, caseID: Int64, at: Date) throws -> Bool {
        try database.execute(Self.recordUpdateSQL, [source, externalID, caseID, at.unixSeconds])
        return database.changes == 1
    }

    /// The case as listed, for a transition that reads before it writes; `nil` when no case has that id.
    public func caseSummary(caseID: Int64) throws -> CaseSummary? {
        try CaseQueries.summary(id: caseID, in: database)
    }

    /// A case's clocks.
    public func clocks(caseID: Int64) throws -> [CaseClock] {
        try CaseQueries.clocks(caseID: caseID, in: database)
    }

    /// A case's recorded escalation steps: those that fired.
    public func steps(caseID: Int64) throws -> [EscalationStepStatus] {
        try CaseQueries.steps(caseID: caseID, in: database)
    }

    /// Stores a clock of a case, replacing the one of the same kind.
    public func saveClock(_ clock: CaseClock, caseID: Int64) throws {
        try database.execute(
            Self.saveClockSQL,
            [
                caseID, clock.kind.rawValue, clock.budget.amount, clock.budget.unit.rawValue,
                clock.startedAt.unixSeconds,
                clock.anchorAt.unixSeconds, clock.anchorRemaining, clock.dueAt?.unixSeconds,
                clock.pausedAt?.unixSeconds,
                clock.stoppedAt?.unixSeconds, clock.breachedAt?.unixSeconds,
            ]
        )
    }

    /// Records that a step due at `dueAt` fired; `false` when it had fired before (then its action must not run
    /// again).
    public func markStepFired(
        caseID: Int64,
        escalation: String,
        step: Int,
        action: String,
        dueAt: Date?,
        at: Date
    ) throws -> Bool {
        try database.execute(
            Self.markStepFiredSQL,
            [caseID, escalation, step, action, dueAt?.unixSeconds, at.unixSeconds]
        )
        return database.changes == 1
    }

    /// Sets a case's agency, priority and response deadline (after reassignment, a raise or a reload).
    public func updateCaseRouting(caseID: Int64, agency: String?, priority: String?, respondBy: Date?, at: Date) throws
    {
        try database.execute(
            Self.updateCaseRoutingSQL,
            [caseID, agency, priority, respondBy?.unixSeconds, at.unixSeconds]
        )
    }

    /// Marks a case overdue from `at`, unless it already is.
    public func markOverdue(caseID: Int64, at: Date) throws {
        try database.execute(Self.markOverdueSQL, [caseID, at.unixSeconds])
    }

    /// Clears a case's overdue mark (it closed).
    public func clearOverdue(caseID: Int64, at: Date) throws {
        try database.execute(Self.clearOverdueSQL, [caseID, at.unixSeconds])
    }

    /// The state a case had before its last hold, to return to on resume.
    public func stateBeforeHold(caseID: Int64) throws -> CaseState? {
        let sql = "SELECT from_state FROM events WHERE case_id = ?1 AND to_state = 'on_hold' ORDER BY id DESC LIMIT 1"
        return try database.scalar(sql, [caseID], as: String.self).flatMap(CaseState.init(rawValue:))
    }

    /// Every case's earliest pending due (see ``setNextDue(caseID:to:)``), in no particular order.
    ///
    /// A plain scan of `cases`: at start the scheduler reads them all, and a scan beats an index here. The scan goes
    /// through a small page cache: every page of `cases` read once would otherwise stay in the connection's 64 MiB
    /// cache (1M cases: most of the daemon's memory), though nothing reads most of them again soon.
    public func forEachNextDue(_ body: (_ caseID: Int64, _ dueAt: Date) throws -> Void) throws {
        let cacheSize = try database.scalar("PRAGMA cache_size", as: Int.self) ?? -2_048
        try database.execute("PRAGMA cache_size = -2048")
        defer { try? database.execute("PRAGMA cache_size = \(cacheSize)") }
        try database.query("SELECT id, next_due_at FROM cases WHERE next_due_at IS NOT NULL") { row in
            try body(row[0], Date(unixSeconds: row[1]))
        }
    }

    /// Stores a case's earliest pending due (its running clocks' and unfired steps' minimum; `nil`: none).
    ///
    /// - Returns: whether it changed, so that an unchanged case costs the scheduler nothing.
    @discardableResult
    public func setNextDue(caseID: Int64, to dueAt: Date?) throws -> Bool {
        try database.execute(Self.setNextDueSQL, [caseID, dueAt?.unixSeconds])
        return database.changes == 1
    }

    /// The hash of the rules every open case's deadlines were last recomputed under; `nil` before the first time.
    public func deadlinesRulesHash() throws -> String? {
        try database.scalar("SELECT value FROM store_state WHERE name = 'deadlines_rules_hash'", as: String.self)
    }

    /// Records that every open case's deadlines follow the rules with `hash`.
    public func setDeadlinesRulesHash(_ hash: String) throws {
        try database.execute(
            """
            INSERT INTO store_state (name, value) VALUES ('deadlines_rules_hash', ?1)
            ON CONFLICT (name) DO UPDATE SET value = excluded.value
            """,
            [hash]
        )
    }

    /// Up to `limit` ids of open cases with an active clock, above `caseID`, in id order (for batched recomputes).
    public func casesWithActiveClocks(after caseID: Int64, limit: Int) throws -> [Int64] {
        let sql = """
            SELECT DISTINCT case_id FROM clocks WHERE case_id > ?1 AND stopped_at IS NULL ORDER BY case_id LIMIT ?2
            """
        var ids: [Int64] = []
        try database.query(sql, [caseID, limit]) { ids.append($0[0]) }
        return ids
    }

    /// Keeps the text of a rule snapshot by its hash, so that any routed case can be explained later.
    ///
    /// Saving a hash that is already stored changes nothing, not even its first load time.
    /// - Parameter files: each file's path and text; stored as one JSON object.
    public func saveRuleSnapshot(hash: String, files: [String: String], at: Date) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let json = String(decoding: try encoder.encode(files), as: UTF8.self)
        try database.execute(Self.saveRuleSnapshotSQL, [hash, at.unixSeconds, json])
    }
}
