/// The outcome of recomputing the audit hash chain: intact with how many events, or where it first breaks and why.
public struct AuditVerification: Sendable, Hashable, Codable {
    /// Whether every event's hash matches its content and its predecessor.
    public var isIntact: Bool
    /// How many events verified: all of them when intact, those before the broken one otherwise.
    public var events: Int
    /// The hash of the last event, 64 hex digits; note it down to detect later deletion of the newest events.
    public var head: String?
    /// The first event that does not verify.
    public var brokenEventID: Int64?
    /// Why it does not verify, in one line.
    public var problem: String?

    /// Creates an outcome.
    public init(isIntact: Bool, events: Int, head: String?, brokenEventID: Int64? = nil, problem: String? = nil) {
        self.isIntact = isIntact
        self.events = events
        self.head = head
        self.brokenEventID = brokenEventID
        self.problem = problem
    }

    private enum CodingKeys: String, CodingKey {
        case isIntact = "ok"
        case events
        case head
        case brokenEventID = "broken_event_id"
        case problem
    }
}
