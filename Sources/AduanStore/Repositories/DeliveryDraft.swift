public import AduanCore
public import Foundation

/// A queued delivery whose document is not built yet: its cause as intake or an escalation step recorded it.
///
/// The dispatcher builds the document from it and the case at the first attempt (``StoreTransaction/dueDeliveries(at:limit:excludingIDs:excludingAgencies:document:)``).
public struct DeliveryDraft: Sendable, Hashable {
    /// Delivery identifier: the document's `delivery_id`.
    public var id: Int64
    /// The case it is about.
    public var caseID: Int64
    /// The event that caused it.
    public var eventID: Int64
    /// The agency id it goes to.
    public var agency: String
    /// Why it goes there.
    public var purpose: DeliveryPurpose
    /// One line for people: why this delivery exists.
    public var reason: String
    /// The escalation step of a notice, as JSON; `nil` for other purposes.
    public var notice: String?
    /// When it was queued.
    public var createdAt: Date
}
