public import Foundation

/// The outcome of one `test` block of a rules snapshot.
public struct RuleTestResult: Sendable, Hashable {
    /// The test's label.
    public var label: String
    /// Where the test is.
    public var location: SourceLocation
    /// Where the rules sent the test's complaint, and why.
    public var decision: RoutingDecision
    /// The respond deadline the rules planned; `nil` when the test gives no `received` time or the route has no
    /// respond clock yet (`verify = manual`).
    public var respondBy: Date?
    /// The expected fields that came out differently; empty when the test passes.
    public var mismatches: [RuleTestMismatch]

    /// Creates a result.
    public init(
        label: String,
        location: SourceLocation,
        decision: RoutingDecision,
        respondBy: Date?,
        mismatches: [RuleTestMismatch]
    ) {
        self.label = label
        self.location = location
        self.decision = decision
        self.respondBy = respondBy
        self.mismatches = mismatches
    }

    /// Whether every expected field came out as expected.
    public var isPassing: Bool { mismatches.isEmpty }

    /// The error that refuses the snapshot, `test "x" failed: to: expected "dpupr", got "biro-pemerintahan"`, with
    /// the route's reason as help; `nil` when the test passes.
    public var diagnostic: Diagnostic? {
        guard !isPassing else { return nil }
        let fields = mismatches.map(\.description).joined(separator: "; ")
        return .error("test \"\(label)\" failed: \(fields)", at: location, help: decision.reason)
    }
}
