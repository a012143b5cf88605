/// The tokens and lines of a parsed file, for what the syntax tree does not keep: where blocks and lists close,
/// where comments sit between tokens, and where the blank lines are.
struct FormatSource {
    let tokens: [Token]
    private let lines: [Substring]
    private let indexByLocation: [SourceLocation: Int]

    /// Lexes `text` again, naming `path` as the parser did, so that token locations match the syntax tree's.
    init(text: String, path: String) {
        var lexer = Lexer(text: text, path: path)
        lexer.run()
        tokens = lexer.tokens
        lines = DiagnosticRenderer.sourceLines(text)
        indexByLocation = Dictionary(
            tokens.enumerated().map { ($1.location, $0) },
            uniquingKeysWith: { first, _ in first }
        )
    }

    /// The index of the token that starts at `location` (where a syntax element starts).
    func tokenIndex(at location: SourceLocation) -> Int {
        indexByLocation[location] ?? tokens.count - 1
    }

    /// The index of the bracket that closes the one at `index` (`{`, `[` or `(`); the end of the file if none.
    func closingIndex(ofOpeningAt index: Int) -> Int {
        var depth = 0
        for position in index..<tokens.count {
            switch tokens[position].kind {
            case .leftBrace, .leftBracket, .leftParenthesis:
                depth += 1
            case .rightBrace, .rightBracket, .rightParenthesis:
                depth -= 1
                if depth == 0 { return position }
            default:
                break
            }
        }
        return tokens.count - 1
    }

    /// The index of the first `{` at or after `index`.
    func openingBraceIndex(from index: Int) -> Int {
        tokens[index...].firstIndex { $0.kind == .leftBrace } ?? tokens.count - 1
    }

    /// The index of the last token before `index` that is neither a line end nor a `,`.
    func lastSignificantIndex(before index: Int) -> Int {
        var position = index - 1
        while position > 0, tokens[position].kind == .newline || tokens[position].kind == .comma {
            position -= 1
        }
        return position
    }

    /// Whether only white space precedes `location` on its line.
    func isFirstOnLine(_ location: SourceLocation) -> Bool {
        guard location.line >= 1, location.line <= lines.count else { return true }
        return lines[location.line - 1].prefix(location.column - 1).allSatisfy(Self.isSpace)
    }

    /// Whether `location` starts its line and the line before it is blank.
    func hasBlankLineBefore(_ location: SourceLocation) -> Bool {
        guard location.line >= 2, location.line - 2 < lines.count, isFirstOnLine(location) else { return false }
        return lines[location.line - 2].allSatisfy(Self.isSpace)
    }

    /// Space, tab, or the byte order mark the lexer skips.
    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\t" || character == "\u{FEFF}"
    }

    /// Each comment with the token after it and the shape of its line.
    func place(_ comments: [SyntaxComment]) -> [PlacedComment] {
        comments.map { comment in
            let index = firstTokenIndex(after: comment.location)
            let isTrailing = !isFirstOnLine(comment.location)
            return PlacedComment(
                comment: comment,
                tokenIndex: index,
                isTrailing: isTrailing,
                hasBlankLineBefore: !isTrailing && hasBlankLineBefore(comment.location)
            )
        }
    }

    private func firstTokenIndex(after location: SourceLocation) -> Int {
        var low = 0
        var high = tokens.count - 1
        while low < high {
            let middle = (low + high) / 2
            let other = tokens[middle].location
            if (other.line, other.column) > (location.line, location.column) {
                high = middle
            } else {
                low = middle + 1
            }
        }
        return low
    }
}
