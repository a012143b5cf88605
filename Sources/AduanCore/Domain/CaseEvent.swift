public import Foundation

/// One entry of a case's append-only history: who did what, when and why.
public struct CaseEvent: Sendable, Hashable, Codable {
    /// Event identifier, increasing in the order events were written.
    public var id: Int64
    /// When it happened.
    public var at: Date
    /// Who did it: `aduand` for the daemon, `uid:N(name)` for an operator.
    public var actor: String
    /// What happened, e.g. `received`, `routed`, `verified`, `dispatched`.
    public var kind: String
    /// State before, for transitions.
    public var fromState: CaseState?
    /// State after, for transitions.
    public var toState: CaseState?
    /// Why, in words.
    public var reason: String?

    /// Creates an event.
    public init(
        id: Int64,
        at: Date,
        actor: String,
        kind: String,
        fromState: CaseState? = nil,
        toState: CaseState? = nil,
        reason: String? = nil
    ) {
        self.id = id
        self.at = at
        self.actor = actor
        self.kind = kind
        self.fromState = fromState
        self.toState = toState
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case at
        case actor
        case kind
        case fromState = "from_state"
        case toState = "to_state"
        case reason
    }
}

/// A case with its complaint, clocks, escalation steps and whole history, as `aduanctl case show` prints it.
public struct CaseDetail: Sendable, Hashable, Codable {
    /// The case as listed.
    public var summary: CaseSummary
    /// The complaint behind it.
    public var complaint: Complaint
    /// Its SLA clocks.
    public var clocks: [CaseClock]
    /// Working time left on each active clock at the time of the query, in seconds, by clock kind (negative when
    /// late; a paused clock's is what it had left when paused).
    public var remainingSeconds: [String: Int]
    /// Its escalation steps: fired when, or due when. The store keeps only the steps that fired; the daemon plans
    /// the others from the rules in service before it answers (`aduanctl case show`).
    public var steps: [EscalationStepStatus]
    /// Its history, oldest first.
    public var events: [CaseEvent]

    private enum CodingKeys: String, CodingKey {
        case summary = "case"
        case complaint
        case clocks
        case remainingSeconds = "remaining_s"
        case steps
        case events
    }

    /// Creates a detail view.
    public init(
        summary: CaseSummary,
        complaint: Complaint,
        clocks: [CaseClock] = [],
        remainingSeconds: [String: Int] = [:],
        steps: [EscalationStepStatus] = [],
        events: [CaseEvent]
    ) {
        self.summary = summary
        self.complaint = complaint
        self.clocks = clocks
        self.remainingSeconds = remainingSeconds
        self.steps = steps
        self.events = events
    }
}
