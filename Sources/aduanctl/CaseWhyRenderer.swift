import AduanControl
import AduanCore

/// What `aduanctl case why` prints: the routing as recorded, the clocks, and today's routing when it differs.
enum CaseWhyRenderer {
    static func render(_ explanation: CaseExplanation) -> String {
        let summary = explanation.summary
        let routed = explanation.routed
        var lines = [
            "case \(summary.id): \(summary.state.rawValue) (\(summary.state.laporTerm))",
            "routed:    \(routed.at.map(RFC3339.format) ?? "-") by rules \(shortHash(routed.rulesHash))",
            "route:     \(routed.route ?? "-")",
            "agency:    \(changed(routed.agency, now: summary.agency))",
            "priority:  \(changed(routed.priority, now: summary.priority))",
        ]
        if let phrases = routed.phrases {
            lines.append("phrases:   " + (phrases.isEmpty ? "-" : phrases.map { "\"\($0)\"" }.joined(separator: ", ")))
        }
        lines.append("why:       \(routed.reason ?? "-")")
        lines.append("")
        if !explanation.clocks.isEmpty {
            lines.append(CaseCommand.renderClocks(explanation.clocks, remaining: explanation.remainingSeconds))
            lines.append("")
        }
        let today = explanation.today
        if routed.agency == nil {
            // A case routed before the decision was recorded: compare with what its own row still holds.
            lines.append("today:     rules \(shortHash(today.rulesHash)) route it \(describe(today))")
        } else if today.isSame(as: routed) {
            lines.append("today:     rules \(shortHash(today.rulesHash)) route it the same way")
        } else {
            lines.append(
                "today:     rules \(shortHash(today.rulesHash)) would route it differently: \(describe(today))"
            )
            lines.append("           \(today.reason ?? "")")
        }
        return lines.joined(separator: "\n")
    }

    private static func describe(_ routing: CaseExplanation.Routing) -> String {
        "\"\(routing.route ?? "-")\" to \(routing.agency ?? "-"), priority \(routing.priority ?? "none")"
    }

    /// `dpupr`, or `dpupr (now biro-pemerintahan)` when the case has moved since.
    private static func changed(_ routed: String?, now current: String?) -> String {
        guard let routed else { return current ?? "-" }
        return routed == current ? routed : "\(routed) (now \(current ?? "-"))"
    }

    private static func shortHash(_ hash: String?) -> String {
        hash.map { String($0.prefix(12)) } ?? "-"
    }
}
