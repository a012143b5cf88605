public import AduanCore
public import Foundation

/// The writes of one transaction; valid only inside the ``Store/write(_:)`` closure that received it.
public struct StoreTransaction {
    let database: Database

    private static let insertComplaintSQL = """
        INSERT INTO complaints (source, external_id, title, text, channel, region_code, region_text, reporter_name,
            reporter_contact, reporter_kind, latitude, longitude, address, received_at, ingested_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)
        ON CONFLICT (source, external_id) DO NOTHING
        """

    private static let insertCaseSQL = """
        INSERT INTO cases (complaint_id, state, agency, route, priority, rules_hash, respond_by, created_at,
            updated_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?8)
        """

    private static let updateCaseStateSQL = "UPDATE cases SET state = ?1, updated_at = ?2 WHERE id = ?3"

    private static let appendEventSQL = """
        INSERT INTO events (case_id, at, actor, kind, from_state, to_state, reason, data)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
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

    private static let saveRuleSnapshotSQL = """
        INSERT INTO rule_snapshots (hash, first_loaded_at, files) VALUES (?1, ?2, ?3)
        ON CONFLICT (hash) DO NOTHING
        """

    /// Stores a complaint unless its `(source, externalID)` is already stored.
    ///
    /// - Returns: the new complaint's id, or `nil` when it was already stored: ingesting twice is a no-op.
    public func insertComplaint(_ complaint: Complaint, ingestedAt: Date) throws -> Int64? {
        try database.execute(
            Self.insertComplaintSQL,
            [
                complaint.source, complaint.externalID, complaint.title, complaint.text, complaint.channel.rawValue,
                complaint.region?.code, complaint.regionText, complaint.reporter?.name, complaint.reporter?.contact,
                complaint.reporter?.kind, complaint.location?.latitude, complaint.location?.longitude,
                complaint.location?.address, complaint.receivedAt.unixSeconds, ingestedAt.unixSeconds,
            ]
        )
        return database.changes == 0 ? nil : database.lastInsertedRowID
    }

    /// Opens the case of a stored complaint.
    ///
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
        at: Date
    ) throws -> Int64 {
        try database.execute(
            Self.insertCaseSQL,
            [complaintID, state.rawValue, agency, route, priority, rulesHash, respondBy?.unixSeconds, at.unixSeconds]
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

    /// Appends an entry to the audit history; `caseID` is `nil` for events of the daemon as a whole.
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
        try database.execute(
            Self.appendEventSQL,
            [caseID, at.unixSeconds, actor, kind, from?.rawValue, to?.rawValue, reason, data]
        )
        return database.lastInsertedRowID
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

    /// Marks an update item as applied to a case, so that the same item delivered again changes nothing.
    ///
    /// - Returns: `false` when that `(source, externalID)` was applied before.
    public func recordUpdate(source: String, externalID: String, caseID: Int64, at: Date) throws -> Bool {
        try database.execute(Self.recordUpdateSQL, [source, externalID, caseID, at.unixSeconds])
        return database.changes == 1
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
