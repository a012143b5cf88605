/// Writes rule files in one canonical layout, keeping every comment, so that any two people's edits look alike and
/// a diff shows only what changed.
///
/// The layout:
/// - 4 spaces of indentation a level; one attribute or block a line; attributes are never joined with `,`.
/// - One blank line between top-level blocks (and before a comment that leads one); elsewhere a blank line of the
///   source is kept (several become one), except right after `{` and before `}`.
/// - The `=` of consecutive one-line attributes in a block line up (the keys are padded); a blank line, a nested
///   block or an attribute written over several lines ends such a group.
/// - A list stays on one line when it fits in 100 columns; otherwise, or when it holds comments, one item a line,
///   each followed by `,`, and `]` on its own line.
/// - A condition stays on one line when it fits; otherwise each operand of its top `and`/`or` chain starts a line of
///   its own, one level deeper, with the operator first; an `and` chain inside an `or` chain that is still too long
///   is split the same way one level deeper. Parentheses are written only where the tree needs them.
/// - Strings are re-escaped canonically (`\"`, `\\`, `\n`, `\t`, `\r`, `\u{…}` for other control and bidirectional
///   characters; everything else as UTF-8); durations read `1 working_day`, `2 working_days`.
/// - A comment on a line of its own stays before the element after it (or at the end of its block or list); a
///   comment after code stays at the end of the line of the element it followed, after two spaces.
///
/// Formatting is idempotent, and the result parses into the same syntax tree as the input (positions aside).
public enum RuleFormatter {
    /// The canonical text of a parsed file.
    ///
    /// - Parameters:
    ///   - document: The file as parsed from `source`, without syntax errors (a file with errors is not formatted).
    ///   - source: The text `document` was parsed from, to find its comments and blank lines.
    /// - Returns: The formatted text, ending with one line break (empty for a file with nothing in it).
    public static func format(_ document: SyntaxDocument, source: String) -> String {
        var formatter = DocumentFormatter(source: FormatSource(text: source, path: document.path))
        formatter.format(document)
        return formatter.lines.isEmpty ? "" : formatter.lines.joined(separator: "\n") + "\n"
    }
}
