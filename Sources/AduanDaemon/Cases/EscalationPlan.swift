import AduanCore
import AduanRules
import Foundation

/// A case's escalation steps: the ladder of its priority in the rules in service, each step due relative to its
/// anchor clock, overlaid with what the store recorded about single steps.
///
/// The plan is derived, never stored: a step gets a row only when it fires (so that it never fires twice) or when
/// a quiet step is postponed to the next opening. Intake therefore writes no step rows, and a reload or a priority
/// change moves every planned step by recomputing, not by rewriting rows.
struct EscalationPlan {
    /// The ladder's steps of a case, then the recorded steps of ladders it no longer follows (they fired before a
    /// priority change), each with its due time (`nil` while its anchor clock does not run) and when it fired.
    let steps: [EscalationStepStatus]

    /// Plans the steps of a case with `priority` whose clocks are `clocks`.
    ///
    /// - Parameter recorded: the case's stored step rows: fired steps, and unfired ones postponed to `dueAt`.
    init(priority: String?, clocks: [CaseClock], recorded: [EscalationStepStatus], ruleSet: RuleSet) {
        let ladder = priority.flatMap(ruleSet.priority(named:))?.escalation.flatMap(ruleSet.escalation(named:))
        var steps: [EscalationStepStatus] = recorded.filter { $0.escalation != ladder?.name && $0.firedAt != nil }
        guard let ladder else {
            self.steps = steps
            return
        }
        for (index, step) in ladder.steps.enumerated() {
            if let record = recorded.first(where: { $0.escalation == ladder.name && $0.step == index }),
                record.firedAt != nil || record.dueAt != nil
            {
                steps.append(record)
                continue
            }
            let anchorDue = clocks.first { $0.kind == step.anchor && $0.isRunning }?.dueAt
            let due = anchorDue.map { deadline in
                step.isBeforeAnchor
                    ? step.offset.subtracted(from: deadline, in: ruleSet.calendar)
                    : step.offset.deadline(from: deadline, in: ruleSet.calendar)
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
    /// The case with its escalation steps planned by `ruleSet`: the store returns only the steps that fired or
    /// were postponed.
    func withPlannedSteps(by ruleSet: RuleSet) -> CaseDetail {
        var detail = self
        detail.steps =
            EscalationPlan(priority: summary.priority, clocks: clocks, recorded: steps, ruleSet: ruleSet).steps
        return detail
    }
}

extension CaseClock {
    /// Whether the clock can still go past its due time: running and not yet breached.
    var isPending: Bool { isRunning && breachedAt == nil }
}
