public import AduanCore
public import Foundation

// The deliveries table (Schema version 3): queued in the transaction that causes them, then taken by the dispatcher.
extension StoreTransaction {
    private static let nextDeliveryIDSQL = "SELECT coalesce(max(id), 0) + 1 FROM deliveries"

    private static let insertDeliverySQL = """
        INSERT INTO deliveries (id, case_id, event_id, agency, purpose, payload, created_at, next_attempt_at)
        VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?7)
        ON CONFLICT (case_id, event_id, agency) DO NOTHING
        """

    private static let dueDeliveriesSQL = """
        SELECT id, case_id, event_id, agency, purpose, payload, attempts FROM deliveries
        WHERE delivered_at IS NULL AND next_attempt_at <= ?1
        ORDER BY next_attempt_at, id LIMIT ?2
        """

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

    /// Queues a delivery, due at once, unless one for the same case, event and agency is already queued.
    ///
    /// - Parameter payload: builds the document to send from the new delivery's id (it names itself).
    /// - Returns: the new delivery's id, or `nil` when that case, event and agency already had one.
    @discardableResult
    public func insertDelivery(
        caseID: Int64,
        eventID: Int64,
        agency: String,
        purpose: DeliveryPurpose,
        at: Date,
        payload: (Int64) throws -> String
    ) throws -> Int64? {
        // The id is chosen before the insert so the payload can carry it; the write lock makes it ours.
        let id: Int64 = try database.scalar(Self.nextDeliveryIDSQL) ?? 1
        try database.execute(
            Self.insertDeliverySQL,
            [id, caseID, eventID, agency, purpose.rawValue, try payload(id), at.unixSeconds]
        )
        return database.changes == 0 ? nil : id
    }

    /// Up to `limit` undelivered deliveries due by `now`, the longest waiting first.
    public func dueDeliveries(at now: Date, limit: Int) throws -> [PendingDelivery] {
        var due: [PendingDelivery] = []
        try database.query(Self.dueDeliveriesSQL, [now.unixSeconds, limit]) { row in
            let purposeName: String = row[4]
            guard let purpose = DeliveryPurpose(rawValue: purposeName) else {
                throw StoreError("a delivery has an unknown purpose '\(purposeName)'", sql: Self.dueDeliveriesSQL)
            }
            due.append(
                PendingDelivery(
                    id: row[0],
                    caseID: row[1],
                    eventID: row[2],
                    agency: row[3],
                    purpose: purpose,
                    payload: row[5],
                    attempts: row[6]
                )
            )
        }
        return due
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
