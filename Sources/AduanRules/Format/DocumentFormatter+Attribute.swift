extension DocumentFormatter {
    /// Decides how each element of a body is written: comments around it, whether a list or condition is broken
    /// over lines, and how far keys are padded.
    ///
    /// The `=` of the one-line attributes of a group line up; a group is a run of attributes without a blank line
    /// or a block between them. Whether a value fits is measured with the group's longest key, so the decision does
    /// not depend on itself.
    func plan(_ entries: [FormatEntry], _ buckets: CommentBuckets, level: Int) -> [EntryPlan] {
        var plans = entries.indices.map { EntryPlan(leading: buckets.leading[$0], trailing: buckets.trailing[$0]) }
        var chains: [Int: EntryPlan.Chain] = [:]
        for (index, entry) in entries.enumerated() {
            guard case .attribute(let attribute) = entry.kind, case .condition(let condition) = attribute.value.kind
            else { continue }
            let chain = self.chain(
                condition,
                comments: buckets.inner[index],
                closing: (entry.inner?.upperBound ?? 0) + 1
            )
            plans[index].leading += chain.before
            plans[index].after = chain.after
            chains[index] = chain
        }
        var groups: [[Int]] = []
        for (index, entry) in entries.enumerated() {
            guard case .attribute = entry.kind else { continue }
            let isContinuing =
                groups.last?.last == index - 1 && !entry.hasBlankLineBefore
                && !plans[index].leading.contains(where: \.hasBlankLineBefore)
                && !plans[index - 1].after.contains(where: \.hasBlankLineBefore)
            if isContinuing {
                groups[groups.count - 1].append(index)
            } else {
                groups.append([index])
            }
        }
        for group in groups {
            let keys = group.map { index in Self.key(of: entries[index]) }
            let measuredWidth = keys.map(\.count).max() ?? 0
            var paddedWidth = 0
            for (index, key) in zip(group, keys) {
                guard case .attribute(let attribute) = entries[index].kind else { continue }
                let prefixWidth = Self.indent(level).count + measuredWidth + 3
                let (layout, trailing) = self.layout(
                    attribute,
                    comments: buckets.inner[index],
                    chain: chains[index],
                    prefixWidth: prefixWidth
                )
                plans[index].layout = layout
                plans[index].trailing = trailing + plans[index].trailing
                if case .inline = layout { paddedWidth = max(paddedWidth, key.count) }
            }
            for index in group {
                if case .inline = plans[index].layout { plans[index].keyWidth = paddedWidth }
            }
        }
        return plans
    }

    private static func key(of entry: FormatEntry) -> String {
        if case .attribute(let attribute) = entry.kind { return attribute.key }
        return ""
    }

    /// Splits a condition into its top chain and places its comments.
    ///
    /// - Parameters:
    ///   - closing: The index of the token after the condition's last.
    private func chain(_ condition: SyntaxCondition, comments: [PlacedComment], closing: Int) -> EntryPlan.Chain {
        let (operands, word) = InlinePrinter.chain(of: condition)
        let entries = FormatEntry.entries(
            operands,
            location: \.location,
            kind: { .operand($0) },
            closing: closing,
            source: source,
            separator: word
        )
        var buckets = CommentBuckets(entries: entries, comments: comments)
        let before = buckets.opening + buckets.leading[0]
        let after = buckets.dangling
        buckets.opening = []
        buckets.leading[0] = []
        buckets.dangling = []
        return EntryPlan.Chain(operands: operands, word: word, buckets: buckets, before: before, after: after)
    }

    /// How an attribute's value is written, given the width of what precedes it on its first line.
    ///
    /// - Returns: The layout, and comments inside the value to write after it (on a value kept on one line).
    private func layout(
        _ attribute: SyntaxAttribute,
        comments: [PlacedComment],
        chain: EntryPlan.Chain?,
        prefixWidth: Int
    ) -> (EntryPlan.Layout, [PlacedComment]) {
        let fits = prefixWidth + InlinePrinter.value(attribute.value).count <= Self.maximumWidth
        switch attribute.value.kind {
        case .list(let items):
            if fits && comments.isEmpty { return (.inline, []) }
            let closing = source.closingIndex(ofOpeningAt: source.tokenIndex(at: attribute.value.location))
            let entries = FormatEntry.entries(
                items,
                location: \.location,
                kind: { .item($0) },
                closing: closing,
                source: source
            )
            return (.list(entries: entries, buckets: CommentBuckets(entries: entries, comments: comments)), [])
        case .condition:
            guard let chain else { return (.inline, comments) }
            if chain.operands.count >= 2 && (chain.needsBreaking || !fits) { return (.chain(chain), []) }
            return (.inline, chain.buckets.trailing.flatMap { $0 })
        default:
            return (.inline, [])
        }
    }

    /// Writes an attribute as planned.
    ///
    /// - Returns: Comments left over to write after it.
    mutating func attribute(_ attribute: SyntaxAttribute, plan: EntryPlan, level: Int) -> [PlacedComment] {
        let padding = String(repeating: " ", count: max(0, (plan.keyWidth ?? 0) - attribute.key.count))
        let prefix = Self.indent(level) + attribute.key + padding + " = "
        switch plan.layout {
        case .inline:
            return emit(prefix + InlinePrinter.value(attribute.value), trailing: plan.trailing)
        case .list(let entries, let buckets):
            var pending = emit(prefix + "[", trailing: buckets.opening)
            var isFirstLine = true
            for (index, entry) in entries.enumerated() {
                for comment in pending + buckets.leading[index] {
                    emitComment(comment, level: level + 1, isFirstLine: isFirstLine)
                    isFirstLine = false
                }
                if entry.hasBlankLineBefore && !isFirstLine { emitBlankLine() }
                isFirstLine = false
                if case .item(let item) = entry.kind {
                    pending = emit(
                        Self.indent(level + 1) + InlinePrinter.value(item) + ",",
                        trailing: buckets.trailing[index]
                    )
                }
            }
            for comment in pending + buckets.dangling {
                emitComment(comment, level: level + 1, isFirstLine: isFirstLine)
                isFirstLine = false
            }
            return emit(Self.indent(level) + "]", trailing: plan.trailing)
        case .chain(let chain):
            let word = chain.word ?? "and"
            var pending: [PlacedComment] = []
            for (index, operand) in chain.operands.enumerated() {
                for comment in pending + chain.buckets.leading[index] {
                    emitComment(comment, level: level + 1, isFirstLine: false)
                }
                let head = index == 0 ? prefix : Self.indent(level + 1) + word + " "
                let operandLines = self.operandLines(head: head, operand: operand, chainWord: word, level: level + 2)
                for line in operandLines.dropLast() { emitLine(line) }
                let isLast = index == chain.operands.count - 1
                pending = emit(
                    operandLines.last ?? head,
                    trailing: chain.buckets.trailing[index] + (isLast ? plan.trailing : [])
                )
            }
            return pending
        }
    }

    /// An operand of a broken chain after `head`; an `and` chain inside an `or` chain that is still too long gets one
    /// part a line too, one level deeper.
    private func operandLines(head: String, operand: SyntaxCondition, chainWord: String, level: Int) -> [String] {
        let context: InlinePrinter.Precedence = chainWord == "or" ? .and : .not
        let line = head + InlinePrinter.condition(operand, in: context)
        guard line.count > Self.maximumWidth, chainWord == "or" else { return [line] }
        let (parts, word) = InlinePrinter.chain(of: operand)
        guard word == "and" else { return [line] }
        return [head + InlinePrinter.condition(parts[0], in: .and)]
            + parts.dropFirst().map { Self.indent(level) + "and " + InlinePrinter.condition($0, in: .not) }
    }
}
