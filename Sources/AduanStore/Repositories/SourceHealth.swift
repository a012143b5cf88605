public import Foundation

/// How a source's polling goes, as `aduanctl sources` shows it.
public struct SourceHealth: Sendable, Hashable, Codable {
    /// The source's name.
    public var source: String
    /// Where the next poll resumes, in the source's own terms.
    public var cursor: String?
    /// When the source was last polled, successfully or not.
    public var lastPollAt: Date?
    /// When a poll last succeeded.
    public var lastSuccessAt: Date?
    /// Items taken in, over the source's whole life.
    public var itemsIn: Int
    /// Items set aside in quarantine, over the source's whole life.
    public var itemsQuarantined: Int
    /// Why the last poll failed; `nil` when it succeeded.
    public var lastError: String?

    /// Creates a health report.
    public init(
        source: String,
        cursor: String?,
        lastPollAt: Date?,
        lastSuccessAt: Date?,
        itemsIn: Int,
        itemsQuarantined: Int,
        lastError: String?
    ) {
        self.source = source
        self.cursor = cursor
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.itemsIn = itemsIn
        self.itemsQuarantined = itemsQuarantined
        self.lastError = lastError
    }

    private enum CodingKeys: String, CodingKey {
        case source
        case cursor
        case lastPollAt = "last_poll_at"
        case lastSuccessAt = "last_success_at"
        case itemsIn = "items_in"
        case itemsQuarantined = "items_quarantined"
        case lastError = "last_error"
    }

    /// Encodes every key, writing `null` for absent values so that scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(cursor, forKey: .cursor)
        try container.encode(lastPollAt, forKey: .lastPollAt)
        try container.encode(lastSuccessAt, forKey: .lastSuccessAt)
        try container.encode(itemsIn, forKey: .itemsIn)
        try container.encode(itemsQuarantined, forKey: .itemsQuarantined)
        try container.encode(lastError, forKey: .lastError)
    }
}
