/// A route ready to evaluate; `otherwise` is one with the condition `always` and the label `otherwise`.
struct CompiledRoute: Sendable, Hashable {
    /// The route's label.
    var label: String
    /// When it applies.
    var condition: CompiledCondition
    /// The agency id it sends to.
    var agency: String
    /// Agency ids that get a copy (`cc = [...]`).
    var cc: [String]
    /// How cases it routes are verified.
    var verify: VerifyMode
    /// The priority it gives its cases (`priority = "P1"`), instead of the first matching priority block.
    var priority: String?
}
