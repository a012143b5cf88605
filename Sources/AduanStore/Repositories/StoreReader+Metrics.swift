/// The counts behind `aduanctl metrics`, each one indexed query (checked with EXPLAIN QUERY PLAN).
extension StoreReader {
    /// Counts of the store for monitoring, read in one snapshot.
    public struct MetricCounts: Sendable, Hashable {
        /// Complaints stored, per source (`UNIQUE (source, external_id)`'s index covers it).
        public var complaintsBySource: [String: Int] = [:]
        /// Cases per state and agency (`""` for unrouted), from the `cases_agency_state` index.
        public var casesByStateAndAgency: [CaseGroup: Int] = [:]
        /// Overdue cases per agency (`""` for unrouted), from the partial `cases_overdue` index.
        public var overdueByAgency: [String: Int] = [:]
        /// Each polled source's health.
        public var sources: [SourceHealth] = []
    }

    /// A state and an agency.
    public struct CaseGroup: Sendable, Hashable {
        /// The lifecycle state.
        public var state: String
        /// The agency id, `""` when unrouted.
        public var agency: String
    }

    /// Reads every count in one read transaction, so that they agree with each other.
    public func metricCounts() throws -> MetricCounts {
        try database.inTransaction(.deferred) {
            var counts = MetricCounts()
            try database.query("SELECT source, count(*) FROM complaints GROUP BY source") { row in
                counts.complaintsBySource[row[0]] = row[1]
            }
            let casesSQL = "SELECT state, coalesce(agency, ''), count(*) FROM cases GROUP BY agency, state"
            try database.query(casesSQL) { row in
                counts.casesByStateAndAgency[CaseGroup(state: row[0], agency: row[1])] = row[2]
            }
            // Left alone, SQLite walks cases_agency_state for the grouping and looks every case up; the overdue
            // cases are few, so reading them through their partial index and sorting them is the cheap plan.
            let overdueSQL = """
                SELECT coalesce(agency, ''), count(*) FROM cases INDEXED BY cases_overdue
                WHERE overdue_at IS NOT NULL GROUP BY agency
                """
            try database.query(overdueSQL) { row in counts.overdueByAgency[row[0]] = row[1] }
            counts.sources = try sourceHealth()
            return counts
        }
    }
}
