public import AduanCore
public import Foundation

/// The reader side of the store: its own read-only connection, which WAL lets read while the writer writes.
///
/// Each query sees the transactions committed before it began, never a write in progress. Not thread-safe: the
/// caller confines a reader to one serial queue, or gives each queue its own reader.
public final class StoreReader {
    // Internal, not private: the reader's other queries live in extensions, one file per concern.
    let database: Database

    private static let sourceHealthSQL = """
        SELECT source, cursor, last_poll_at, last_success_at, items_in, items_quarantined, last_error
        FROM source_cursors ORDER BY source
        """

    /// Opens the database file read-only.
    ///
    /// - Throws: ``StoreError`` when the file does not exist, is not in WAL mode, or its schema is not the one this
    ///   binary knows (open a ``Store`` first: it creates and migrates).
    public init(path: String) throws {
        database = try Database(path: path, mode: .readOnly)
        try Schema.migrator.requireCurrentSchema(database)
    }

    /// Runs `body`'s queries in one read transaction, so that what they read agrees (one committed state).
    public func inReadTransaction<Value>(_ body: () throws -> Value) throws -> Value {
        try database.inTransaction(.deferred, body)
    }

    /// How many cases, open and closed, are in each state and with each agency; unrouted cases count by state only.
    ///
    /// Read from the counts the store's triggers keep (`case_counts`), not counted: a few dozen rows at any size.
    public func caseCounts() throws -> (byState: [String: Int], byAgency: [String: Int]) {
        var byState: [String: Int] = [:]
        var byAgency: [String: Int] = [:]
        try database.query("SELECT state, agency, cases FROM case_counts WHERE cases > 0") { row in
            let state: String = row[0]
            let agency: String = row[1]
            let cases: Int = row[2]
            byState[state, default: 0] += cases
            if !agency.isEmpty { byAgency[agency, default: 0] += cases }
        }
        return (byState, byAgency)
    }

    /// How many cases are past a deadline (or were marked overdue), from the counts the store's triggers keep.
    public func overdueCount() throws -> Int {
        try database.scalar("SELECT coalesce(sum(overdue), 0) FROM case_counts") ?? 0
    }

    /// How many complaints are stored, from the count the store's triggers keep.
    public func complaintCount() throws -> Int {
        try database.scalar("SELECT n FROM row_counts WHERE name = 'complaints'") ?? 0
    }

    /// The cases that pass `filter`, oldest complaint first.
    public func cases(_ filter: CaseFilter) throws -> [CaseSummary] {
        // State and agency have indexes on cases; the filters on the complaint (receipt time, region, words) and
        // the overdue mark ride on whichever plan those pick. Index conditions bind first, so that the count in
        // `sortsMatches` can reuse their arguments.
        var conditions: [String] = []
        var arguments: [any DatabaseValueConvertible] = []
        if let state = filter.state {
            arguments.append(state.rawValue)
            conditions.append("cases.state = ?\(arguments.count)")
        }
        if let agency = filter.agency {
            arguments.append(agency)
            conditions.append("cases.agency = ?\(arguments.count)")
        }
        let indexArguments = arguments
        var rowFilters: [String] = []
        if let since = filter.receivedSince {
            // On the walk in receipt order this is the range the walk starts from.
            arguments.append(since.unixSeconds)
            rowFilters.append("complaints.received_at >= ?\(arguments.count)")
        }
        if let region = filter.regionCode {
            arguments.append(region)
            rowFilters.append("complaints.region_code = ?\(arguments.count)")
        }
        // A LIKE scan, not an FTS5 index: on 1,000,000 complaints a word in 20 of them took 0.66 s to find (a
        // common one 1 ms, the walk stops at the limit), while keeping an external-content FTS5 index by trigger
        // added ~90 µs to every complaint stored, 7× the cost of inserting the complaint's row itself.
        for pattern in filter.searchPatterns {
            arguments.append(pattern)
            let parameter = "?\(arguments.count)"
            rowFilters.append(
                "(complaints.text LIKE \(parameter) ESCAPE '\\' OR complaints.title LIKE \(parameter) ESCAPE '\\')"
            )
        }
        if filter.isOverdueOnly { rowFilters.append("cases.overdue_at IS NOT NULL") }
        let index = filter.agency == nil ? "cases_state" : "cases_agency_state"
        let matches = conditions.joined(separator: " AND ")
        var source = "cases"
        var all = rowFilters
        if !conditions.isEmpty {
            if try sortsMatches(filter: filter, index: index, matches: matches, arguments: indexArguments) {
                source = "cases INDEXED BY \(index)"
                all = conditions + rowFilters
            } else {
                // Unary plus keeps SQLite from using the index, so it walks receipt order and stops at the limit.
                all = conditions.map { "+" + $0 } + rowFilters
            }
        }
        let condition = all.isEmpty ? "" : "WHERE " + all.joined(separator: " AND ")
        // A negative LIMIT is SQLite's "no limit".
        arguments.append(filter.limit > 0 ? filter.limit : -1)
        let sql = """
            SELECT \(CaseQueries.summaryColumns)
            FROM \(source) JOIN complaints ON complaints.id = cases.complaint_id
            \(condition)
            ORDER BY complaints.received_at, complaints.id
            LIMIT ?\(arguments.count)
            """
        var summaries: [CaseSummary] = []
        try database.query(sql, arguments) { row in
            summaries.append(try CaseQueries.summary(row))
        }
        return summaries
    }

    /// Above this many matching cases, a limited page walks receipt order instead of sorting every match.
    ///
    /// Either plan alone has a bad case (300,000 cases, a 100-row page): sorting the 112,500 cases in a common state
    /// took 270 ms, walking receipt order to find the single case in a rare state took 520 ms; each plan took under
    /// 3 ms where it fits. Walking order reads about `limit × cases ÷ matches` rows, so past this many matches it
    /// stays short, and below it the sort stays small.
    private static let sortedMatchesLimit = 10_000

    /// Whether to fetch a filter's matches through its index and sort them, rather than walk receipt order.
    private func sortsMatches(
        filter: CaseFilter,
        index: String,
        matches: String,
        arguments: [any DatabaseValueConvertible]
    ) throws -> Bool {
        guard filter.limit > 0 else { return true }
        let sql = """
            SELECT count(*) FROM (
                SELECT 1 FROM cases INDEXED BY \(index) WHERE \(matches) LIMIT \(Self.sortedMatchesLimit + 1)
            )
            """
        let count: Int = try database.scalar(sql, arguments) ?? 0
        return count <= Self.sortedMatchesLimit
    }

    /// A case with its complaint, clocks, the escalation steps that fired and history (oldest event first); `nil`
    /// when no case has that id. The steps still to come are planned from the rules, which the store does not hold:
    /// the daemon adds them before it answers `case show`.
    public func caseDetail(id: Int64) throws -> CaseDetail? {
        try database.inTransaction(.deferred) { try CaseQueries.detail(id: id, in: database) }
    }

    /// The rule snapshot whose hash starts with `hashPrefix` (at least 6 hex digits), with every file's text.
    ///
    /// - Throws: ``StoreError`` when the prefix matches several snapshots.
    public func ruleSnapshot(hashPrefix: String) throws -> RuleSnapshot? {
        let sql =
            "SELECT hash, first_loaded_at, files FROM rule_snapshots WHERE substr(hash, 1, length(?1)) = ?1 LIMIT 2"
        var found: [RuleSnapshot] = []
        try database.query(sql, [hashPrefix.lowercased()]) { row in
            let json: String = row[2]
            let files = try JSONDecoder().decode([String: String].self, from: Data(json.utf8))
            found.append(RuleSnapshot(hash: row[0], firstLoadedAt: Date(unixSeconds: row[1]), files: files))
        }
        guard found.count < 2 else {
            throw StoreError("several rule snapshots start with \(hashPrefix): give more digits")
        }
        return found.first
    }

    /// Complaints in the order they were stored, after the one with id `afterID`, received at or after `since`.
    ///
    /// - Returns: each complaint with its store id, the cursor for the next page.
    public func complaints(afterID: Int64, since: Date?, limit: Int) throws -> [(id: Int64, complaint: Complaint)] {
        let sql = """
            SELECT complaints.id, \(CaseQueries.complaintColumns)
            FROM complaints \(CaseQueries.reporterJoin)
            WHERE complaints.id > ?1 AND complaints.received_at >= ?2 ORDER BY complaints.id LIMIT ?3
            """
        var page: [(id: Int64, complaint: Complaint)] = []
        try database.query(sql, [afterID, since?.unixSeconds ?? Int64.min, limit]) { row in
            page.append((row[0], try CaseQueries.complaint(row, from: 1)))
        }
        return page
    }

    /// Recomputes the audit hash chain over every event, in one read snapshot.
    public func verifyAuditChain() throws -> AuditVerification {
        try database.inTransaction(.deferred) { try AuditVerifier.verify(database) }
    }

    /// Every source that has been polled, by name.
    public func sourceHealth() throws -> [SourceHealth] {
        var sources: [SourceHealth] = []
        try database.query(Self.sourceHealthSQL) { row in
            sources.append(
                SourceHealth(
                    source: row[0],
                    cursor: row[1],
                    lastPollAt: (row[2] as Int64?).map(Date.init(unixSeconds:)),
                    lastSuccessAt: (row[3] as Int64?).map(Date.init(unixSeconds:)),
                    itemsIn: row[4],
                    itemsQuarantined: row[5],
                    lastError: row[6]
                )
            )
        }
        return sources
    }

    /// The database file this reader opened.
    public var path: String { database.path }

    /// Closes the connection; the reader cannot be used afterwards. Deinitialising the reader closes it too.
    public func close() {
        database.close()
    }
}
