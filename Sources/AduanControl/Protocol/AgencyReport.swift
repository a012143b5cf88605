/// How one agency handles its cases, as `aduanctl agencies` prints it.
///
/// Response times are working time on the rules' calendar, from the complaint's receipt to the first follow-up
/// (`in_progress`) or settlement (`resolved`).
public struct AgencyReport: Sendable, Hashable, Codable {
    /// The agency id.
    public var agency: String
    /// Its short (or full) name in the rules in service; `nil` when the rules no longer declare it.
    public var name: String?
    /// Cases routed to it.
    public var cases: Int
    /// Of those, the ones still open.
    public var open: Int
    /// Of those, the open ones past a deadline.
    public var overdue: Int
    /// Dispatched cases that got a first response.
    public var answered: Int
    /// Median working seconds to the first response; `nil` when none was answered.
    public var medianResponseSeconds: Int?
    /// 90th percentile (nearest rank) of the working seconds to the first response; `nil` when none was answered.
    public var p90ResponseSeconds: Int?
    /// Of the dispatched cases whose respond deadline is settled (answered, or past due), the share answered by
    /// the deadline, 0…1; `nil` when none is settled.
    public var withinSLAShare: Double?

    /// Creates a report.
    public init(
        agency: String,
        name: String?,
        cases: Int,
        open: Int,
        overdue: Int,
        answered: Int,
        medianResponseSeconds: Int?,
        p90ResponseSeconds: Int?,
        withinSLAShare: Double?
    ) {
        self.agency = agency
        self.name = name
        self.cases = cases
        self.open = open
        self.overdue = overdue
        self.answered = answered
        self.medianResponseSeconds = medianResponseSeconds
        self.p90ResponseSeconds = p90ResponseSeconds
        self.withinSLAShare = withinSLAShare
    }

    private enum CodingKeys: String, CodingKey {
        case agency, name, cases, open, overdue, answered
        case medianResponseSeconds = "median_response_s"
        case p90ResponseSeconds = "p90_response_s"
        case withinSLAShare = "within_sla_share"
    }

    /// Encodes every key, writing `null` for absent values so that scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(agency, forKey: .agency)
        try container.encode(name, forKey: .name)
        try container.encode(cases, forKey: .cases)
        try container.encode(open, forKey: .open)
        try container.encode(overdue, forKey: .overdue)
        try container.encode(answered, forKey: .answered)
        try container.encode(medianResponseSeconds, forKey: .medianResponseSeconds)
        try container.encode(p90ResponseSeconds, forKey: .p90ResponseSeconds)
        try container.encode(withinSLAShare, forKey: .withinSLAShare)
    }
}
