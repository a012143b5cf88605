import AduanCore

extension RuleChecker {
    /// Checks `priority "P1" { when, respond, resolve, escalation }`; `name` is `nil` for a block without a usable
    /// label, whose body is still checked.
    mutating func checkPriority(_ block: SyntaxBlock, name: String?) -> CompiledPriority? {
        let attributes = attributes(of: block, allowed: RuleVocabulary.priorityKeys)
        var isValid = true
        var condition = CompiledCondition.always
        if let attribute = attributes["when"] {
            if let compiled = self.condition(of: attribute) {
                condition = compiled
            } else {
                isValid = false
            }
        }
        var budgets: [String: WorkingDuration] = [:]
        for key in ["respond", "resolve"] {
            guard let attribute = attributes[key] else { continue }
            if let duration = duration(attribute.value, of: "'\(key)'", example: "\(key) = 5 working_days") {
                budgets[key] = duration
            } else {
                isValid = false
            }
        }
        var escalation: String?
        if let attribute = attributes["escalation"] {
            if let ladder = string(attribute), referenceEscalation(ladder, at: attribute.valueLocation) {
                escalation = ladder
            } else {
                isValid = false
            }
        }
        guard let name, isValid else { return nil }
        if let earlier = unconditionalPriority {
            shadowedPriorities.append((name, block.location, earlier))
        } else if condition == .always {
            unconditionalPriority = name
        }
        let policy = PriorityPolicy(
            name: name,
            respond: budgets["respond"],
            resolve: budgets["resolve"],
            escalation: escalation
        )
        return CompiledPriority(policy: policy, condition: condition)
    }

    /// A duration longer than zero, such as `4 working_hours`; reports any other value.
    ///
    /// - Parameters:
    ///   - what: How messages name the value, e.g. `'respond'`.
    ///   - example: A correct attribute for help texts, e.g. `respond = 5 working_days`.
    mutating func duration(_ value: SyntaxValue, of what: String, example: String) -> WorkingDuration? {
        let units = DurationUnit.allCases.map(\.rawValue).joined(separator: ", ")
        switch value.kind {
        case .invalid:
            return nil
        case .duration(let amount, let unit) where amount > Self.longestAmount(of: unit.workingDurationUnit):
            diagnostics.append(
                .error(
                    "\(what) is more than ten years, found '\(amount) \(unit.rawValue)'",
                    at: value.location,
                    help: "write e.g. '\(example)'"
                )
            )
        case .duration(let amount, let unit) where amount > 0:
            return WorkingDuration(amount, unit.workingDurationUnit)
        case .duration(let amount, let unit):
            diagnostics.append(
                .error(
                    "\(what) must be longer than 0, found '\(amount) \(unit.rawValue)'",
                    at: value.location,
                    help: "write e.g. '\(example)'"
                )
            )
        case .integer(let amount):
            diagnostics.append(
                .error(
                    "\(what) needs a unit after '\(amount)'",
                    at: value.location,
                    help: "write e.g. '\(example)'; units are \(units)"
                )
            )
        default:
            diagnostics.append(
                .error(
                    "\(what) must be a duration, found \(value.kindDescription)",
                    at: value.location,
                    help: value.string != nil ? "write it without quotes, e.g. '\(example)'" : "write e.g. '\(example)'"
                )
            )
        }
        return nil
    }

    /// Ten years in `unit`: longer is a typo, and amounts near `Int.max` overflowed the deadline arithmetic or
    /// walked working days for ever (found by fuzzing).
    private static func longestAmount(of unit: WorkingDuration.Unit) -> Int {
        switch unit {
        case .minutes: 10 * 366 * 24 * 60
        case .hours, .workingHours: 10 * 366 * 24
        case .days, .workingDays: 10 * 366
        }
    }
}
