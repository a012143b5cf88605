public import Foundation

/// One intake source's health, as `aduanctl sources` and `status` show it.
public struct SourceStatus: Sendable, Hashable, Codable {
    /// The source's name.
    public var name: String
    /// Its kind: `spool`, `maildir`, `open311` or `csv`.
    public var kind: String
    /// What it reads: a folder or a URL.
    public var location: String
    /// Seconds between polls while it succeeds.
    public var intervalSeconds: Double
    /// Items stored from it.
    public var itemsIn: Int
    /// Items it sent to quarantine.
    public var itemsQuarantined: Int
    /// When it was last polled.
    public var lastPollAt: Date?
    /// When a poll last succeeded.
    public var lastSuccessAt: Date?
    /// The last poll's error, if it failed.
    public var lastError: String?
    /// Where the next poll resumes, in the source's own terms.
    public var cursor: String?
    /// Failed polls since the last success (the backoff grows with it).
    public var consecutiveFailures: Int
    /// When the next poll is due.
    public var nextPollAt: Date?

    /// Creates a source status.
    public init(
        name: String,
        kind: String,
        location: String,
        intervalSeconds: Double,
        itemsIn: Int,
        itemsQuarantined: Int,
        lastPollAt: Date?,
        lastSuccessAt: Date?,
        lastError: String?,
        cursor: String?,
        consecutiveFailures: Int,
        nextPollAt: Date?
    ) {
        self.name = name
        self.kind = kind
        self.location = location
        self.intervalSeconds = intervalSeconds
        self.itemsIn = itemsIn
        self.itemsQuarantined = itemsQuarantined
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.lastError = lastError
        self.cursor = cursor
        self.consecutiveFailures = consecutiveFailures
        self.nextPollAt = nextPollAt
    }

    private enum CodingKeys: String, CodingKey {
        case name
        case kind
        case location
        case intervalSeconds = "every_s"
        case itemsIn = "items_in"
        case itemsQuarantined = "items_quarantined"
        case lastPollAt = "last_poll_at"
        case lastSuccessAt = "last_success_at"
        case lastError = "last_error"
        case cursor
        case consecutiveFailures = "consecutive_failures"
        case nextPollAt = "next_poll_at"
    }

    /// Encodes every key, writing `null` for absent values so that scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(location, forKey: .location)
        try container.encode(intervalSeconds, forKey: .intervalSeconds)
        try container.encode(itemsIn, forKey: .itemsIn)
        try container.encode(itemsQuarantined, forKey: .itemsQuarantined)
        try container.encode(lastPollAt, forKey: .lastPollAt)
        try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
        try container.encode(lastError, forKey: .lastError)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(consecutiveFailures, forKey: .consecutiveFailures)
        try container.encode(nextPollAt, forKey: .nextPollAt)
    }
}
