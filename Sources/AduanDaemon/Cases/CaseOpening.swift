import AduanCore
import AduanRules
import Foundation

/// Everything about a new complaint's case that follows from its routing and the rules alone: the decision, the
/// first clocks, the earliest pending deadline and the routed event's data.
///
/// Pure, so intake works it out on a source's queue while the store queue commits the last batch; the store queue
/// then only writes (the single writer is what bounds intake).
struct CaseOpening: Sendable {
    /// The routing decision.
    let decision: RoutingDecision
    /// The clocks the case starts with: verify on a `manual` route, respond and resolve on an `auto` one.
    let clocks: [CaseClock]
    /// The earliest of its clocks' and planned escalation steps' due times, for the scheduler.
    let nextDue: Date?
    /// The `routed` event's data.
    let routedData: String

    /// Works out the opening of `complaint`'s case under `ruleSet`, routed by `decision`, opened about `now`.
    init(complaint: Complaint, decision: RoutingDecision, ruleSet: RuleSet, now: Date) {
        self.decision = decision
        // One definition of the first clocks, shared with `rules test`, `rules route` and `rules explain`.
        clocks = ruleSet.plannedDeadlines(for: decision, receivedAt: complaint.receivedAt).clocks
        // A new case has no step rows: its plan comes from the rules alone.
        let plan = EscalationPlan(
            priority: decision.priority,
            clocks: clocks,
            recorded: [],
            ruleSet: ruleSet,
            now: now
        )
        nextDue = plan.nextDue(clocks: clocks)
        routedData = RoutedEventData(decision).json
    }

    /// Routes `complaint` with `ruleSet` and works out its opening about `now`.
    init(routing complaint: Complaint, with ruleSet: RuleSet, now: Date) {
        self.init(complaint: complaint, decision: ruleSet.route(RoutingInput(complaint)), ruleSet: ruleSet, now: now)
    }
}
