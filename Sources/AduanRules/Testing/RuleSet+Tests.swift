import AduanCore
import Foundation

extension RuleSet {
    /// Runs `test` on this snapshot: routes its complaint and, when it has a `received` time, plans its deadlines
    /// exactly as the daemon would.
    func run(_ test: RuleTest) -> RuleTestResult {
        let decision = route(test.input)
        let respondBy = test.receivedAt.flatMap { plannedDeadlines(for: decision, receivedAt: $0).respondBy }
        var mismatches: [RuleTestMismatch] = []
        for expectation in test.expectations {
            switch expectation {
            case .route(let label) where label != decision.route:
                mismatches.append(RuleTestMismatch(field: "route", expected: label, actual: decision.route))
            case .agency(let agency) where agency != decision.agency:
                mismatches.append(RuleTestMismatch(field: "to", expected: agency, actual: decision.agency))
            case .priority(let priority) where priority != decision.priority:
                mismatches.append(RuleTestMismatch(field: "priority", expected: priority, actual: decision.priority))
            case .respondBy(let expected, let written) where !Self.isSameSecond(expected, respondBy):
                mismatches.append(
                    RuleTestMismatch(
                        field: "respond_by",
                        expected: expected == nil ? nil : written,
                        actual: respondBy.map(localTime)
                    )
                )
            default:
                break
            }
        }
        return RuleTestResult(
            label: test.label,
            location: test.location,
            decision: decision,
            respondBy: respondBy,
            mismatches: mismatches
        )
    }

    /// RFC 3339 in the calendar's own offset, as people write deadlines: `2026-03-24T16:00:00+07:00`.
    func localTime(_ date: Date) -> String {
        RFC3339.format(date, offsetSeconds: calendar.timeZone.secondsFromGMT(for: date))
    }

    /// Deadlines are whole seconds; a written time may carry a fraction.
    private static func isSameSecond(_ first: Date?, _ second: Date?) -> Bool {
        first.map { $0.timeIntervalSince1970.rounded(.down) } == second.map { $0.timeIntervalSince1970.rounded(.down) }
    }
}
