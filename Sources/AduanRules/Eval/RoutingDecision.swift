/// Where a complaint goes and why.
public struct RoutingDecision: Sendable, Hashable {
    /// The label of the route that matched, or `otherwise`.
    public var route: String
    /// The agency id the complaint is sent to.
    public var agency: String
    /// Whether the case is verified automatically or by an administrator.
    public var verify: VerifyMode
    /// The normalised phrases that made the route match, in the order of its condition; empty for `otherwise`.
    public var matchedPhrases: [String]
    /// One line for people: `route "Jalan rusak" matched phrases "jalan rusak", "berlubang" and region Kota Serang`.
    public var reason: String

    /// Creates a decision.
    public init(route: String, agency: String, verify: VerifyMode, matchedPhrases: [String], reason: String) {
        self.route = route
        self.agency = agency
        self.verify = verify
        self.matchedPhrases = matchedPhrases
        self.reason = reason
    }
}
