import AduanCore
public import Foundation

extension RuleSet {
    /// Explains how ``route(_:)`` routes `input` and which deadlines the case would start with, with the same
    /// matcher and evaluator: the explanation's winner and priority are always the decision's.
    ///
    /// - Parameters:
    ///   - input: The complaint as the router sees it.
    ///   - receivedAt: When it was received; the deadlines count from it.
    public func explain(_ input: RoutingInput, receivedAt: Date) -> RoutingExplanation {
        let decision = route(input)
        let evaluation = evaluation(of: input)
        var routeAttempts: [RoutingExplanation.Attempt] = []
        for route in routes {
            routeAttempts.append(attempt(route.label, agency: route.agency, route.condition, evaluation))
            if route.label == decision.route { break }
        }
        var priorityAttempts: [RoutingExplanation.Attempt] = []
        let prioritySource: String
        if let route = routes.first(where: { $0.label == decision.route }), route.priority != nil {
            prioritySource = route.label == RuleVocabulary.otherwise ? "otherwise" : "route \"\(route.label)\""
        } else {
            for (policy, condition) in zip(priorities, priorityConditions) {
                priorityAttempts.append(attempt(policy.name, agency: nil, condition, evaluation))
                if policy.name == decision.priority { break }
            }
            prioritySource = decision.priority.map { "priority \"\($0)\"" } ?? "none"
        }
        let planned = plannedDeadlines(for: decision, receivedAt: receivedAt)
        return RoutingExplanation(
            titleWords: input.title.map { normalizer.words(in: $0) },
            words: normalizer.words(in: input.text),
            channel: input.channel,
            region: input.region,
            receivedAt: receivedAt,
            routes: routeAttempts,
            route: decision.route,
            agency: decision.agency,
            verify: decision.verify,
            reason: decision.reason,
            priority: decision.priority,
            prioritySource: prioritySource,
            priorities: priorityAttempts,
            deadlines: planned.clocks.compactMap { clock in
                clock.dueAt.map { due in
                    RoutingExplanation.Deadline(
                        clock: clock.kind,
                        budget: clock.budget,
                        source: budgetSource(clock.kind, priority: planned.priority),
                        due: due,
                        skipped: calendar.skippedDays(from: receivedAt, to: due).map {
                            RoutingExplanation.SkippedDay(date: $0.day, reason: $0.reason)
                        }
                    )
                }
            }
        )
    }

    private func attempt(
        _ name: String,
        agency: String?,
        _ condition: CompiledCondition,
        _ evaluation: RouteEvaluation
    ) -> RoutingExplanation.Attempt {
        let isMatch = evaluation.isSatisfied(condition)
        return RoutingExplanation.Attempt(
            name: name,
            agency: agency,
            isMatch: isMatch,
            phrases: evaluation.foundPhrases(in: condition).map { phraseTexts[$0] },
            reason: isMatch ? evaluation.whyHolds(condition, in: self) : evaluation.whyNot(condition, in: self)
        )
    }

    /// Where a clock's budget comes from, mirroring ``plannedDeadlines(for:receivedAt:)``.
    private func budgetSource(_ kind: ClockKind, priority: PriorityPolicy?) -> String {
        switch (kind, priority) {
        case (.respond, let policy?) where policy.respond != nil, (.resolve, let policy?):
            "priority \"\(policy.name)\""
        default:
            "SP4N-LAPOR! default"
        }
    }
}
