import AduanCore
import Foundation

/// The reads of a case that both the reader and a write transaction need (a transition reads the case it changes).
enum CaseQueries {
    /// The columns every case query selects first, decoded by ``summary(_:)``.
    static let summaryColumns = """
        cases.id, complaints.external_id, complaints.source, cases.state, cases.agency, cases.route, cases.priority,
        complaints.title, complaints.region_code, complaints.region_text, complaints.received_at, cases.respond_by,
        cases.overdue_at
        """

    private static let summarySQL = """
        SELECT \(summaryColumns) FROM cases JOIN complaints ON complaints.id = cases.complaint_id WHERE cases.id = ?1
        """

    /// The columns of a whole complaint, decoded by ``complaint(_:from:)``; select them with ``reporterJoin``.
    static let complaintColumns = """
        complaints.source, complaints.external_id, complaints.title, complaints.text, complaints.channel,
        complaints.region_code, complaints.region_text, reporters.name, reporters.contact,
        complaints.reporter_kind, complaints.latitude, complaints.longitude, complaints.address, complaints.received_at,
        reporters.nik
        """

    /// Joins the reporter's personal data, kept apart in `reporters` (absent when none was given or it was erased).
    static let reporterJoin = "LEFT JOIN reporters ON reporters.complaint_id = complaints.id"

    private static let detailSQL = """
        SELECT \(summaryColumns), \(complaintColumns)
        FROM cases JOIN complaints ON complaints.id = cases.complaint_id \(reporterJoin)
        WHERE cases.id = ?1
        """

    private static let eventsSQL = """
        SELECT id, at, actor, kind, from_state, to_state, reason FROM events WHERE case_id = ?1 ORDER BY id
        """

    private static let clocksSQL = """
        SELECT kind, budget_amount, budget_unit, started_at, anchor_at, anchor_remaining, due_at, paused_at,
            stopped_at, breached_at
        FROM clocks WHERE case_id = ?1
        """

    private static let stepsSQL = """
        SELECT escalation, step, action, due_at, fired_at FROM escalation_steps WHERE case_id = ?1
        ORDER BY escalation, step
        """

    /// One case as listed; `nil` when no case has that id.
    static func summary(id: Int64, in database: Database) throws -> CaseSummary? {
        var found: CaseSummary?
        try database.query(summarySQL, [id]) { found = try summary($0) }
        return found
    }

    /// A case with its complaint, clocks, steps and history; `nil` when no case has that id.
    static func detail(id: Int64, in database: Database) throws -> CaseDetail? {
        var found: (summary: CaseSummary, complaint: Complaint)?
        try database.query(detailSQL, [id]) { row in
            found = (try summary(row), try complaint(row, from: 13))
        }
        guard let found else { return nil }
        var events: [CaseEvent] = []
        try database.query(eventsSQL, [id]) { row in
            events.append(
                CaseEvent(
                    id: row[0],
                    at: Date(unixSeconds: row[1]),
                    actor: row[2],
                    kind: row[3],
                    fromState: try state(row[4], sql: eventsSQL),
                    toState: try state(row[5], sql: eventsSQL),
                    reason: row[6]
                )
            )
        }
        return CaseDetail(
            summary: found.summary,
            complaint: found.complaint,
            clocks: try clocks(caseID: id, in: database),
            steps: try steps(caseID: id, in: database),
            events: events
        )
    }

    /// A case's clocks, in the order of ``ClockKind``.
    static func clocks(caseID: Int64, in database: Database) throws -> [CaseClock] {
        var clocks: [CaseClock] = []
        try database.query(clocksSQL, [caseID]) { row in
            let kindName: String = row[0]
            let unitName: String = row[2]
            guard let kind = ClockKind(rawValue: kindName), let unit = WorkingDuration.Unit(rawValue: unitName) else {
                throw StoreError("case \(caseID) has a clock '\(kindName)' of unknown kind or unit", sql: clocksSQL)
            }
            clocks.append(
                CaseClock(
                    kind: kind,
                    budget: WorkingDuration(row[1], unit),
                    startedAt: Date(unixSeconds: row[3]),
                    anchorAt: Date(unixSeconds: row[4]),
                    anchorRemaining: (row[5] as Int64?).map(Int.init),
                    dueAt: date(row[6]),
                    pausedAt: date(row[7]),
                    stoppedAt: date(row[8]),
                    breachedAt: date(row[9])
                )
            )
        }
        let order = ClockKind.allCases
        return clocks.sorted { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }
    }

    /// A case's escalation steps, by ladder and position.
    static func steps(caseID: Int64, in database: Database) throws -> [EscalationStepStatus] {
        var steps: [EscalationStepStatus] = []
        try database.query(stepsSQL, [caseID]) { row in
            steps.append(
                EscalationStepStatus(
                    escalation: row[0],
                    step: row[1],
                    action: row[2],
                    dueAt: date(row[3]),
                    firedAt: date(row[4])
                )
            )
        }
        return steps
    }

    /// Decodes the columns of ``complaintColumns``, starting at column `first`.
    static func complaint(_ row: Row, from first: Int32) throws -> Complaint {
        let channelName: String = row[first + 4]
        guard let channel = Channel(rawValue: channelName) else {
            throw StoreError("complaint \(row[first + 1] as String) has an unknown channel '\(channelName)'")
        }
        let reporter = Reporter(
            name: row[first + 7],
            contact: row[first + 8],
            kind: row[first + 9],
            nik: row[first + 14]
        )
        let location = GeoLocation(latitude: row[first + 10], longitude: row[first + 11], address: row[first + 12])
        return Complaint(
            source: row[first],
            externalID: row[first + 1],
            title: row[first + 2],
            text: row[first + 3],
            channel: channel,
            regionText: row[first + 6],
            region: region(code: row[first + 5]),
            reporter: reporter == Reporter() ? nil : reporter,
            location: location == GeoLocation() ? nil : location,
            receivedAt: Date(unixSeconds: row[first + 13])
        )
    }

    /// Decodes the columns of ``summaryColumns``.
    static func summary(_ row: Row) throws -> CaseSummary {
        let caseID: Int64 = row[0]
        let stateName: String = row[3]
        guard let state = CaseState(rawValue: stateName) else {
            throw StoreError("case \(caseID) has an unknown state '\(stateName)'")
        }
        let regionText: String? = row[9]
        return CaseSummary(
            id: String(caseID),
            externalID: row[1],
            source: row[2],
            state: state,
            agency: row[4],
            route: row[5],
            priority: row[6],
            title: row[7],
            region: region(code: row[8])?.name ?? regionText,
            receivedAt: Date(unixSeconds: row[10]),
            respondBy: date(row[11]),
            overdueSince: date(row[12])
        )
    }

    private static func date(_ seconds: Int64?) -> Date? {
        seconds.map(Date.init(unixSeconds:))
    }

    private static func region(code: String?) -> Region? {
        guard let code else { return nil }
        return Region.banten.first { $0.code == code }
    }

    private static func state(_ name: String?, sql: String) throws -> CaseState? {
        guard let name else { return nil }
        guard let state = CaseState(rawValue: name) else {
            throw StoreError("an event has an unknown state '\(name)'", sql: sql)
        }
        return state
    }
}
