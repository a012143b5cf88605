extension RuleChecker {
    static let priorityExample = "priority \"P1\" { when = …, respond = 4 working_hours, resolve = 2 working_days }"
    static let escalationExample = "escalation \"standar\" { step { at = respond_deadline, do = mark_overdue } }"

    /// Declares the labels of blocks of one kind, so that blocks can name each other in any order; reports
    /// missing labels and names declared twice.
    ///
    /// - Returns: Each block's name, `nil` when it has none or repeats an earlier block's.
    mutating func declare(
        _ blocks: [SyntaxBlock],
        example: String,
        in names: WritableKeyPath<RuleChecker, [String: DeclaredName]>
    ) -> [String?] {
        blocks.map { block in
            guard let name = label(of: block, example: example) else { return nil }
            if let first = self[keyPath: names][name] {
                diagnostics.append(
                    .error(
                        "\(block.kind) '\(name)' is declared twice",
                        at: block.location,
                        help: "first declared at \(first.location)"
                    )
                )
                return nil
            }
            self[keyPath: names][name] = DeclaredName(location: block.location)
            return name
        }
    }

    /// Marks the priority `name` as referenced; reports an unknown name and returns false.
    mutating func referencePriority(_ name: String, at location: SourceLocation) -> Bool {
        reference(name, kind: "priority", at: location, in: \.priorityNames, declaration: "priority \"\(name)\" { … }")
    }

    /// Marks the escalation `name` as referenced; reports an unknown name and returns false.
    mutating func referenceEscalation(_ name: String, at location: SourceLocation) -> Bool {
        reference(
            name,
            kind: "escalation",
            at: location,
            in: \.escalationNames,
            declaration: "escalation \"\(name)\" { step { … } }"
        )
    }

    private mutating func reference(
        _ name: String,
        kind: String,
        at location: SourceLocation,
        in names: WritableKeyPath<RuleChecker, [String: DeclaredName]>,
        declaration: String
    ) -> Bool {
        guard self[keyPath: names][name] != nil else {
            diagnostics.append(
                .error(
                    "unknown \(kind) '\(name)'",
                    at: location,
                    help: Suggestion.didYouMean(name, among: self[keyPath: names].keys.sorted())
                        ?? "declare it with '\(declaration)'"
                )
            )
            return false
        }
        self[keyPath: names][name]?.isReferenced = true
        return true
    }

    /// Warns about lists no condition uses, escalations no priority uses, and priorities that can never apply.
    mutating func reportUnused(escalationBlocks: [SyntaxBlock]) {
        for name in listOrder {
            guard let list = lists[name], !list.isUsed else { continue }
            diagnostics.append(
                .warning(
                    "list '\(name)' is never used",
                    at: list.location,
                    help: "use it in a condition, e.g. 'text has any \(name)', or remove it"
                )
            )
        }
        for block in escalationBlocks {
            guard let name = block.labels.first, let declared = escalationNames[name],
                declared.location == block.location, !declared.isReferenced
            else { continue }
            diagnostics.append(
                .warning(
                    "escalation '\(name)' is never used",
                    at: block.location,
                    help: "name it in a priority (escalation = \"\(name)\") or remove it"
                )
            )
        }
        for shadowed in shadowedPriorities where priorityNames[shadowed.name]?.isReferenced == false {
            diagnostics.append(
                .warning(
                    "priority '\(shadowed.name)' is never used: priority '\(shadowed.shadowedBy)' before it "
                        + "applies to every complaint",
                    at: shadowed.location,
                    help: "move it before '\(shadowed.shadowedBy)', set it on a route with "
                        + "priority = \"\(shadowed.name)\", or remove it"
                )
            )
        }
    }
}
