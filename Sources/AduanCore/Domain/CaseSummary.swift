public import Foundation

/// One case as `aduanctl cases` lists it.
public struct CaseSummary: Sendable, Hashable, Codable {
    /// Case identifier (decimal).
    public var id: String
    /// The complaint's identifier within its source.
    public var externalID: String
    /// The source that delivered the complaint.
    public var source: String
    /// Lifecycle state.
    public var state: CaseState
    /// Agency id the case is routed to.
    public var agency: String?
    /// Label of the route that matched, or `otherwise`.
    public var route: String?
    /// Priority name, once priorities exist.
    public var priority: String?
    /// The complaint's title.
    public var title: String?
    /// Official region name, when resolved.
    public var region: String?
    /// When the citizen filed it.
    public var receivedAt: Date
    /// When the agency must respond, once SLA clocks run.
    public var respondBy: Date?
    /// When the case first went past a deadline (or was marked overdue), while it is open.
    public var overdueSince: Date?

    /// Creates a summary.
    public init(
        id: String,
        externalID: String,
        source: String,
        state: CaseState,
        agency: String?,
        route: String?,
        priority: String?,
        title: String?,
        region: String?,
        receivedAt: Date,
        respondBy: Date?,
        overdueSince: Date? = nil
    ) {
        self.id = id
        self.externalID = externalID
        self.source = source
        self.state = state
        self.agency = agency
        self.route = route
        self.priority = priority
        self.title = title
        self.region = region
        self.receivedAt = receivedAt
        self.respondBy = respondBy
        self.overdueSince = overdueSince
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case externalID = "external_id"
        case source
        case state
        case agency
        case route
        case priority
        case title
        case region
        case receivedAt = "received_at"
        case respondBy = "respond_by"
        case overdueSince = "overdue_since"
    }

    /// Encodes every key, writing `null` for absent values so that scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(externalID, forKey: .externalID)
        try container.encode(source, forKey: .source)
        try container.encode(state, forKey: .state)
        try container.encode(agency, forKey: .agency)
        try container.encode(route, forKey: .route)
        try container.encode(priority, forKey: .priority)
        try container.encode(title, forKey: .title)
        try container.encode(region, forKey: .region)
        try container.encode(receivedAt, forKey: .receivedAt)
        try container.encode(respondBy, forKey: .respondBy)
        try container.encode(overdueSince, forKey: .overdueSince)
    }
}
