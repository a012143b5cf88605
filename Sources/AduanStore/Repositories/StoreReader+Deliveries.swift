public import AduanCore
import Foundation

// `aduanctl deliveries`: the newest first; failed ones through the partial index of undelivered rows.
extension StoreReader {
    private static let deliveryColumns = """
        id, case_id, agency, purpose, attempts, created_at, next_attempt_at, delivered_at, last_error
        """

    /// Deliveries, newest first.
    ///
    /// - Parameters:
    ///   - isFailedOnly: only undelivered ones whose last attempt failed.
    ///   - limit: at most this many; `0` = all.
    public func deliveries(isFailedOnly: Bool, limit: Int) throws -> [DeliveryRecord] {
        let source =
            isFailedOnly
            ? "deliveries INDEXED BY deliveries_due WHERE delivered_at IS NULL AND last_error IS NOT NULL"
            : "deliveries"
        let sql = "SELECT \(Self.deliveryColumns) FROM \(source) ORDER BY id DESC LIMIT ?1"
        var records: [DeliveryRecord] = []
        // A negative LIMIT is SQLite's "no limit".
        try database.query(sql, [limit > 0 ? limit : -1]) { row in
            let purposeName: String = row[3]
            guard let purpose = DeliveryPurpose(rawValue: purposeName) else {
                throw StoreError("a delivery has an unknown purpose '\(purposeName)'", sql: sql)
            }
            records.append(
                DeliveryRecord(
                    id: String(row[0] as Int64),
                    caseID: String(row[1] as Int64),
                    agency: row[2],
                    purpose: purpose,
                    attempts: row[4],
                    createdAt: Date(unixSeconds: row[5]),
                    nextAttemptAt: (row[6] as Int64?).map(Date.init(unixSeconds:)),
                    deliveredAt: (row[7] as Int64?).map(Date.init(unixSeconds:)),
                    lastError: row[8]
                )
            )
        }
        return records
    }
}
