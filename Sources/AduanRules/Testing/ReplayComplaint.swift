public import Foundation

/// A complaint read from one line of a replay (see ``ReplayDecoder``).
public struct ReplayComplaint: Sendable, Hashable {
    /// The complaint's id within its source.
    public var id: String
    /// What the router looks at.
    public var input: RoutingInput
    /// `received_at`, if the line has one.
    public var receivedAt: Date?

    /// Creates a complaint.
    public init(id: String, input: RoutingInput, receivedAt: Date?) {
        self.id = id
        self.input = input
        self.receivedAt = receivedAt
    }
}
