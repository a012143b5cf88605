/// A priority of the rules: `priority "P1" { when = …, respond = 4 working_hours, resolve = 2 working_days,
/// escalation = "standar" }`.
public struct PriorityPolicy: Sendable, Hashable {
    /// The priority's name, e.g. `P1`.
    public var name: String
    /// Time for the agency's follow-up after dispatch; `nil` uses ``SLADefaults/respond``.
    public var respond: WorkingDuration?
    /// Time to settle the matter after dispatch; `nil` runs no resolve clock.
    public var resolve: WorkingDuration?
    /// The escalation ladder the priority's cases climb, by name.
    public var escalation: String?

    /// Creates a priority.
    public init(name: String, respond: WorkingDuration?, resolve: WorkingDuration?, escalation: String?) {
        self.name = name
        self.respond = respond
        self.resolve = resolve
        self.escalation = escalation
    }
}

/// An escalation ladder: `escalation "name" { step { … } step { … } }`.
public struct EscalationPolicy: Sendable, Hashable {
    /// The ladder's name.
    public var name: String
    /// Its steps, in file order; a step's index is its position.
    public var steps: [EscalationStep]

    /// Creates a ladder.
    public init(name: String, steps: [EscalationStep]) {
        self.name = name
        self.steps = steps
    }
}

/// One step: `step { at = respond_deadline - 1 working_day, do = notify("agency-head"), quiet = working_hours }`.
public struct EscalationStep: Sendable, Hashable {
    /// The clock whose deadline the step is relative to.
    public var anchor: ClockKind
    /// How far from the deadline; see ``isBeforeAnchor``.
    public var offset: WorkingDuration
    /// `deadline - offset` when `true`, `deadline + offset` otherwise.
    public var isBeforeAnchor: Bool
    /// What the step does.
    public var action: EscalationAction
    /// Holds the step outside working hours until the next opening (`quiet = working_hours`).
    public var isQuietOutsideWorkingHours: Bool

    /// Creates a step.
    public init(
        anchor: ClockKind,
        offset: WorkingDuration,
        isBeforeAnchor: Bool,
        action: EscalationAction,
        isQuietOutsideWorkingHours: Bool = false
    ) {
        self.anchor = anchor
        self.offset = offset
        self.isBeforeAnchor = isBeforeAnchor
        self.action = action
        self.isQuietOutsideWorkingHours = isQuietOutsideWorkingHours
    }
}

/// What an escalation step does.
public enum EscalationAction: Sendable, Hashable, CustomStringConvertible {
    /// Writes a notice for `target` (an agency id, or a role such as `agency-head` of the case's agency).
    case notify(String)
    /// Moves the case to another agency.
    case reassign(String)
    /// Gives the case another priority (and that priority's budgets for clocks not yet running out).
    case raise(String)
    /// Marks the case overdue.
    case markOverdue

    public var description: String {
        switch self {
        case .notify(let target): "notify(\"\(target)\")"
        case .reassign(let agency): "reassign(\"\(agency)\")"
        case .raise(let priority): "raise(\"\(priority)\")"
        case .markOverdue: "mark_overdue"
        }
    }
}

/// SP4N-LAPOR!'s time limits, used where the rules do not say otherwise.
public enum SLADefaults {
    /// The admin verifies and forwards within 3 working days.
    public static let verify = WorkingDuration(3, .workingDays)
    /// The agency follows up within 5 working days.
    public static let respond = WorkingDuration(5, .workingDays)
    /// A followed-up case closes 10 working days later when the citizen does not reply.
    public static let autoclose = WorkingDuration(10, .workingDays)
}
