/// One element of a container the formatter lays out (a block's body, a list, a condition's chain), with where it
/// is among the tokens.
struct FormatEntry {
    /// What the element is.
    enum Kind {
        /// `key = value`.
        case attribute(SyntaxAttribute)
        /// A nested block (or a top-level one).
        case block(SyntaxBlock)
        /// An item of a list.
        case item(SyntaxValue)
        /// An operand of an `and` or `or` chain.
        case operand(SyntaxCondition)
    }

    var kind: Kind
    /// The index of its first token.
    var first: Int
    /// The index of its last token.
    var last: Int
    /// Tokens strictly after `lowerBound` up to `upperBound` are inside the element's own container (a block's
    /// braces, a list's brackets, a condition); comments there belong to it. `nil` when it has none.
    var inner: ClosedRange<Int>?
    /// Whether it starts its line after a blank line.
    var hasBlankLineBefore: Bool

    /// Whether a comment before the token at `index` is inside the element's own container.
    func containsInside(_ index: Int) -> Bool {
        inner.map { $0.lowerBound < index && index <= $0.upperBound } ?? false
    }

    /// Whether a comment before the token at `index` is between the element's first and last tokens.
    func spans(_ index: Int) -> Bool {
        first < index && index <= last
    }

    /// Whether it is a block.
    var isBlock: Bool {
        if case .block = kind { return true }
        return false
    }

    /// Builds the entries of a container whose elements start at `locations`, in source order, and which closes at
    /// the token `closing` (a `}`, a `]`, the end of a condition or of the file).
    ///
    /// - Parameters:
    ///   - separator: The word between elements (`and`, `or`), which belongs to neither.
    ///   - innerRange: The container of an element that has one, given its first and last token.
    static func entries<Element>(
        _ elements: [Element],
        location: (Element) -> SourceLocation,
        kind: (Element) -> Kind,
        closing: Int,
        source: FormatSource,
        separator: String? = nil,
        innerRange: (Element, _ first: Int, _ last: Int) -> ClosedRange<Int>? = { _, _, _ in nil }
    ) -> [FormatEntry] {
        let firsts = elements.map { source.tokenIndex(at: location($0)) }
        return elements.indices.map { index in
            let next = index + 1 < elements.count ? firsts[index + 1] : closing
            var last = source.lastSignificantIndex(before: next)
            if let separator, index + 1 < elements.count, source.tokens[last].identifier == separator {
                last = source.lastSignificantIndex(before: last)
            }
            last = max(last, firsts[index])
            return FormatEntry(
                kind: kind(elements[index]),
                first: firsts[index],
                last: last,
                inner: innerRange(elements[index], firsts[index], last),
                hasBlankLineBefore: source.hasBlankLineBefore(location(elements[index]))
            )
        }
    }
}
