/// Where a complaint goes, with which priority, and why.
public struct RoutingDecision: Sendable, Hashable {
    /// The label of the route that matched, or `otherwise`.
    public var route: String
    /// The agency id the complaint is sent to.
    public var agency: String
    /// Agency ids that receive a copy for information (the route's `cc`), in the order written; empty when none.
    public var cc: [String]
    /// Whether the case is verified automatically or by an administrator.
    public var verify: VerifyMode
    /// The priority's name: the route's `priority = …`, else the first priority block whose condition holds;
    /// `nil` when none applies (then `SLADefaults` hold).
    public var priority: String?
    /// The normalised phrases that made the route match, in the order of its condition; empty for `otherwise`.
    public var matchedPhrases: [String]
    /// One line for people: `route "Banjir" matched phrase "banjir"; priority P1 (priority "P1" matched phrase
    /// "banjir")`.
    public var reason: String

    /// Creates a decision.
    public init(
        route: String,
        agency: String,
        cc: [String] = [],
        verify: VerifyMode,
        priority: String?,
        matchedPhrases: [String],
        reason: String
    ) {
        self.route = route
        self.agency = agency
        self.cc = cc
        self.verify = verify
        self.priority = priority
        self.matchedPhrases = matchedPhrases
        self.reason = reason
    }
}
