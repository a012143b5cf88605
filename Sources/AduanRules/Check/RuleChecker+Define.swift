extension RuleChecker {
    private static let defineExample = "define \"darurat\" { when = text has any banjir or text has any longsor }"

    /// Declares every `define` block, then compiles each, so that errors inside an unused one are reported too.
    mutating func checkDefines(_ blocks: [SyntaxBlock]) {
        for block in blocks {
            declareDefine(block)
        }
        for name in defines.order {
            _ = compileDefine(name)
        }
    }

    private mutating func declareDefine(_ block: SyntaxBlock) {
        let name = label(of: block, example: Self.defineExample)
        let attributes = attributes(of: block, allowed: RuleVocabulary.defineKeys)
        let condition = required("when", in: attributes, of: block, example: "when = text has any <list>")
        guard let name else { return }
        if TokenParser.conditionWords.contains(name) || ["and", "or"].contains(name) {
            diagnostics.append(
                .error(
                    "'\(name)' is a word of the rules language and cannot name a define",
                    at: block.labelLocations[0],
                    help: "choose another name, e.g. \"\(name)_saja\""
                )
            )
            return
        }
        if !Self.isReferenceable(name) {
            diagnostics.append(
                .error(
                    "define name '\(name)' cannot be written in a condition",
                    at: block.labelLocations[0],
                    help: "use letters, digits, '_' and '-', starting with a letter, e.g. \"bencana-alam\""
                )
            )
            return
        }
        if let first = defines.entries[name] {
            diagnostics.append(
                .error(
                    "define '\(name)' is declared twice",
                    at: block.location,
                    help: "first declared at \(first.location)"
                )
            )
            return
        }
        defines.entries[name] = NamedConditions.Entry(location: block.location, condition: condition)
        defines.order.append(name)
    }

    /// The compiled condition of the define `name`, compiling it (and the defines it names) on first use.
    private mutating func compileDefine(_ name: String) -> CompiledCondition? {
        guard let entry = defines.entries[name] else { return nil }
        if let compiled = entry.compiled { return compiled }
        defines.chain.append(name)
        let compiled = entry.condition.flatMap { condition(of: $0) }
        defines.chain.removeLast()
        defines.entries[name]?.compiled = .some(compiled)
        return compiled
    }

    /// The condition a bare name in a condition stands for: a define. Reports unknown names (suggesting a define, a
    /// list or a keyword) and cycles (with the chain of names).
    mutating func namedCondition(_ name: String, at location: SourceLocation) -> CompiledCondition? {
        guard defines.entries[name] != nil else {
            reportUnknownCondition(name, at: location)
            return nil
        }
        defines.entries[name]?.isUsed = true
        if let start = defines.chain.firstIndex(of: name) {
            let cycle = (defines.chain[start...] + [name]).map { "\"\($0)\"" }.joined(separator: " → ")
            diagnostics.append(
                .error(
                    "a define cannot use itself: define \(cycle)",
                    at: location,
                    help: "a define may name other defines, but not in a circle; move the shared part into a define "
                        + "of its own"
                )
            )
            // Every define of the cycle is then compiled as failed, without another message.
            for member in defines.chain[start...] {
                defines.entries[member]?.compiled = .some(nil)
            }
            return nil
        }
        return compileDefine(name)
    }

    private mutating func reportUnknownCondition(_ name: String, at location: SourceLocation) {
        if let list = lists[name] {
            lists[name]?.isUsed = true
            diagnostics.append(
                .error(
                    "'\(name)' is a list, not a named condition",
                    at: location,
                    help: "write '\(list.content.usage(of: name))'"
                )
            )
            return
        }
        let candidates = defines.order + listOrder + TokenParser.conditionWords
        let help: String
        switch Suggestion.closest(to: name, among: candidates) {
        case let closest? where defines.entries[closest] == nil:
            let usage = lists[closest].map { $0.content.usage(of: closest) } ?? closest
            help = "did you mean '\(usage)'?"
        case let closest?:
            help = "did you mean '\(closest)'?"
        case nil:
            help =
                "declare it with 'define \"\(name)\" { when = … }', or write a condition such as "
                + "'text has any <list>'"
        }
        diagnostics.append(.error("unknown named condition '\(name)'", at: location, help: help))
    }

    /// Warns about defines no condition names.
    mutating func reportUnusedDefines() {
        for name in defines.order {
            guard let entry = defines.entries[name], !entry.isUsed else { continue }
            diagnostics.append(
                .warning(
                    "define '\(name)' is never used",
                    at: entry.location,
                    help: "name it in a condition (when = \(name)) or remove it"
                )
            )
        }
    }
}
