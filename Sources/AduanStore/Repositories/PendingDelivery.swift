public import AduanCore

/// A delivery the dispatcher still has to make: who gets which bytes, and how often it was tried.
public struct PendingDelivery: Sendable, Hashable {
    /// Delivery identifier.
    public var id: Int64
    /// The case it is about.
    public var caseID: Int64
    /// The event that caused it.
    public var eventID: Int64
    /// The agency id it goes to.
    public var agency: String
    /// Why it goes there.
    public var purpose: DeliveryPurpose
    /// The JSON document to send, exactly as queued.
    public var payload: String
    /// Attempts made so far.
    public var attempts: Int

    /// Creates a pending delivery.
    public init(
        id: Int64,
        caseID: Int64,
        eventID: Int64,
        agency: String,
        purpose: DeliveryPurpose,
        payload: String,
        attempts: Int
    ) {
        self.id = id
        self.caseID = caseID
        self.eventID = eventID
        self.agency = agency
        self.purpose = purpose
        self.payload = payload
        self.attempts = attempts
    }
}
