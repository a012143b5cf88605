/// One expected field of a rule test that came out differently.
public struct RuleTestMismatch: Sendable, Hashable, CustomStringConvertible {
    /// The `expect` key: `route`, `to`, `priority` or `respond_by`.
    public var field: String
    /// The value the test expects, as written; `nil` for `none`.
    public var expected: String?
    /// The value the rules gave; `nil` for none (no priority, no respond deadline).
    public var actual: String?

    /// Creates a mismatch.
    public init(field: String, expected: String?, actual: String?) {
        self.field = field
        self.expected = expected
        self.actual = actual
    }

    /// `to: expected "dpupr", got "biro-pemerintahan"`.
    public var description: String {
        "\(field): expected \(Self.quoted(expected)), got \(Self.quoted(actual))"
    }

    private static func quoted(_ value: String?) -> String {
        value.map { "\"\($0)\"" } ?? "none"
    }
}
