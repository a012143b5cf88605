public import Foundation

/// Where one escalation step of a case stands: due when, or fired when.
public struct EscalationStepStatus: Sendable, Hashable, Codable {
    /// The ladder's name.
    public var escalation: String
    /// The step's position in the ladder, from 0.
    public var step: Int
    /// What it does, e.g. `notify("agency-head")`.
    public var action: String
    /// When it is due; `nil` while its clock is paused or stopped.
    public var dueAt: Date?
    /// When it fired; a step fires at most once.
    public var firedAt: Date?

    /// Creates a step status.
    public init(escalation: String, step: Int, action: String, dueAt: Date?, firedAt: Date?) {
        self.escalation = escalation
        self.step = step
        self.action = action
        self.dueAt = dueAt
        self.firedAt = firedAt
    }

    private enum CodingKeys: String, CodingKey {
        case escalation
        case step
        case action
        case dueAt = "due_at"
        case firedAt = "fired_at"
    }
}
