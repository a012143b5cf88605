public import Foundation

/// How a case was routed when it was opened: the rule snapshot and the history's `routed` event.
public struct CaseRoutingRecord: Sendable, Hashable {
    /// The hash of the rule snapshot that routed it.
    public var rulesHash: String?
    /// When it was routed.
    public var routedAt: Date?
    /// The decision's one-line reason, as recorded.
    public var reason: String?
    /// The event's machine-readable data (JSON), when the daemon that routed it recorded any.
    public var data: String?

    /// Creates a record.
    public init(rulesHash: String?, routedAt: Date?, reason: String?, data: String?) {
        self.rulesHash = rulesHash
        self.routedAt = routedAt
        self.reason = reason
        self.data = data
    }
}

extension StoreReader {
    /// How the case was routed when it was opened; `nil` when no case has that id.
    public func routingRecord(caseID: Int64) throws -> CaseRoutingRecord? {
        // The first `routed` event: events_case_id finds the case's few events, already in id order.
        let sql = """
            SELECT cases.rules_hash, routed.at, routed.reason, routed.data
            FROM cases LEFT JOIN events AS routed ON routed.id = (
                SELECT id FROM events WHERE case_id = cases.id AND kind = 'routed' ORDER BY id LIMIT 1
            )
            WHERE cases.id = ?1
            """
        var found: CaseRoutingRecord?
        try database.query(sql, [caseID]) { row in
            found = CaseRoutingRecord(
                rulesHash: row[0],
                routedAt: (row[1] as Int64?).map(Date.init(unixSeconds:)),
                reason: row[2],
                data: row[3]
            )
        }
        return found
    }
}
