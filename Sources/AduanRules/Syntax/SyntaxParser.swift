/// Parses the block syntax shared by rule files and the daemon's config file.
///
/// ```
/// # comment
/// kind "label" "second label" {
///     key = value
///     nested { key = value }
/// }
/// ```
///
/// After an error the parser skips to the next line or closing brace and goes on, so one run reports every syntax
/// error of a file. The value of a key named `when` is parsed as a condition. A name followed by `+` or `-` and a
/// duration is an offset (`at = respond_deadline - 1 working_day`); names may contain `-`, so `-` needs spaces
/// around it there (`respond_deadline-1` is one name).
public enum SyntaxParser {
    /// Parses `text`, naming `path` in locations.
    ///
    /// - Returns: The document (as much as could be parsed) and every diagnostic, in source order.
    public static func parse(_ text: String, path: String) -> (document: SyntaxDocument, diagnostics: [Diagnostic]) {
        var lexer = Lexer(text: text, path: path)
        lexer.run()
        var parser = TokenParser(tokens: lexer.tokens)
        let (attributes, blocks) = parser.parseBody(isInsideBlock: false)
        let document = SyntaxDocument(path: path, attributes: attributes, blocks: blocks, comments: lexer.comments)
        let diagnostics = (lexer.diagnostics + parser.diagnostics).enumerated()
            .sorted { ($0.element.location, $0.offset) < ($1.element.location, $1.offset) }
            .map(\.element)
        return (document, diagnostics)
    }
}
