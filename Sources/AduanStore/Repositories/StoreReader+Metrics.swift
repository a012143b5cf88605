/// The counts behind `aduanctl metrics`: indexed queries (checked with EXPLAIN QUERY PLAN) and kept counts.
extension StoreReader {
    /// Counts of the store for monitoring, read in one snapshot.
    public struct MetricCounts: Sendable, Hashable {
        /// Complaints stored, per source (`UNIQUE (source, external_id)`'s index covers it).
        public var complaintsBySource: [String: Int] = [:]
        /// Cases per state and agency (`""` for unrouted), from the `case_counts` table.
        public var casesByStateAndAgency: [CaseGroup: Int] = [:]
        /// Overdue cases per agency (`""` for unrouted), from the `case_counts` table.
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
            // The counts the store's triggers keep, not a count of the cases (CountsMigration).
            try database.query("SELECT state, agency, cases, overdue FROM case_counts WHERE cases > 0") { row in
                let agency: String = row[1]
                counts.casesByStateAndAgency[CaseGroup(state: row[0], agency: agency)] = row[2]
                let overdue: Int = row[3]
                if overdue > 0 { counts.overdueByAgency[agency, default: 0] += overdue }
            }
            counts.sources = try sourceHealth()
            return counts
        }
    }
}
