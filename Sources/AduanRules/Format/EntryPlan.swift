/// How the formatter writes one element of a body, decided for the whole body before any line is written, so that
/// the `=` of neighbouring attributes can line up.
struct EntryPlan {
    /// How an attribute's value is laid out.
    enum Layout {
        /// `key = value` on one line.
        case inline
        /// A list with one item a line, its comments placed among the items.
        case list(entries: [FormatEntry], buckets: CommentBuckets)
        /// A condition with one operand of its top `and`/`or` chain a line.
        case chain(Chain)
    }

    /// A condition split into the operands of its top `and`/`or` chain, with its comments placed among them.
    struct Chain {
        var operands: [SyntaxCondition]
        /// `and` or `or`; `nil` for a condition that is not a chain.
        var word: String?
        /// Comments between the operands; those before the first operand and after the last are taken out.
        var buckets: CommentBuckets
        /// Comments before the first operand, written before the attribute.
        var before: [PlacedComment]
        /// Comments on their own lines after the last operand's start, written after the attribute.
        var after: [PlacedComment]

        /// Whether comments between operands need one operand a line to stay where they are.
        var needsBreaking: Bool {
            operands.count >= 2
                && (buckets.leading.dropFirst().contains { !$0.isEmpty }
                    || buckets.trailing.dropLast().contains { !$0.isEmpty })
        }
    }

    /// Comments on lines of their own before the element.
    var leading: [PlacedComment]
    /// Comments after the element's last line; the first is written on it.
    var trailing: [PlacedComment]
    var layout = Layout.inline
    /// The width the key is padded to, so that `=` lines up; `nil` to write it as is.
    var keyWidth: Int?
    /// Comments written on lines of their own after the element.
    var after: [PlacedComment] = []
}
