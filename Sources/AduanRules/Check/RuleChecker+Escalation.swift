import AduanCore

extension RuleChecker {
    private static let stepExample = "step { at = respond_deadline - 1 working_day, do = notify(\"agency-head\") }"

    /// Checks `escalation "name" { step { … } … }`; `name` is `nil` for a block without a usable label, whose
    /// steps are still checked.
    mutating func checkEscalation(_ block: SyntaxBlock, name: String?) -> EscalationPolicy? {
        for attribute in block.attributes where !attribute.value.isInvalid {
            let isStepKey = RuleVocabulary.stepKeys.contains(attribute.key)
            diagnostics.append(
                .error(
                    "\(describe(block)) holds only 'step { … }' blocks, not '\(attribute.key) = …'",
                    at: attribute.location,
                    help: isStepKey ? "put it inside a step: \(Self.stepExample)" : "write '\(Self.stepExample)'"
                )
            )
        }
        var steps: [EscalationStep] = []
        var isValid = true
        for nested in block.blocks {
            guard nested.kind == RuleVocabulary.step else {
                diagnostics.append(
                    .error(
                        "a '\(nested.kind)' block cannot appear inside \(describe(block))",
                        at: nested.location,
                        help: Suggestion.didYouMean(nested.kind, among: [RuleVocabulary.step])
                            ?? "an escalation holds only 'step { … }' blocks"
                    )
                )
                isValid = false
                continue
            }
            if let step = checkStep(nested) {
                steps.append(step)
            } else {
                isValid = false
            }
        }
        if block.blocks.isEmpty {
            diagnostics.append(
                .error("\(describe(block)) has no steps", at: block.location, help: "add '\(Self.stepExample)'")
            )
        }
        guard let name, isValid, !steps.isEmpty else { return nil }
        return EscalationPolicy(name: name, steps: steps)
    }

    /// Checks `step { at = …, do = …, quiet = working_hours }`.
    private mutating func checkStep(_ block: SyntaxBlock) -> EscalationStep? {
        if let location = block.labelLocations.first {
            diagnostics.append(.error("'step' takes no label", at: location, help: "write '\(Self.stepExample)'"))
        }
        let attributes = attributes(of: block, allowed: RuleVocabulary.stepKeys)
        let time = required("at", in: attributes, of: block, example: "at = respond_deadline - 1 working_day")
            .flatMap { stepTime($0.value) }
        let action = required("do", in: attributes, of: block, example: "do = notify(\"agency-head\")")
            .flatMap { self.action($0.value) }
        let isQuiet = attributes["quiet"].map { quiet($0.value) } ?? false
        guard let time, let action, let isQuiet else { return nil }
        return EscalationStep(
            anchor: time.anchor,
            offset: time.offset,
            isBeforeAnchor: time.isBeforeAnchor,
            action: action,
            isQuietOutsideWorkingHours: isQuiet
        )
    }

    /// `at = respond_deadline`, `at = respond_deadline - 1 working_day`, `at = resolve_deadline + 5 working_days`.
    ///
    /// A bare deadline is an offset of 0 minutes after it: exactly the deadline, even when that is a closing time.
    private mutating func stepTime(
        _ value: SyntaxValue
    ) -> (anchor: ClockKind, offset: WorkingDuration, isBeforeAnchor: Bool)? {
        switch value.kind {
        case .invalid:
            return nil
        case .identifier(let name):
            return deadline(name, at: value.location).map { ($0, WorkingDuration(0, .minutes), false) }
        case .offset(let base, let sign, let distance):
            let anchor = deadline(base, at: value.location)
            let offset = duration(
                distance,
                of: "the offset from '\(base)'",
                example: "at = \(base) \(sign.rawValue) 1 working_day"
            )
            guard let anchor, let offset else { return nil }
            return (anchor, offset, sign == .minus)
        default:
            diagnostics.append(
                .error(
                    "'at' must be a deadline such as 'respond_deadline - 1 working_day', found \(value.kindDescription)",
                    at: value.location,
                    help: value.string.map { "write it without quotes: 'at = \($0)'" }
                        ?? "deadlines are \(Self.deadlineNames.joined(separator: ", "))"
                )
            )
            return nil
        }
    }

    private static let deadlineNames = ClockKind.allCases.map(\.deadlineName)

    /// The clock of a deadline name such as `respond_deadline`; reports other names.
    private mutating func deadline(_ name: String, at location: SourceLocation) -> ClockKind? {
        if let clock = ClockKind(deadlineName: name) { return clock }
        var message = "unknown deadline '\(name)'"
        let help: String
        if let dash = name.firstIndex(of: "-"), ClockKind(deadlineName: String(name[..<dash])) != nil {
            message = "'\(name)' reads as one name, because names may contain '-'"
            help = "put spaces around '-': '\(name[..<dash]) - \(name[name.index(after: dash)...]) working_days'"
        } else if let clock = ClockKind(rawValue: name) {
            help = "did you mean '\(clock.deadlineName)'?"
        } else {
            help =
                Suggestion.didYouMean(name, among: Self.deadlineNames)
                ?? "deadlines are \(Self.deadlineNames.joined(separator: ", "))"
        }
        diagnostics.append(.error(message, at: location, help: help))
        return nil
    }

    /// `do = notify("target")`, `reassign("agency-id")`, `raise("P1")` or `mark_overdue`.
    private mutating func action(_ value: SyntaxValue) -> EscalationAction? {
        let help = "actions are notify(\"agency-head\"), reassign(\"agency-id\"), raise(\"P1\") and mark_overdue"
        switch value.kind {
        case .invalid:
            return nil
        case .identifier("mark_overdue"):
            return .markOverdue
        case .call("mark_overdue", _):
            diagnostics.append(
                .error("'mark_overdue' takes no arguments", at: value.location, help: "write 'do = mark_overdue'")
            )
        case .identifier(let name) where RuleVocabulary.actions.contains(name):
            diagnostics.append(
                .error(
                    "'\(name)' needs an argument",
                    at: value.location,
                    help: "write e.g. 'do = \(Self.actionExamples[name] ?? name)'"
                )
            )
        case .call("notify", let arguments):
            guard let (target, location) = argument(of: "notify", arguments, at: value.location) else { return nil }
            if agencyIDs[target] == nil, let agency = Suggestion.closest(to: target, among: agencyIDs.keys.sorted()) {
                diagnostics.append(
                    .warning(
                        "notify target '\(target)' is not an agency",
                        at: location,
                        help: "did you mean '\(agency)'? Targets that are not agencies are roles the daemon delivers"
                    )
                )
            }
            return .notify(target)
        case .call("reassign", let arguments):
            guard let (agency, location) = argument(of: "reassign", arguments, at: value.location) else { return nil }
            checkAgencyReference(agency, at: location)
            return agencyIDs[agency] == nil ? nil : .reassign(agency)
        case .call("raise", let arguments):
            guard let (priority, location) = argument(of: "raise", arguments, at: value.location),
                referencePriority(priority, at: location)
            else { return nil }
            return .raise(priority)
        case .identifier(let name), .call(let name, _):
            diagnostics.append(
                .error(
                    "unknown action '\(name)'",
                    at: value.location,
                    help: Suggestion.didYouMean(name, among: RuleVocabulary.actions) ?? help
                )
            )
        default:
            diagnostics.append(
                .error("'do' must be an action, found \(value.kindDescription)", at: value.location, help: help)
            )
        }
        return nil
    }

    private static let actionExamples = [
        "notify": "notify(\"agency-head\")", "reassign": "reassign(\"biro-pemerintahan\")", "raise": "raise(\"P1\")",
    ]

    /// The one quoted, non-empty argument of an action call, and where it is.
    private mutating func argument(
        of action: String,
        _ arguments: [SyntaxValue],
        at location: SourceLocation
    ) -> (String, SourceLocation)? {
        let example = "write 'do = \(Self.actionExamples[action] ?? action)'"
        guard arguments.count == 1 else {
            diagnostics.append(
                .error(
                    "'\(action)' takes one argument, found \(arguments.count)",
                    at: location,
                    help: example
                )
            )
            return nil
        }
        let argument = arguments[0]
        if argument.string?.isEmpty == true {
            diagnostics.append(.error("the argument of '\(action)' is empty", at: argument.location, help: example))
            return nil
        }
        guard let text = argument.string else {
            diagnostics.append(
                .error(
                    "the argument of '\(action)' must be a quoted name, found \(argument.kindDescription)",
                    at: argument.location,
                    help: example
                )
            )
            return nil
        }
        return (text, argument.location)
    }

    /// `quiet = working_hours`, the only value.
    private mutating func quiet(_ value: SyntaxValue) -> Bool? {
        if value.identifier == RuleVocabulary.quietWorkingHours { return true }
        if value.isInvalid { return nil }
        let word = value.identifier ?? value.string
        diagnostics.append(
            .error(
                "'quiet' can only be working_hours, found \(value.kindDescription)",
                at: value.location,
                help: word == RuleVocabulary.quietWorkingHours
                    ? "write 'quiet = working_hours' without quotes"
                    : word.flatMap { Suggestion.didYouMean($0, among: [RuleVocabulary.quietWorkingHours]) }
                        ?? "write 'quiet = working_hours', or leave 'quiet' out to act at any hour"
            )
        )
        return nil
    }
}
