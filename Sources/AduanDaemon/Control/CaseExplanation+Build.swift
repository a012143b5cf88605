import AduanControl
import AduanCore
import AduanRules
import AduanStore
import Foundation

extension CaseExplanation {
    /// Puts together how a case was routed (its stored record), its clocks with the working time left at `now`,
    /// and how `ruleSet` routes its complaint today.
    static func build(detail: CaseDetail, record: CaseRoutingRecord, ruleSet: RuleSet, now: Date) -> CaseExplanation {
        let stored = RoutedEventData(json: record.data)
        let decision = ruleSet.route(RoutingInput(detail.complaint))
        return CaseExplanation(
            summary: detail.summary,
            routed: Routing(
                rulesHash: record.rulesHash,
                at: record.routedAt,
                route: detail.summary.route,
                agency: stored?.agency,
                priority: stored?.priority,
                phrases: stored?.phrases,
                reason: record.reason
            ),
            clocks: detail.clocks,
            remainingSeconds: CaseClock.remainingSeconds(of: detail.clocks, at: now, on: ruleSet.calendar),
            today: Routing(
                rulesHash: ruleSet.hash,
                at: now,
                route: decision.route,
                agency: decision.agency,
                priority: decision.priority,
                phrases: decision.matchedPhrases,
                reason: decision.reason
            )
        )
    }
}

extension CaseClock {
    /// The working time left at `now` on each active clock, by kind, as `case show` and `case why` report it.
    static func remainingSeconds(of clocks: [CaseClock], at now: Date, on calendar: WorkingCalendar) -> [String: Int] {
        var remaining: [String: Int] = [:]
        for clock in clocks where clock.isActive {
            remaining[clock.kind.rawValue] = clock.remaining(at: now, on: calendar)
        }
        return remaining
    }
}
