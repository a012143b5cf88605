public import Foundation

/// What `aduanctl status` shows: the daemon's health, its rules and its cases.
public struct StatusReport: Sendable, Hashable, Codable {
    /// Seconds since the daemon started.
    public var uptimeSeconds: Int
    /// The daemon's version.
    public var version: String
    /// The rule snapshot serving now and the last reload attempt.
    public var rules: RulesStatus
    /// Complaints stored in all.
    public var complaints: Int
    /// Cases by state and by agency.
    public var cases: CaseCounts
    /// Open cases past their response deadline.
    public var overdue: Int
    /// The earliest pending deadline, if any.
    public var nextDeadline: Date?
    /// Intake sources and their health.
    public var sources: [SourceStatus]
    /// Whether intake waits for space on the state's file system (items stay in their inboxes meanwhile).
    public var intakePaused: Bool
    /// Why intake is paused, while it is.
    public var intakeError: String?

    /// Creates a report.
    public init(
        uptimeSeconds: Int,
        version: String,
        rules: RulesStatus,
        complaints: Int,
        cases: CaseCounts,
        overdue: Int,
        nextDeadline: Date?,
        sources: [SourceStatus],
        intakePaused: Bool = false,
        intakeError: String? = nil
    ) {
        self.uptimeSeconds = uptimeSeconds
        self.version = version
        self.rules = rules
        self.complaints = complaints
        self.cases = cases
        self.overdue = overdue
        self.nextDeadline = nextDeadline
        self.sources = sources
        self.intakePaused = intakePaused
        self.intakeError = intakeError
    }

    private enum CodingKeys: String, CodingKey {
        case uptimeSeconds = "uptime_s"
        case version
        case rules
        case complaints
        case cases
        case overdue
        case nextDeadline = "next_deadline"
        case sources
        case intakePaused = "intake_paused"
        case intakeError = "intake_error"
    }

    /// Decodes a report; one from a daemon older than the intake fields reads as not paused.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        uptimeSeconds = try container.decode(Int.self, forKey: .uptimeSeconds)
        version = try container.decode(String.self, forKey: .version)
        rules = try container.decode(RulesStatus.self, forKey: .rules)
        complaints = try container.decode(Int.self, forKey: .complaints)
        cases = try container.decode(CaseCounts.self, forKey: .cases)
        overdue = try container.decode(Int.self, forKey: .overdue)
        nextDeadline = try container.decodeIfPresent(Date.self, forKey: .nextDeadline)
        sources = try container.decode([SourceStatus].self, forKey: .sources)
        intakePaused = try container.decodeIfPresent(Bool.self, forKey: .intakePaused) ?? false
        intakeError = try container.decodeIfPresent(String.self, forKey: .intakeError)
    }

    /// Encodes every key, writing `null` for an absent deadline so that scripts can rely on it.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(uptimeSeconds, forKey: .uptimeSeconds)
        try container.encode(version, forKey: .version)
        try container.encode(rules, forKey: .rules)
        try container.encode(complaints, forKey: .complaints)
        try container.encode(cases, forKey: .cases)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(nextDeadline, forKey: .nextDeadline)
        try container.encode(sources, forKey: .sources)
        try container.encode(intakePaused, forKey: .intakePaused)
        try container.encode(intakeError, forKey: .intakeError)
    }
}

/// The rule snapshot in service and the outcome of the last reload.
public struct RulesStatus: Sendable, Hashable, Codable {
    /// SHA-256 of the snapshot's files.
    public var hash: String
    /// When this snapshot was loaded.
    public var loadedAt: Date
    /// Route labels in evaluation order, `otherwise` last.
    public var routes: Int
    /// The last reload attempt, whether it succeeded or not.
    public var lastReload: ReloadOutcome

    /// Creates a rules status.
    public init(hash: String, loadedAt: Date, routes: Int, lastReload: ReloadOutcome) {
        self.hash = hash
        self.loadedAt = loadedAt
        self.routes = routes
        self.lastReload = lastReload
    }

    private enum CodingKeys: String, CodingKey {
        case hash
        case loadedAt = "loaded_at"
        case routes
        case lastReload = "last_reload"
    }
}

/// The outcome of loading rules (at start or on reload).
public struct ReloadOutcome: Sendable, Hashable, Codable {
    /// Whether the new snapshot replaced the old one.
    public var ok: Bool
    /// When the attempt finished.
    public var at: Date
    /// Rendered diagnostics of a refused reload, one per entry.
    public var errors: [String]
    /// The hash of the snapshot serving after the attempt (the old one when refused).
    public var hash: String?

    /// Creates an outcome.
    public init(ok: Bool, at: Date, errors: [String], hash: String? = nil) {
        self.ok = ok
        self.at = at
        self.errors = errors
        self.hash = hash
    }
}

/// Case counts for the status page.
public struct CaseCounts: Sendable, Hashable, Codable {
    /// Number of cases per lifecycle state.
    public var byState: [String: Int]
    /// Number of cases per agency id.
    public var byAgency: [String: Int]

    /// Creates counts.
    public init(byState: [String: Int], byAgency: [String: Int]) {
        self.byState = byState
        self.byAgency = byAgency
    }

    private enum CodingKeys: String, CodingKey {
        case byState = "by_state"
        case byAgency = "by_agency"
    }
}
