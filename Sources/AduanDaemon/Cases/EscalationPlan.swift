import AduanCore
import AduanRules
import Foundation

/// A case's escalation steps: the ladder of its priority in the rules in service, each step due relative to its
/// anchor clock, with the steps the store recorded as fired.
///
/// The plan is derived, never stored: a step gets a row only when it fires, so that it never fires twice. Intake
/// therefore writes no step rows, and a reload, a restart on edited rules or a priority change moves every planned
/// step by recomputing, not by rewriting rows. A quiet step (`quiet = working_hours`) that would fall due outside
/// working time is due at the next opening instead; since that depends on when one looks, the plan is made for a
/// moment, `now`.
struct EscalationPlan {
    /// The ladder's steps of a case, then the fired steps of ladders it no longer follows (a priority change, or a
    /// reload that shortened the ladder), each with its due time (`nil` while its anchor clock does not run) and
    /// when it fired.
    let steps: [EscalationStepStatus]

    /// Plans the steps of a case with `priority` whose clocks are `clocks`, as they stand at `now`.
    ///
    /// - Parameter recorded: the case's stored step rows: the steps that fired.
    init(priority: String?, clocks: [CaseClock], recorded: [EscalationStepStatus], ruleSet: RuleSet, now: Date) {
        let ladder = priority.flatMap(ruleSet.priority(named:))?.escalation.flatMap(ruleSet.escalation(named:))
        let fired = recorded.filter { $0.firedAt != nil }
        let isPlanned = { (record: EscalationStepStatus) in
            record.escalation == ladder?.name && record.step < (ladder?.steps.count ?? 0)
        }
        var steps = fired.filter { !isPlanned($0) }
        guard let ladder else {
            self.steps = steps
            return
        }
        let calendar = ruleSet.calendar
        for (index, step) in ladder.steps.enumerated() {
            if let record = fired.first(where: { $0.escalation == ladder.name && $0.step == index }) {
                steps.append(record)
                continue
            }
            let anchorDue = clocks.first { $0.kind == step.anchor && $0.isRunning }?.dueAt
            var due = anchorDue.map { deadline in
                step.isBeforeAnchor
                    ? step.offset.subtracted(from: deadline, in: calendar)
                    : step.offset.deadline(from: deadline, in: calendar)
            }
            // A quiet step fires when it is due or, if that moment (or now, for one already past due) is outside
            // working time, at the next opening.
            if let planned = due, step.isQuietOutsideWorkingHours {
                let firing = max(planned, now)
                if !calendar.isWorkingTime(firing) { due = calendar.nextOpening(atOrAfter: firing) }
            }
            steps.append(
                EscalationStepStatus(
                    escalation: ladder.name,
                    step: index,
                    action: step.action.description,
                    dueAt: due,
                    firedAt: nil
                )
            )
        }
        self.steps = steps
    }

    /// The steps still to fire that have a due time, in ladder order.
    var pending: [EscalationStepStatus] {
        steps.filter { $0.firedAt == nil && $0.dueAt != nil }
    }

    /// The case's next due: the earliest of its running, not yet breached `clocks` and its steps still to fire.
    func nextDue(clocks: [CaseClock]) -> Date? {
        (clocks.filter(\.isPending).compactMap(\.dueAt) + pending.compactMap(\.dueAt)).min()
    }
}

extension CaseDetail {
    /// The case with its escalation steps planned by `ruleSet` as they stand at `now`: the store returns only the
    /// steps that fired.
    func withPlannedSteps(by ruleSet: RuleSet, at now: Date) -> CaseDetail {
        var detail = self
        detail.steps =
            EscalationPlan(priority: summary.priority, clocks: clocks, recorded: steps, ruleSet: ruleSet, now: now)
            .steps
        return detail
    }
}

extension CaseClock {
    /// Whether the clock can still go past its due time: running and not yet breached.
    var isPending: Bool { isRunning && breachedAt == nil }
}
