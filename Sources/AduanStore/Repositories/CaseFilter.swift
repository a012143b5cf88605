public import AduanCore

/// Which cases ``StoreReader/cases(_:)`` lists.
public struct CaseFilter: Sendable, Hashable {
    /// Only cases in this state; `nil` for every state.
    public var state: CaseState?
    /// Only cases routed to this agency id; `nil` for every agency.
    public var agency: String?
    /// Only open cases past a deadline (or marked overdue by an escalation step).
    public var isOverdueOnly: Bool
    /// At most this many cases, oldest first; 0 (or less) for all of them.
    public var limit: Int

    /// Creates a filter; by default the 100 oldest cases of any state and agency.
    public init(state: CaseState? = nil, agency: String? = nil, isOverdueOnly: Bool = false, limit: Int = 100) {
        self.state = state
        self.agency = agency
        self.isOverdueOnly = isOverdueOnly
        self.limit = limit
    }
}
