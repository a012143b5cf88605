/// Lays out one parsed file line by line; see ``RuleFormatter`` for the layout it produces.
struct DocumentFormatter {
    /// Lines longer than this are broken where the layout allows (lists, conditions).
    static let maximumWidth = 100
    private static let indentation = "    "

    let source: FormatSource
    /// The lines written so far; `""` is a blank line.
    private(set) var lines: [String] = []

    init(source: FormatSource) {
        self.source = source
    }

    /// Writes the whole document.
    mutating func format(_ document: SyntaxDocument) {
        let entries = bodyEntries(
            attributes: document.attributes,
            blocks: document.blocks,
            closing: source.tokens.count - 1
        )
        let buckets = CommentBuckets(entries: entries, comments: source.place(document.comments))
        body(entries, buckets, level: 0, isTopLevel: true, pending: buckets.opening)
    }

    static func indent(_ level: Int) -> String {
        String(repeating: indentation, count: level)
    }

    /// The attributes and blocks of a body in source order, the body closing at the token `closing`.
    private func bodyEntries(attributes: [SyntaxAttribute], blocks: [SyntaxBlock], closing: Int) -> [FormatEntry] {
        let elements =
            (attributes.map { FormatEntry.Kind.attribute($0) } + blocks.map { FormatEntry.Kind.block($0) })
            .sorted { Self.location(of: $0) < Self.location(of: $1) }
        return FormatEntry.entries(
            elements,
            location: Self.location(of:),
            kind: { $0 },
            closing: closing,
            source: source,
            innerRange: { [source] element, first, last in
                switch element {
                case .block:
                    let opening = source.openingBraceIndex(from: first)
                    return opening...source.closingIndex(ofOpeningAt: opening)
                case .attribute(let attribute):
                    switch attribute.value.kind {
                    case .list:
                        let opening = source.tokenIndex(at: attribute.value.location)
                        return opening...source.closingIndex(ofOpeningAt: opening)
                    case .condition:
                        let start = source.tokenIndex(at: attribute.value.location)
                        return start...max(start, last)
                    default:
                        return nil
                    }
                case .item, .operand:
                    return nil
                }
            }
        )
    }

    private static func location(of kind: FormatEntry.Kind) -> SourceLocation {
        switch kind {
        case .attribute(let attribute): attribute.location
        case .block(let block): block.location
        case .item(let value): value.location
        case .operand(let condition): condition.location
        }
    }

    /// Writes the attributes and blocks of a body (a block's or the file's), their comments, and blank lines: kept
    /// (one at most) where the source has them, and at the top level always one around each block.
    ///
    /// - Parameters:
    ///   - pending: Comments to write before the first element, as if they led it.
    private mutating func body(
        _ entries: [FormatEntry],
        _ buckets: CommentBuckets,
        level: Int,
        isTopLevel: Bool,
        pending initial: [PlacedComment]
    ) {
        let plans = plan(entries, buckets, level: level)
        var pending = initial
        var isFirstLine = true
        var isAfterBlock = false
        for (index, entry) in entries.enumerated() {
            let leading = pending + plans[index].leading
            for (position, comment) in leading.enumerated() {
                let isForced = isTopLevel && (isAfterBlock || (entry.isBlock && position == 0))
                separate(&isFirstLine, isBlank: comment.hasBlankLineBefore || isForced)
                lines.append(Self.indent(level) + comment.text)
                isAfterBlock = false
            }
            let isForced = isTopLevel && (isAfterBlock || (entry.isBlock && leading.isEmpty))
            separate(&isFirstLine, isBlank: entry.hasBlankLineBefore || isForced)
            switch entry.kind {
            case .block(let block):
                pending = self.block(
                    block,
                    inner: buckets.inner[index],
                    trailing: buckets.trailing[index],
                    entry: entry,
                    level: level
                )
            case .attribute(let attribute):
                pending = self.attribute(attribute, plan: plans[index], level: level)
            case .item, .operand:
                pending = []
            }
            pending += plans[index].after
            isAfterBlock = entry.isBlock
        }
        for comment in pending + buckets.dangling {
            separate(&isFirstLine, isBlank: comment.hasBlankLineBefore || (isTopLevel && isAfterBlock))
            lines.append(Self.indent(level) + comment.text)
            isAfterBlock = false
        }
    }

    /// Writes a blank line before a line that is not the first of its body, when one is wanted.
    private mutating func separate(_ isFirstLine: inout Bool, isBlank: Bool) {
        if !isFirstLine && isBlank { lines.append("") }
        isFirstLine = false
    }

    /// Writes `kind "label" {`, the body one level deeper and `}`; `{}` for an empty block.
    ///
    /// - Returns: Comments left over to write after the block.
    private mutating func block(
        _ block: SyntaxBlock,
        inner: [PlacedComment],
        trailing: [PlacedComment],
        entry: FormatEntry,
        level: Int
    ) -> [PlacedComment] {
        let head = Self.indent(level) + ([block.kind] + block.labels.map(InlinePrinter.quoted)).joined(separator: " ")
        let closing = entry.inner?.upperBound ?? entry.first
        let entries = bodyEntries(attributes: block.attributes, blocks: block.blocks, closing: closing)
        if entries.isEmpty && inner.isEmpty {
            return emit(head + " {}", trailing: trailing)
        }
        let buckets = CommentBuckets(entries: entries, comments: inner)
        let pending = emit(head + " {", trailing: buckets.opening)
        body(entries, buckets, level: level + 1, isTopLevel: false, pending: pending)
        return emit(Self.indent(level) + "}", trailing: trailing)
    }

    /// Writes `line` with the first of `trailing` after it.
    ///
    /// - Returns: The other trailing comments, to write on lines of their own after it.
    mutating func emit(_ line: String, trailing: [PlacedComment]) -> [PlacedComment] {
        lines.append(line + (trailing.first.map { "  " + $0.text } ?? ""))
        return Array(trailing.dropFirst())
    }

    /// Writes a line as it is.
    mutating func emitLine(_ line: String) {
        lines.append(line)
    }

    /// Writes a blank line.
    mutating func emitBlankLine() {
        lines.append("")
    }

    /// Writes a comment on a line of its own, after a blank line if it had one.
    mutating func emitComment(_ comment: PlacedComment, level: Int, isFirstLine: Bool) {
        if comment.hasBlankLineBefore && !isFirstLine { lines.append("") }
        lines.append(Self.indent(level) + comment.text)
    }
}
