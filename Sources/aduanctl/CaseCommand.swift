import AduanControl
import AduanCore

/// `aduanctl case show|why ID [--json]` and the lifecycle changes `aduanctl case verify|hold|resume|respond|resolve|
/// archive ID` and `aduanctl case forward|assign ID AGENCY`.
enum CaseCommand {
    static let usage = """
        usage: aduanctl case show|why ID [--json]
               aduanctl case verify|hold|resume|respond|resolve|archive ID [--note "…"] [--json]
               aduanctl case forward|assign ID AGENCY [--note "…"] [--json]

        show     one case: state, agency, route, the complaint, every SLA clock (due, time left, paused), every
                 escalation step (fired when, or due when) and its whole history (who, when, what, why)
        why      how the case was routed when it came in: route, agency, priority, the phrases that matched and
                 why, the rules' hash; each clock with its due time and time left; and whether the rules in
                 service today would route it the same way
        verify   the admin accepts a received case; it is dispatched to its agency and its respond clock starts
        hold     waiting for the reporter (tunda): clocks pause and keep the working time they had left
        resume   ends a hold: the case returns to its state and its clocks count the time they had left
        respond  the agency's follow-up (ditindaklanjuti): the respond clock stops; the case closes itself
                 10 working days later unless the reporter replies
        resolve  the matter is settled (selesai): every clock stops
        forward  not the province's authority (bukan wewenang): the case goes to AGENCY (an agency id of the
                 rules, e.g. a kabupaten/kota government), becomes not_our_authority and every clock stops
        assign   another agency of the province becomes responsible: the case keeps its state, its clocks and
                 escalation steps (the reporter's wait does not start over), and notices go to AGENCY from now on
        archive  nothing more will happen (diarsipkan), from received, verified, on_hold, not_our_authority or
                 resolved: every clock stops

        Changes are recorded in the case's history with your user name and the --note. A change the case's state
        does not allow exits 1 and says why.
        """

    private static let changes: [String: ControlOperation] = [
        "verify": .caseVerify, "hold": .caseHold, "resume": .caseResume, "respond": .caseRespond,
        "resolve": .caseResolve, "archive": .caseArchive, "forward": .caseForward, "assign": .caseAssign,
    ]

    private static let verbs = "show, why, verify, hold, resume, respond, resolve, forward, assign, archive"

    static func run(_ arguments: [String], context: CommandContext) throws(CommandFailure) {
        var scanner = ArgumentScanner(arguments, command: "aduanctl case")
        if scanner.wantsHelp { return print(usage) }
        guard let verb = try scanner.positional() else {
            throw .usage("missing a verb: aduanctl case show ID", help: "aduanctl case")
        }
        let isQuery = verb == "show" || verb == "why"
        guard isQuery || changes[verb] != nil else {
            throw .usage("unknown verb '\(verb)'; try: \(verbs)", help: "aduanctl case")
        }
        let isJSON = scanner.flag("--json")
        let note = isQuery ? nil : try scanner.option("--note")
        guard let id = try scanner.positional() else {
            throw .usage("missing the case ID", help: "aduanctl case \(verb)")
        }
        let needsAgency = verb == "forward" || verb == "assign"
        let agency = needsAgency ? try scanner.positional() : nil
        try scanner.finish()
        guard let number = Int64(id), number > 0 else {
            throw .usage("'\(id)' is not a case id (a positive number)", help: "aduanctl case \(verb)")
        }
        if needsAgency, agency == nil {
            throw .usage("missing the AGENCY: aduanctl case \(verb) ID AGENCY", help: "aduanctl case \(verb)")
        }
        if let operation = changes[verb] {
            let summary = try context.send(
                ControlRequest(op: operation, agency: agency, caseID: String(number), note: note),
                expecting: CaseSummary.self
            )
            if isJSON { return try CommandContext.printJSON(summary) }
            let agencyText = needsAgency ? ", with \(summary.agency ?? "-")" : ""
            return print("case \(summary.id): \(summary.state.rawValue) (\(summary.state.laporTerm))\(agencyText)")
        }
        if verb == "why" {
            let explanation = try context.send(
                ControlRequest(op: .caseWhy, caseID: String(number)),
                expecting: CaseExplanation.self
            )
            if isJSON { return try CommandContext.printJSON(explanation) }
            return print(CaseWhyRenderer.render(explanation))
        }
        let detail = try context.send(ControlRequest(op: .caseShow, caseID: String(number)), expecting: CaseDetail.self)
        if isJSON { return try CommandContext.printJSON(detail) }
        print(render(detail))
    }

    static func render(_ detail: CaseDetail) -> String {
        let summary = detail.summary
        let complaint = detail.complaint
        var lines = [
            "case \(summary.id): \(summary.state.rawValue) (\(summary.state.laporTerm))",
            "agency:    \(summary.agency ?? "-")",
            "route:     \(summary.route ?? "-")",
            "priority:  \(summary.priority ?? "-")",
            "respond by: \(summary.respondBy.map(RFC3339.format) ?? "-")",
            "overdue:   \(summary.overdueSince.map { "since " + RFC3339.format($0) } ?? "no")",
            "source:    \(summary.source) / \(summary.externalID) via \(complaint.channel.rawValue)",
            "received:  \(RFC3339.format(summary.receivedAt))",
            "region:    \(summary.region ?? "-")",
        ]
        if let reporter = complaint.reporter { lines.append("reporter:  \(describe(reporter))") }
        if let title = complaint.title { lines.append("title:     \(title)") }
        lines.append("")
        lines.append(complaint.text)
        lines.append("")
        if !detail.clocks.isEmpty {
            lines.append(renderClocks(detail.clocks, remaining: detail.remainingSeconds))
            lines.append("")
        }
        if !detail.steps.isEmpty {
            var steps = TableRenderer(headers: ["ESCALATION", "STEP", "ACTION", "DUE", "FIRED"])
            steps.rows = detail.steps.map { step in
                [
                    step.escalation, "\(step.step + 1)", step.action, step.dueAt.map(RFC3339.format) ?? "-",
                    step.firedAt.map(RFC3339.format) ?? "-",
                ]
            }
            lines.append(steps.render())
            lines.append("")
        }
        var table = TableRenderer(headers: ["AT", "ACTOR", "EVENT", "STATE", "WHY"])
        table.rows = detail.events.map { event in
            let transition =
                switch (event.fromState, event.toState) {
                case (let from?, let to?): "\(from.rawValue) → \(to.rawValue)"
                case (nil, let to?): "→ \(to.rawValue)"
                default: ""
                }
            return [RFC3339.format(event.at), event.actor, event.kind, transition, event.reason ?? ""]
        }
        lines.append(table.render())
        return lines.joined(separator: "\n")
    }

    /// `Budi Santoso, 0812-3456-789, NIK 3671…, citizen`: what the daemon sent (masked for readers), absent parts left out.
    static func describe(_ reporter: Reporter) -> String {
        let parts = [reporter.name, reporter.contact, reporter.nik.map { "NIK " + $0 }, reporter.kind]
        return parts.compactMap(\.self).joined(separator: ", ")
    }

    /// The clocks as a table: budget, start, due time, working time left and status.
    static func renderClocks(_ clocks: [CaseClock], remaining: [String: Int]) -> String {
        var table = TableRenderer(headers: ["CLOCK", "BUDGET", "STARTED", "DUE", "LEFT", "STATUS"])
        table.rows = clocks.map { clock in
            let status: String =
                if let stopped = clock.stoppedAt {
                    "stopped \(RFC3339.format(stopped))"
                } else if let paused = clock.pausedAt {
                    "paused since \(RFC3339.format(paused)), \(formatWorking(clock.anchorRemaining ?? 0)) left"
                } else if let breached = clock.breachedAt {
                    "BREACHED \(RFC3339.format(breached))"
                } else {
                    "running"
                }
            let left = remaining[clock.kind.rawValue].map(formatWorking) ?? "-"
            return [
                clock.kind.rawValue, clock.budget.description, RFC3339.format(clock.startedAt),
                clock.dueAt.map(RFC3339.format) ?? "-", left, status,
            ]
        }
        return table.render()
    }

    /// Working time as hours and minutes, `5h 30m`; late by that much when negative, `-2h 0m`.
    static func formatWorking(_ seconds: Int) -> String {
        let minutes = abs(seconds) / 60
        return (seconds < 0 ? "-" : "") + "\(minutes / 60)h \(minutes % 60)m"
    }
}
