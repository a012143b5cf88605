public import AduanCore
public import Foundation

// The deliveries table (Schema version 3): queued in the transaction that causes them, then taken by the dispatcher.
extension StoreTransaction {
    private static let insertDeliverySQL = """
        INSERT INTO deliveries (case_id, event_id, agency, purpose, reason, notice, created_at, next_attempt_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
        ON CONFLICT (case_id, event_id, agency) DO NOTHING
        """

    private static let savePayloadSQL = "UPDATE deliveries SET payload = ?2 WHERE id = ?1 AND payload IS NULL"

    private static let nextAttemptSQL = """
        SELECT min(next_attempt_at) FROM deliveries WHERE delivered_at IS NULL AND next_attempt_at > ?1
        """

    private static let markDeliveredSQL = """
        UPDATE deliveries SET delivered_at = ?2, attempts = attempts + 1, next_attempt_at = NULL, last_error = NULL
        WHERE id = ?1 AND delivered_at IS NULL
        """

    private static let markFailedSQL = """
        UPDATE deliveries SET attempts = attempts + 1, next_attempt_at = ?2, last_error = ?3
        WHERE id = ?1 AND delivered_at IS NULL
        """

    /// Queues a delivery, due at once, unless one for the same case, event and agency is already queued; its
    /// document is built at its first attempt (``dueDeliveries(at:limit:excludingIDs:excludingAgencies:document:)``).
    ///
    /// - Parameters:
    ///   - reason: one line for people: why this delivery exists.
    ///   - notice: an escalation notice's step, as JSON.
    /// - Returns: the new delivery's id, or `nil` when that case, event and agency already had one.
    @discardableResult
    public func insertDelivery(
        caseID: Int64,
        eventID: Int64,
        agency: String,
        purpose: DeliveryPurpose,
        reason: String,
        notice: String? = nil,
        at: Date
    ) throws -> Int64? {
        try database.execute(
            Self.insertDeliverySQL,
            [caseID, eventID, agency, purpose.rawValue, reason, notice, at.unixSeconds]
        )
        return database.changes == 0 ? nil : database.lastInsertedRowID
    }

    /// Up to `limit` undelivered deliveries due by `now`, the longest waiting first, each with its document.
    ///
    /// A delivery taken for the first time gets its document from `document`, stored here before anything is sent,
    /// so that every attempt (after a crash too) sends the same bytes.
    /// - Parameters:
    ///   - excludingIDs: deliveries in flight, not to be taken twice.
    ///   - excludingAgencies: agencies that take no more at the moment, so that their backlog never hides the
    ///     others' deliveries.
    public func dueDeliveries(
        at now: Date,
        limit: Int,
        excludingIDs: some Collection<Int64> = [],
        excludingAgencies: some Collection<String> = [],
        document: (DeliveryDraft) throws -> String
    ) throws -> [PendingDelivery] {
        var arguments: [any DatabaseValueConvertible] = [now.unixSeconds, limit]
        var conditions = ["delivered_at IS NULL", "next_attempt_at <= ?1"]
        func placeholders(_ values: [any DatabaseValueConvertible]) -> String {
            let first = arguments.count + 1
            arguments += values
            return (first..<first + values.count).map { "?\($0)" }.joined(separator: ", ")
        }
        if !excludingIDs.isEmpty { conditions.append("id NOT IN (\(placeholders(Array(excludingIDs))))") }
        if !excludingAgencies.isEmpty {
            conditions.append("agency NOT IN (\(placeholders(Array(excludingAgencies))))")
        }
        // The range of the partial index deliveries_due, in due order: no sort, and it stops at the limit.
        let sql = """
            SELECT id, case_id, event_id, agency, purpose, payload, attempts, reason, notice, created_at FROM deliveries
            WHERE \(conditions.joined(separator: " AND ")) ORDER BY next_attempt_at LIMIT ?2
            """
        var due: [(draft: DeliveryDraft, payload: String?, attempts: Int)] = []
        try database.query(sql, arguments) { row in
            let purposeName: String = row[4]
            guard let purpose = DeliveryPurpose(rawValue: purposeName) else {
                throw StoreError("a delivery has an unknown purpose '\(purposeName)'", sql: sql)
            }
            let draft = DeliveryDraft(
                id: row[0],
                caseID: row[1],
                eventID: row[2],
                agency: row[3],
                purpose: purpose,
                reason: row[7],
                notice: row[8],
                createdAt: Date(unixSeconds: row[9])
            )
            due.append((draft, row[5], row[6]))
        }
        // Built after the query has finished: building reads the case through the same connection.
        return try due.map { draft, stored, attempts in
            let payload: String
            if let stored {
                payload = stored
            } else {
                payload = try document(draft)
                try database.execute(Self.savePayloadSQL, [draft.id, payload])
            }
            return PendingDelivery(
                id: draft.id,
                caseID: draft.caseID,
                eventID: draft.eventID,
                agency: draft.agency,
                purpose: draft.purpose,
                payload: payload,
                attempts: attempts
            )
        }
    }

    /// The earliest retry after `now` of an undelivered delivery, if any.
    public func nextDeliveryAttempt(after now: Date) throws -> Date? {
        // min() over no rows is one row holding NULL.
        let seconds = try database.scalar(Self.nextAttemptSQL, [now.unixSeconds], as: Int64?.self)
        return seconds.flatMap { $0 }.map(Date.init(unixSeconds:))
    }

    /// Records a successful attempt; a delivery delivered before is left as it was.
    public func markDelivered(id: Int64, at: Date) throws {
        try database.execute(Self.markDeliveredSQL, [id, at.unixSeconds])
    }

    /// Records a failed attempt and when to try again.
    ///
    /// - Parameter nextAttempt: rounded up to the store's whole seconds, so a retry never comes early.
    public func markDeliveryFailed(id: Int64, error: String, nextAttempt: Date) throws {
        let seconds = Int64(nextAttempt.timeIntervalSince1970.rounded(.up))
        try database.execute(Self.markFailedSQL, [id, seconds, error])
    }
}

// What a delivery's payload needs beyond the case summary, for deliveries queued after intake.
extension StoreTransaction {
    /// The complaint behind a case; `nil` when no case has that id.
    public func complaint(caseID: Int64) throws -> Complaint? {
        let sql = """
            SELECT \(CaseQueries.complaintColumns)
            FROM cases JOIN complaints ON complaints.id = cases.complaint_id \(CaseQueries.reporterJoin)
            WHERE cases.id = ?1
            """
        var found: Complaint?
        try database.query(sql, [caseID]) { found = try CaseQueries.complaint($0, from: 0) }
        return found
    }

    /// Why the router chose the case's route: the reason of its first `routed` event.
    public func routingReason(caseID: Int64) throws -> String? {
        let sql = "SELECT reason FROM events WHERE case_id = ?1 AND kind = 'routed' ORDER BY id LIMIT 1"
        return try database.scalar(sql, [caseID], as: String?.self).flatMap { $0 }
    }
}
