import AduanCore
public import Foundation

/// What each agency's cases did: how many are open and overdue, and when each respond clock's case was answered.
///
/// The raw material of `aduanctl agencies`; working-time percentiles are computed on the rules' calendar by the
/// caller, which the store does not know.
public struct AgencyActivity: Sendable, Hashable {
    /// Case counts of one agency.
    public struct Counts: Sendable, Hashable {
        /// Cases routed to it.
        public var cases: Int
        /// Of those, the ones still open.
        public var open: Int
        /// Of those, the open ones past a deadline.
        public var overdue: Int

        /// Creates counts.
        public init(cases: Int, open: Int, overdue: Int) {
            self.cases = cases
            self.open = open
            self.overdue = overdue
        }
    }

    /// One case that was dispatched to an agency (it has a respond clock).
    public struct Response: Sendable, Hashable {
        /// The agency now responsible.
        public var agency: String
        /// When the complaint was received.
        public var receivedAt: Date
        /// The first follow-up (`in_progress`) or settlement (`resolved`), if any.
        public var answeredAt: Date?
        /// When the respond clock was due; `nil` when it stopped while paused.
        public var respondDue: Date?
        /// When the respond clock went past its due time, if it did.
        public var respondBreachedAt: Date?

        /// Creates a response record.
        public init(agency: String, receivedAt: Date, answeredAt: Date?, respondDue: Date?, respondBreachedAt: Date?) {
            self.agency = agency
            self.receivedAt = receivedAt
            self.answeredAt = answeredAt
            self.respondDue = respondDue
            self.respondBreachedAt = respondBreachedAt
        }
    }

    /// Counts by agency id.
    public var counts: [String: Counts]
    /// Every dispatched case, in no particular order.
    public var responses: [Response]
}

extension StoreReader {
    /// The activity of every agency's cases received at or after `since` (all cases when `nil`).
    public func agencyActivity(since: Date?) throws -> AgencyActivity {
        let answered = [CaseState.inProgress, .resolved].map { "'\($0.rawValue)'" }.joined(separator: ", ")
        // Plans checked on 1,000,000 cases. Without `since`: counts by agency and state are a covering scan of
        // cases_agency_state (184 ms) and the overdue ones come from the partial index cases_overdue (55 ms); left to
        // itself SQLite groups the overdue count by walking cases_agency_state with a row lookup each (2.7 s). With
        // `since`: CROSS JOIN makes the walk start at the receipt-time range (146 ms for the last 100,000; 5 s when
        // SQLite drove from the agency index).
        let countsSQL =
            since == nil
            ? "SELECT agency, state, count(*) FROM cases WHERE agency IS NOT NULL GROUP BY agency, state"
            : """
            SELECT cases.agency, cases.state, count(*)
            FROM complaints CROSS JOIN cases ON cases.complaint_id = complaints.id
            WHERE cases.agency IS NOT NULL AND complaints.received_at >= ?1 GROUP BY cases.agency, cases.state
            """
        let overdueSQL =
            since == nil
            ? "SELECT agency, count(*) FROM cases INDEXED BY cases_overdue WHERE overdue_at IS NOT NULL GROUP BY agency"
            : """
            SELECT cases.agency, count(*)
            FROM complaints CROSS JOIN cases ON cases.complaint_id = complaints.id
            WHERE cases.overdue_at IS NOT NULL AND complaints.received_at >= ?1 GROUP BY cases.agency
            """
        // One row per respond clock, walking the receipt-time range; the first answer comes from the case's own
        // events through events_case_id (1,000,000 cases: 8 s on a busy machine; the last 100,000: 0.8 s).
        let responsesSQL = """
            SELECT cases.agency, complaints.received_at, (
                    SELECT min(at) FROM events WHERE events.case_id = cases.id AND events.to_state IN (\(answered))
                ), clocks.due_at, clocks.breached_at
            FROM clocks JOIN cases ON cases.id = clocks.case_id JOIN complaints ON complaints.id = cases.complaint_id
            WHERE clocks.kind = 'respond' AND cases.agency IS NOT NULL AND complaints.received_at >= ?1
            """
        let sinceSeconds = since?.unixSeconds ?? Int64.min
        return try database.inTransaction(.deferred) {
            let sinceArguments: [any DatabaseValueConvertible] = since == nil ? [] : [sinceSeconds]
            let none = AgencyActivity.Counts(cases: 0, open: 0, overdue: 0)
            var counts: [String: AgencyActivity.Counts] = [:]
            try database.query(countsSQL, sinceArguments) { row in
                let count: Int = row[2]
                counts[row[0], default: none].cases += count
                if CaseState(rawValue: row[1])?.isOpen == true { counts[row[0], default: none].open += count }
            }
            try database.query(overdueSQL, sinceArguments) { row in
                counts[row[0], default: none].overdue = row[1]
            }
            var responses: [AgencyActivity.Response] = []
            try database.query(responsesSQL, [sinceSeconds]) { row in
                responses.append(
                    AgencyActivity.Response(
                        agency: row[0],
                        receivedAt: Date(unixSeconds: row[1]),
                        answeredAt: (row[2] as Int64?).map(Date.init(unixSeconds:)),
                        respondDue: (row[3] as Int64?).map(Date.init(unixSeconds:)),
                        respondBreachedAt: (row[4] as Int64?).map(Date.init(unixSeconds:))
                    )
                )
            }
            return AgencyActivity(counts: counts, responses: responses)
        }
    }
}
