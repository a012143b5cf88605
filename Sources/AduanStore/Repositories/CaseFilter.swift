public import AduanCore
public import Foundation

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
    /// Only cases whose complaint was received at or after this time; `nil` for any time.
    public var receivedSince: Date?
    /// Only cases whose complaint's region has this Kemendagri code (e.g. `36.73`); `nil` for any region.
    public var regionCode: String?
    /// Only cases whose complaint's title or text contains every word of this text, ignoring ASCII case; `nil` or
    /// blank for any text.
    public var search: String?

    /// Creates a filter; by default the 100 oldest cases of any state and agency.
    public init(
        state: CaseState? = nil,
        agency: String? = nil,
        isOverdueOnly: Bool = false,
        limit: Int = 100,
        receivedSince: Date? = nil,
        regionCode: String? = nil,
        search: String? = nil
    ) {
        self.state = state
        self.agency = agency
        self.isOverdueOnly = isOverdueOnly
        self.limit = limit
        self.receivedSince = receivedSince
        self.regionCode = regionCode
        self.search = search
    }

    /// The words `search` asks for, each a `LIKE` pattern matching it anywhere (`%`, `_` and `\` taken literally).
    var searchPatterns: [String] {
        guard let search else { return [] }
        return search.split(whereSeparator: \.isWhitespace).map { word in
            var pattern = "%"
            for character in word {
                if character == "%" || character == "_" || character == "\\" { pattern.append("\\") }
                pattern.append(character)
            }
            return pattern + "%"
        }
    }
}
