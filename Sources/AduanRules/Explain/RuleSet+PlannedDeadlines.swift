import AduanCore
public import Foundation

extension RuleSet {
    /// The clocks a case routed by `decision` starts with when it is received at `receivedAt`, on this snapshot's
    /// calendar; the one definition the daemon, rule tests, `rules explain` and `rules route` share.
    ///
    /// - Parameters:
    ///   - decision: Where the complaint goes: its verify mode and priority decide the clocks.
    ///   - receivedAt: When the complaint was received; every clock starts then.
    public func plannedDeadlines(for decision: RoutingDecision, receivedAt: Date) -> PlannedDeadlines {
        let policy = decision.priority.flatMap(priority(named:))
        let budgets: [(kind: ClockKind, budget: WorkingDuration?)] =
            switch decision.verify {
            case .auto: [(.respond, policy?.respond ?? SLADefaults.respond), (.resolve, policy?.resolve)]
            case .manual: [(.verify, SLADefaults.verify)]
            }
        let clocks = budgets.compactMap { kind, budget in
            budget.map { CaseClock.start(kind, budget: $0, at: receivedAt, calendar: calendar) }
        }
        return PlannedDeadlines(clocks: clocks, priority: policy)
    }
}
