public import AduanCore
public import Foundation

/// The SLA clocks a newly routed case starts with, as the daemon starts them on intake.
///
/// An `auto` route is verified and dispatched at the moment of receipt: its respond clock (the priority's budget,
/// else ``SLADefaults/respond``) and, when the priority has one, its resolve clock start then. A `manual` route waits
/// for an administrator on a verify clock of ``SLADefaults/verify``; its respond and resolve clocks start only when
/// the case is verified, so they have no deadline yet.
public struct PlannedDeadlines: Sendable, Hashable {
    /// The clocks in the order the daemon saves them: `verify` alone, or `respond` then `resolve`.
    public var clocks: [CaseClock]
    /// The priority whose budgets the clocks use, if any.
    public var priority: PriorityPolicy?

    /// Creates planned deadlines.
    public init(clocks: [CaseClock], priority: PriorityPolicy?) {
        self.clocks = clocks
        self.priority = priority
    }

    /// When an administrator must have verified the case; `nil` for an `auto` route.
    public var verifyBy: Date? { due(.verify) }
    /// When the agency must follow up; `nil` for a `manual` route, whose respond clock starts on verification.
    public var respondBy: Date? { due(.respond) }
    /// When the matter must be settled; `nil` for a `manual` route or a priority without a resolve budget.
    public var resolveBy: Date? { due(.resolve) }

    /// The clock of this kind, if the case starts with one.
    public func clock(_ kind: ClockKind) -> CaseClock? {
        clocks.first { $0.kind == kind }
    }

    private func due(_ kind: ClockKind) -> Date? {
        clock(kind)?.dueAt
    }
}
