import AduanCore
import AduanRules
import Foundation

/// `aduanctl rules explain --text "…"`: how the rules route one complaint and which deadlines it gets, offline.
enum RulesExplainCommand {
    static let usage = """
        usage: aduanctl rules explain --text "…" [--title T] [--region R] [--channel C] [--received TIME]
                                      [DIR] [--rules DIR] [--json]

        Routes one complaint with the rules of DIR (default: $CONFIGURATION_DIRECTORY/rules, else ./rules) and
        shows why: the normalised words, each route tried in order with the phrases it found and whether its
        condition held (and why not), the winner, the priority and the block that chose it, and the deadlines the
        case starts with, with every day off between receipt and each deadline and why it is off. Works offline.

        options:
          --text TEXT       the complaint (required)
          --title TITLE     its subject
          --region REGION   official name ("Kota Serang", "Kab. Lebak") or Kemendagri code ("36.73")
          --channel NAME    one of \(Channel.acceptedNames) (default: other)
          --received TIME   when it was received, RFC 3339 (default: now)
          --rules DIR       the rules directory (or give DIR as the argument)
          --json            the explanation as one JSON object
        """

    static func run(_ scanner: inout ArgumentScanner) throws(CommandFailure) {
        if scanner.wantsHelp { return print(usage) }
        let command = "aduanctl rules explain"
        let isJSON = scanner.flag("--json")
        let text = try scanner.option("--text")
        let title = try scanner.option("--title")
        let regionName = try scanner.option("--region")
        let channelName = try scanner.option("--channel")
        let receivedText = try scanner.option("--received")
        let directory = try OfflineRules.directory(&scanner, command: command)
        try scanner.finish()
        guard let text, !text.allSatisfy(\.isWhitespace) else {
            throw .usage("--text \"…\" is required: the complaint to explain", help: command)
        }
        let region = try regionName.map { name throws(CommandFailure) in try resolve(region: name, command: command) }
        var channel = Channel.other
        if let channelName {
            guard let named = Channel(rawValue: channelName) else {
                let hint =
                    Suggestion.didYouMean(channelName, among: Channel.allCases.map(\.rawValue))
                    .map { "; \($0)" } ?? ": use one of \(Channel.acceptedNames)"
                throw .usage("unknown channel '\(channelName)'\(hint)", help: command)
            }
            channel = named
        }
        var receivedAt = Date()
        if let receivedText {
            guard let parsed = RFC3339.parse(receivedText) else {
                throw .usage(
                    "--received '\(receivedText)' is not an RFC 3339 time such as 2026-03-17T10:00:00+07:00",
                    help: command
                )
            }
            receivedAt = parsed
        }
        let ruleSet = try OfflineRules.compiled(directory)
        let input = RoutingInput(text: text, title: title, channel: channel, region: region)
        let explanation = ruleSet.explain(input, receivedAt: receivedAt)
        if isJSON { return try CommandContext.printJSON(explanation) }
        print(render(explanation, ruleSet: ruleSet))
    }

    /// The region named on a command line, or a usage error that lists or suggests the names that exist.
    static func resolve(region name: String, command: String) throws(CommandFailure) -> Region {
        if let region = Region.resolve(name) { return region }
        let candidates = Region.candidates(for: name)
        if candidates.count > 1 {
            let names = candidates.map { "\"\($0.name)\"" }.joined(separator: " or ")
            throw .usage("region '\(name)' is ambiguous: write \(names)", help: command)
        }
        let hint =
            candidates.first.map { "did you mean '\($0.name)'?" }
            ?? Suggestion.didYouMean(name, among: Region.banten.map(\.name))
            ?? "regions are \(Region.banten.map(\.name).joined(separator: ", "))"
        throw .usage("unknown region '\(name)'; \(hint)", help: command)
    }

    static func render(_ explanation: RoutingExplanation, ruleSet: RuleSet) -> String {
        func local(_ date: Date) -> String {
            RFC3339.format(date, offsetSeconds: ruleSet.calendar.timeZone.secondsFromGMT(for: date))
        }
        var lines: [String] = []
        if let titleWords = explanation.titleWords {
            lines.append("title words: \(titleWords.joined(separator: " "))")
        }
        lines.append("words:       \(explanation.words.joined(separator: " "))")
        lines.append(
            "channel \(explanation.channel.rawValue), region \(explanation.region?.name ?? "unknown"), "
                + "received \(local(explanation.receivedAt))"
        )
        lines.append("")
        lines.append("routes, in order; the first whose condition holds wins:")
        lines += attempts(explanation.routes)
        lines.append("")
        let agencyName = ruleSet.agency(id: explanation.agency).map { " (\($0.name))" } ?? ""
        lines.append(
            "winner:   route \"\(explanation.route)\" → \(explanation.agency)\(agencyName), verify "
                + explanation.verify.rawValue
        )
        if let priority = explanation.priority {
            lines.append("priority: \(priority), chosen by \(explanation.prioritySource)")
        } else {
            lines.append("priority: none; no priority block applies, so the SP4N-LAPOR! defaults hold")
        }
        if !explanation.priorities.isEmpty {
            lines += attempts(explanation.priorities)
        }
        lines.append("")
        lines.append(
            "deadlines (\(ruleSet.calendar.timeZone.identifier), counted from \(local(explanation.receivedAt))):"
        )
        for deadline in explanation.deadlines {
            lines.append(
                "  \(deadline.clock.rawValue) by \(local(deadline.due)): \(deadline.budget) (\(deadline.source))"
            )
            for day in deadline.skipped {
                lines.append("    skips \(day.date.iso) \(day.reason)")
            }
        }
        if explanation.verify == .manual {
            lines.append("  respond: starts when an administrator verifies the case (verify = manual)")
        }
        return lines.joined(separator: "\n")
    }

    /// `  3  no   Label → agency` and, below it, what held or why not.
    private static func attempts(_ attempts: [RoutingExplanation.Attempt]) -> [String] {
        let width = String(attempts.count).count
        return attempts.enumerated().flatMap { index, attempt in
            let number = String(index + 1)
            let padded = String(repeating: " ", count: width - number.count) + number
            let target = attempt.agency.map { " → \($0)" } ?? ""
            let head = "  \(padded)  \(attempt.isMatch ? "YES" : "no ")  \(attempt.name)\(target)"
            let found = attempt.phrases.map { "\"\($0)\"" }.joined(separator: ", ")
            let detail =
                attempt.isMatch || attempt.phrases.isEmpty ? attempt.reason : "found \(found); but \(attempt.reason)"
            return [head, String(repeating: " ", count: width + 9) + detail]
        }
    }
}
