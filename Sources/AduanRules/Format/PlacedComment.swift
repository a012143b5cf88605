/// A comment with what the formatter needs to put it back: where it sits among the tokens, and how its line
/// started.
struct PlacedComment {
    /// The comment as parsed.
    var comment: SyntaxComment
    /// The index of the first token after the comment (the end of its line).
    var tokenIndex: Int
    /// Whether code precedes the comment on its line (`to = "x"  # …`), rather than the comment standing alone.
    var isTrailing: Bool
    /// Whether a blank line comes right before the comment's line (for a comment that stands alone).
    var hasBlankLineBefore: Bool

    /// `# text` as written, without white space at the end.
    var text: String {
        var text = "#" + comment.text
        while let last = text.last, last == " " || last == "\t" { text.removeLast() }
        return text
    }
}
