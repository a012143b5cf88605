import Foundation

/// One key of a test's `expect { … }` block.
enum RuleTestExpectation: Sendable, Hashable {
    /// `route = "Jalan rusak"`: the label of the route that wins (`otherwise` included).
    case route(String)
    /// `to = "dpupr"`: the agency id.
    case agency(String)
    /// `priority = "P2"`, or `priority = none` (`nil`) for no priority at all.
    case priority(String?)
    /// `respond_by = "2026-03-24T16:00:00+07:00"`, or `respond_by = none` (`nil`) for no respond clock; with the
    /// text as written, to show it back.
    case respondBy(Date?, written: String)
}
