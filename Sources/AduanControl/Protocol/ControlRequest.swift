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
    /// `cases`: only cases routed to this agency id.
    public var agency: String?
    /// `cases`: at most this many (default 100, `0` = all).
    public var limit: Int?
    /// `case.show`: the case id.
    public var caseID: String?

    /// Creates a request.
    public init(
        id: Int? = nil,
        op: ControlOperation,
        state: String? = nil,
        agency: String? = nil,
        limit: Int? = nil,
        caseID: String? = nil
    ) {
        self.id = id
        self.op = op
        self.state = state
        self.agency = agency
        self.limit = limit
        self.caseID = caseID
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case op
        case state
        case agency
        case limit
        case caseID = "case_id"
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
}
