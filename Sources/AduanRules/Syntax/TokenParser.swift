/// Thrown after a diagnostic has been recorded, to unwind to the attribute or block being parsed.
struct ParseAbort: Error {}

/// Recursive-descent parser over the lexer's tokens; see ``SyntaxParser`` for the grammar.
struct TokenParser {
    private let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []
    /// How deeply lists, calls, parentheses and `not` are nested at the token at hand.
    private var nesting = 0
    /// Deeper nesting is refused rather than risking the stack on hostile input.
    private static let maximumNesting = 64

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token {
        tokens[max(0, min(index + offset, tokens.count - 1))]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    /// Runs `parse` one nesting level deeper; refuses input nested beyond ``maximumNesting``.
    mutating func nested<Result>(
        at location: SourceLocation,
        _ parse: (inout TokenParser) throws(ParseAbort) -> Result
    ) throws(ParseAbort) -> Result {
        guard nesting < Self.maximumNesting else {
            throw fail("nested more than \(Self.maximumNesting) levels deep", at: location)
        }
        nesting += 1
        defer { nesting -= 1 }
        return try parse(&self)
    }

    mutating func skipNewlines() {
        while current.kind == .newline { advance() }
    }

    mutating func fail(_ message: String, at location: SourceLocation, help: String? = nil) -> ParseAbort {
        diagnostics.append(.error(message, at: location, help: help))
        return ParseAbort()
    }

    /// Parses attributes and blocks up to the closing `}` of the enclosing block (not consumed), or to the end of
    /// the file at the top level.
    mutating func parseBody(isInsideBlock: Bool) -> ([SyntaxAttribute], [SyntaxBlock]) {
        var attributes: [SyntaxAttribute] = []
        var blocks: [SyntaxBlock] = []
        while true {
            while current.kind == .newline || current.kind == .comma { advance() }
            switch current.kind {
            case .endOfFile:
                return (attributes, blocks)
            case .rightBrace:
                if isInsideBlock { return (attributes, blocks) }
                diagnostics.append(.error("unexpected '}' with no open block", at: current.location))
                advance()
            case .identifier:
                if startsBlock() && nesting >= Self.maximumNesting {
                    diagnostics.append(
                        .error("blocks nested more than \(Self.maximumNesting) levels deep", at: current.location)
                    )
                    index = tokens.count - 1
                } else if startsBlock() {
                    nesting += 1
                    blocks.append(parseBlock())
                    nesting -= 1
                } else {
                    attributes.append(parseAttribute())
                }
            default:
                diagnostics.append(
                    .error(
                        "expected a key or a block, found \(current.quoted)",
                        at: current.location,
                        help: "write 'key = value' or 'kind \"label\" { … }'"
                    )
                )
                synchronize()
            }
        }
    }

    /// Whether the identifier at hand starts `kind "label"… {` rather than `key = value`.
    private func startsBlock() -> Bool {
        var lookahead = 1
        while true {
            switch peek(lookahead).kind {
            case .string, .identifier:
                lookahead += 1
            case .leftBrace:
                return true
            default:
                return false
            }
        }
    }

    /// Parses `kind "label"… { body }`; the caller has checked that `{` follows the labels.
    private mutating func parseBlock() -> SyntaxBlock {
        let head = current
        advance()
        var labels: [String] = []
        var labelLocations: [SourceLocation] = []
        while current.kind != .leftBrace {
            if case .identifier(let word) = current.kind {
                diagnostics.append(
                    .error("block labels must be quoted", at: current.location, help: "write \"\(word)\"")
                )
                labels.append(word)
            } else if case .string(let text) = current.kind {
                labels.append(text)
            }
            labelLocations.append(current.location)
            advance()
        }
        let openingBrace = current
        advance()
        let (attributes, blocks) = parseBody(isInsideBlock: true)
        if current.kind == .rightBrace {
            advance()
        } else {
            diagnostics.append(
                .error(
                    "block '\(head.identifier ?? "")' is never closed",
                    at: openingBrace.location,
                    help: "add '}' at the end of the block"
                )
            )
        }
        return SyntaxBlock(
            kind: head.identifier ?? "",
            location: head.location,
            labels: labels,
            labelLocations: labelLocations,
            attributes: attributes,
            blocks: blocks
        )
    }

    /// Parses `key = value`. After an error the attribute is kept with an `.invalid` value, so that checkers know
    /// the key was written, and parsing resumes on the next line.
    private mutating func parseAttribute() -> SyntaxAttribute {
        let keyToken = current
        let key = keyToken.identifier ?? ""
        let valueStart = peek(2).location
        do throws(ParseAbort) {
            let value = try parseAttributeValue(key: key)
            return SyntaxAttribute(key: key, location: keyToken.location, value: value)
        } catch {
            resynchronize(after: keyToken)
            let value = SyntaxValue(kind: .invalid, location: valueStart)
            return SyntaxAttribute(key: key, location: keyToken.location, value: value)
        }
    }

    private mutating func parseAttributeValue(key: String) throws(ParseAbort) -> SyntaxValue {
        advance()
        guard current.kind == .equals else {
            throw fail("expected '=' after key '\(key)'", at: current.location, help: missingEqualsHelp(key: key))
        }
        advance()
        if current.kind == .newline || current.kind == .endOfFile || current.kind == .rightBrace {
            throw fail("expected a value after '\(key) ='", at: current.location)
        }
        let value: SyntaxValue
        if key == "when" || looksLikeCondition() {
            let condition = try parseCondition()
            value = SyntaxValue(kind: .condition(condition), location: condition.location)
        } else {
            value = try parseValue()
        }
        switch current.kind {
        case .newline, .comma, .rightBrace, .endOfFile:
            return value
        default:
            throw fail(
                "expected a new line or ',' after the value of '\(key)', found \(current.quoted)",
                at: current.location
            )
        }
    }

    private func missingEqualsHelp(key: String) -> String {
        let isLineEnd = [Token.Kind.newline, .endOfFile, .comma, .rightBrace].contains(peek(1).kind)
        switch current.kind {
        case .string(let text) where isLineEnd:
            return "write '\(key) = \"\(text)\"'"
        case .identifier(let word) where isLineEnd:
            return "write '\(key) = \(word)'"
        case .integer(let value) where isLineEnd:
            return "write '\(key) = \(value)'"
        default:
            return "write '\(key) = value' for an attribute or '\(key) \"label\" { … }' for a block"
        }
    }

    /// Whether a value under a key other than `when` (typically a misspelt `when`) is a condition, so that it is
    /// parsed as one and the checker can report the key alone.
    private func looksLikeCondition() -> Bool {
        switch current.identifier {
        case "not": true
        case "text", "channel", "region", "reporter": peek(1).identifier != nil
        default: current.kind == .leftParenthesis
        }
    }

    /// After an error in the attribute that starts at `keyToken`: when the error was found at the start of a later
    /// line (a condition or list that ran on), resume there; otherwise skip the rest of the line.
    private mutating func resynchronize(after keyToken: Token) {
        let isAtLaterLineStart = current.location.line > keyToken.location.line && peek(-1).kind == .newline
        if !isAtLaterLineStart {
            synchronize()
        }
    }

    /// Skips to the end of the attribute: a new line or `,` outside brackets, or a `}` that closes the enclosing
    /// block; passes over bracketed parts, which may span lines.
    mutating func synchronize() {
        var braceDepth = 0
        var bracketDepth = 0
        while true {
            switch current.kind {
            case .endOfFile:
                return
            case .newline where braceDepth == 0 && bracketDepth == 0,
                .comma where braceDepth == 0 && bracketDepth == 0,
                .rightBrace where braceDepth == 0:
                return
            case .leftBrace:
                braceDepth += 1
            case .rightBrace:
                braceDepth -= 1
            case .leftBracket, .leftParenthesis:
                bracketDepth += 1
            case .rightBracket, .rightParenthesis:
                bracketDepth = max(bracketDepth - 1, 0)
            default:
                break
            }
            advance()
        }
    }
}
