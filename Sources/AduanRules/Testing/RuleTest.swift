import AduanCore
import Foundation

/// A checked `test "label" { complaint { … } expect { … } }` block, run once its snapshot is compiled.
struct RuleTest: Sendable, Hashable {
    /// The test's label.
    var label: String
    /// Where the `test` keyword is; a failure is reported there.
    var location: SourceLocation
    /// The complaint as the router sees it.
    var input: RoutingInput
    /// The complaint's `received` time; deadlines are planned from it.
    var receivedAt: Date?
    /// What the test expects, in the order route, to, priority, respond_by.
    var expectations: [RuleTestExpectation]
}
