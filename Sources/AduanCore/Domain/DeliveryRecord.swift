public import Foundation

/// One delivery to an agency as `aduanctl deliveries` lists it: what was sent, how often it was tried, and whether
/// it arrived.
public struct DeliveryRecord: Sendable, Hashable, Codable {
    /// Delivery identifier (decimal), also its `Idempotency-Key` and `Message-ID`.
    public var id: String
    /// The case it is about (decimal).
    public var caseID: String
    /// The agency id it goes to.
    public var agency: String
    /// Why it goes there.
    public var purpose: DeliveryPurpose
    /// How the daemon delivers to that agency now (`outbox`, `webhook`, `sendmail`); `nil` when unknown.
    public var kind: String?
    /// Attempts made so far, failed or not.
    public var attempts: Int
    /// When it was queued.
    public var createdAt: Date
    /// When the next attempt is due, while it is not delivered.
    public var nextAttemptAt: Date?
    /// When it was delivered.
    public var deliveredAt: Date?
    /// Why the last attempt failed, while it is not delivered.
    public var lastError: String?

    /// Creates a record.
    public init(
        id: String,
        caseID: String,
        agency: String,
        purpose: DeliveryPurpose,
        kind: String? = nil,
        attempts: Int,
        createdAt: Date,
        nextAttemptAt: Date?,
        deliveredAt: Date?,
        lastError: String?
    ) {
        self.id = id
        self.caseID = caseID
        self.agency = agency
        self.purpose = purpose
        self.kind = kind
        self.attempts = attempts
        self.createdAt = createdAt
        self.nextAttemptAt = nextAttemptAt
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case caseID = "case"
        case agency
        case purpose
        case kind
        case attempts
        case createdAt = "created_at"
        case nextAttemptAt = "next_attempt_at"
        case deliveredAt = "delivered_at"
        case lastError = "last_error"
    }

    /// Encodes every key, writing `null` for absent values so that scripts can rely on them.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(id, forKey: .id)
        try container.encode(caseID, forKey: .caseID)
        try container.encode(agency, forKey: .agency)
        try container.encode(purpose, forKey: .purpose)
        try container.encode(kind, forKey: .kind)
        try container.encode(attempts, forKey: .attempts)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(nextAttemptAt, forKey: .nextAttemptAt)
        try container.encode(deliveredAt, forKey: .deliveredAt)
        try container.encode(lastError, forKey: .lastError)
    }
}
