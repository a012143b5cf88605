/// One request on the control socket: a JSON object on one line, e.g. `{"id":1,"op":"status"}`.
///
/// Parameters are flat keys next to `op` so that a request can be typed by hand with `socat`.
public struct ControlRequest: Sendable, Hashable, Codable {
    /// Echoed in the response so that a client can match answers to questions.
    public var id: Int?
    /// The operation.
    public var op: ControlOperation
    /// `cases`: only cases in this state.
    public var state: String?
    /// `cases`: only cases routed to this agency id; `case.forward`, `case.assign`: the agency the case goes to.
    public var agency: String?
    /// `cases`: at most this many (default 100, `0` = all).
    public var limit: Int?
    /// `case.*`, `reporter.erase`: the case id.
    public var caseID: String?
    /// `cases`: only cases past a deadline.
    public var overdue: Bool?
    /// Lifecycle changes and `reporter.erase`: why, recorded in the case's history.
    public var note: String?
    /// `rules.show`: the snapshot's hash or a prefix of at least 6 hex digits.
    public var hash: String?
    /// `complaints.export`, `cases`, `agencies`: only complaints received at or after this RFC 3339 time.
    public var since: String?
    /// `complaints.export`: the page starts after this store id (0 for the first page).
    public var afterID: Int64?
    /// `quarantine.*`: the intake source's name.
    public var source: String?
    /// `quarantine.show|retry|drop`: the quarantined file's name.
    public var name: String?
    /// `cases`: only cases from this region (official name, `Kab.` name or Kemendagri code).
    public var region: String?
    /// `cases`: only cases whose title or text contains every word of this text, in any case.
    public var search: String?
    /// `deliveries`: only undelivered ones whose last attempt failed.
    public var failed: Bool?
    /// `backup`: the absolute path of the copy to write; it must not exist.
    public var path: String?

    /// Creates a request.
    public init(
        id: Int? = nil,
        op: ControlOperation,
        state: String? = nil,
        agency: String? = nil,
        limit: Int? = nil,
        caseID: String? = nil,
        overdue: Bool? = nil,
        note: String? = nil,
        hash: String? = nil,
        since: String? = nil,
        afterID: Int64? = nil,
        source: String? = nil,
        name: String? = nil,
        region: String? = nil,
        search: String? = nil,
        failed: Bool? = nil,
        path: String? = nil
    ) {
        self.id = id
        self.op = op
        self.state = state
        self.agency = agency
        self.limit = limit
        self.caseID = caseID
        self.overdue = overdue
        self.note = note
        self.hash = hash
        self.since = since
        self.afterID = afterID
        self.source = source
        self.name = name
        self.region = region
        self.search = search
        self.failed = failed
        self.path = path
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case op
        case state
        case agency
        case limit
        case caseID = "case_id"
        case overdue
        case note
        case hash
        case since
        case afterID = "after_id"
        case source
        case name
        case region
        case search
        case failed
        case path
    }
}

/// The operations the control socket answers.
public enum ControlOperation: String, Sendable, Hashable, Codable, CaseIterable {
    /// Daemon health, rules and case counts: ``StatusReport``.
    case status
    /// A filtered list of cases, oldest first: `[CaseSummary]`.
    case cases
    /// One case with its complaint and history: `CaseDetail`.
    case caseShow = "case.show"
    /// The admin accepts a received case and dispatches it to its agency: the updated `CaseSummary`.
    case caseVerify = "case.verify"
    /// Waits for the citizen (tunda); clocks pause: the updated `CaseSummary`.
    case caseHold = "case.hold"
    /// Ends a hold; clocks resume with their remaining working time: the updated `CaseSummary`.
    case caseResume = "case.resume"
    /// The agency's follow-up (ditindaklanjuti); stops the respond clock: the updated `CaseSummary`.
    case caseRespond = "case.respond"
    /// The matter is settled (selesai); stops every clock: the updated `CaseSummary`.
    case caseResolve = "case.resolve"
    /// Reloads the rules and answers once the new snapshot serves or was refused: a `ReloadOutcome`.
    case reload
    /// The text of a rule snapshot that served, by hash: a `RuleSnapshot`.
    case rulesShow = "rules.show"
    /// A page of stored complaints in spool format, in store order: an ``ExportPage``.
    case complaintsExport = "complaints.export"
    /// Every intake source's health: `[SourceStatus]`.
    case sources
    /// Quarantined files, of one source or all: `[QuarantineEntry]`.
    case quarantineList = "quarantine.list"
    /// One quarantined file with its reason and content: `QuarantineItem`.
    case quarantineShow = "quarantine.show"
    /// Puts a quarantined file back where its source reads it: the `QuarantineEntry` moved.
    case quarantineRetry = "quarantine.retry"
    /// Deletes a quarantined file for good, recorded in the audit trail: the `QuarantineEntry` deleted.
    case quarantineDrop = "quarantine.drop"
    /// Recomputes the audit hash chain: an `AuditVerification` (intact with the event count, or the first broken event).
    case auditVerify = "audit.verify"
    /// Erases the personal data of a case's reporter, recorded as a `reporter_erased` event: a ``ReporterErasureReport``.
    case reporterErase = "reporter.erase"
    /// How the case was routed and why, its clocks, and how today's rules would route it: a ``CaseExplanation``.
    case caseWhy = "case.why"
    /// Not the province's authority (bukan wewenang): forwarded to `agency`, every clock stops: the updated
    /// `CaseSummary`.
    case caseForward = "case.forward"
    /// Another agency of the province becomes responsible; state and clocks are kept: the updated `CaseSummary`.
    case caseAssign = "case.assign"
    /// Nothing more will happen (diarsipkan); every clock stops: the updated `CaseSummary`.
    case caseArchive = "case.archive"
    /// Per agency: open and overdue cases, working time to first response, share answered within SLA:
    /// `[AgencyReport]`.
    case agencies
    /// Deliveries to agencies, newest first (`failed`, `limit`): `[DeliveryRecord]`.
    case deliveries
    /// An online copy of the database, checked: a ``BackupReport``.
    case backup
    /// Counters and gauges for monitoring: `[MetricFamily]`, rendered by ``PrometheusText``.
    case metrics

    /// Whether the operation changes state (and so needs the admin permission).
    public var isChange: Bool {
        switch self {
        case .status, .cases, .caseShow, .rulesShow, .complaintsExport, .sources, .quarantineList, .quarantineShow,
            .auditVerify, .caseWhy, .agencies, .deliveries, .metrics:
            false
        // A backup writes a file as the daemon's user, wherever the caller names.
        case .caseVerify, .caseHold, .caseResume, .caseRespond, .caseResolve, .reload, .quarantineRetry,
            .quarantineDrop, .reporterErase, .caseForward, .caseAssign, .caseArchive, .backup:
            true
        }
    }
}
