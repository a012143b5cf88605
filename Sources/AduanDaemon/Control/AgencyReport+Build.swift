import AduanControl
import AduanCore
import AduanRules
import AduanStore
import Foundation

extension AgencyReport {
    /// One report per agency with cases, by agency id: counts as stored, response times in working time on the
    /// calendar of `ruleSet`, and the share answered by the respond deadline among those whose deadline is settled
    /// at `now`.
    static func build(from activity: AgencyActivity, ruleSet: RuleSet, now: Date) -> [AgencyReport] {
        let responsesByAgency = Dictionary(grouping: activity.responses, by: \.agency)
        let calendar = ruleSet.calendar
        return activity.counts.keys.sorted().map { agency in
            let counts = activity.counts[agency] ?? AgencyActivity.Counts(cases: 0, open: 0, overdue: 0)
            var seconds: [Int] = []
            var settled = 0
            var withinSLA = 0
            for response in responsesByAgency[agency] ?? [] {
                if let answeredAt = response.answeredAt {
                    seconds.append(calendar.workingSeconds(from: response.receivedAt, to: answeredAt))
                    settled += 1
                    // A clock stopped while paused has no due time; it was in time unless it had been breached.
                    let isInTime = response.respondDue.map { answeredAt <= $0 } ?? (response.respondBreachedAt == nil)
                    if isInTime { withinSLA += 1 }
                } else if response.respondBreachedAt != nil || (response.respondDue.map { $0 < now } ?? false) {
                    settled += 1
                }
            }
            seconds.sort()
            let declared = ruleSet.agency(id: agency)
            return AgencyReport(
                agency: agency,
                name: declared.map { $0.short ?? $0.name },
                cases: counts.cases,
                open: counts.open,
                overdue: counts.overdue,
                answered: seconds.count,
                medianResponseSeconds: nearestRank(0.5, of: seconds),
                p90ResponseSeconds: nearestRank(0.9, of: seconds),
                withinSLAShare: settled == 0 ? nil : Double(withinSLA) / Double(settled)
            )
        }
    }

    /// The nearest-rank percentile of sorted values: the smallest value with at least `fraction` of them at or
    /// below it; `nil` for no values.
    static func nearestRank(_ fraction: Double, of sorted: [Int]) -> Int? {
        guard !sorted.isEmpty else { return nil }
        let rank = Int((fraction * Double(sorted.count)).rounded(.up))
        return sorted[max(rank, 1) - 1]
    }
}
