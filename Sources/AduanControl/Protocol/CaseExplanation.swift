public import AduanCore
public import Foundation

/// Why a case is where it is, as `aduanctl case why` prints it: how it was routed when it was opened, its clocks,
/// and how the rules in service today would route it.
public struct CaseExplanation: Sendable, Hashable, Codable {
    /// One routing of the case's complaint.
    public struct Routing: Sendable, Hashable, Codable {
        /// The hash of the rule snapshot that decided.
        public var rulesHash: String?
        /// When it was decided (for today's routing: the time of the question).
        public var at: Date?
        /// The label of the route that matched, or `otherwise`.
        public var route: String?
        /// The agency it sent the case to.
        public var agency: String?
        /// The priority it chose.
        public var priority: String?
        /// The normalised phrases that made the route match; `nil` when the daemon that routed did not record them.
        public var phrases: [String]?
        /// The decision's one-line reason: the route and what matched, then the priority and what chose it.
        public var reason: String?

        /// Creates a routing.
        public init(
            rulesHash: String?,
            at: Date?,
            route: String?,
            agency: String?,
            priority: String?,
            phrases: [String]?,
            reason: String?
        ) {
            self.rulesHash = rulesHash
            self.at = at
            self.route = route
            self.agency = agency
            self.priority = priority
            self.phrases = phrases
            self.reason = reason
        }

        /// Whether both send the case the same way: same route, agency and priority.
        public func isSame(as other: Routing) -> Bool {
            route == other.route && agency == other.agency && priority == other.priority
        }

        private enum CodingKeys: String, CodingKey {
            case at, route, agency, priority, phrases, reason
            case rulesHash = "rules_hash"
        }
    }

    /// The case as listed now (its agency and priority may have changed since it was routed).
    public var summary: CaseSummary
    /// How it was routed when it was opened.
    public var routed: Routing
    /// Its SLA clocks.
    public var clocks: [CaseClock]
    /// Working time left on each active clock at the time of the question, in seconds, by clock kind (negative when
    /// late).
    public var remainingSeconds: [String: Int]
    /// How the rules in service would route the same complaint today.
    public var today: Routing

    /// Creates an explanation.
    public init(
        summary: CaseSummary,
        routed: Routing,
        clocks: [CaseClock],
        remainingSeconds: [String: Int],
        today: Routing
    ) {
        self.summary = summary
        self.routed = routed
        self.clocks = clocks
        self.remainingSeconds = remainingSeconds
        self.today = today
    }

    private enum CodingKeys: String, CodingKey {
        case summary = "case"
        case routed, clocks, today
        case remainingSeconds = "remaining_s"
    }
}
