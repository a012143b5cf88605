import AduanCore

/// A priority ready to evaluate: its policy and when it applies (`always` when it has no `when`).
struct CompiledPriority: Sendable, Hashable {
    /// The priority's name, budgets and escalation.
    var policy: PriorityPolicy
    /// When it applies to a complaint that no route gives a priority.
    var condition: CompiledCondition
}
