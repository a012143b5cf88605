/// Thrown after a diagnostic has been recorded, to unwind to the attribute or block being parsed.
struct ParseAbort: Error {}

/// Recursive-descent parser over the lexer's tokens; see ``SyntaxParser`` for the grammar.
struct TokenParser {
    private let tokens: [Token]
    var index = 0
    var diagnostics: [Diagnostic] = []

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    var current: Token { tokens[index] }

    func peek(_ offset: Int) -> Token {
        tokens[min(index + offset, tokens.count - 1)]
    }

    mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
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
                do throws(ParseAbort) {
                    switch try parseEntry() {
                    case .attribute(let attribute): attributes.append(attribute)
                    case .block(let block): blocks.append(block)
                    }
                } catch {
                    synchronize()
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

    private enum Entry {
        case attribute(SyntaxAttribute)
        case block(SyntaxBlock)
    }

    /// An identifier starts either `key = value` or `kind "label"… {`; look past the labels to tell which.
    private mutating func parseEntry() throws(ParseAbort) -> Entry {
        let name = current.identifier ?? ""
        var lookahead = 1
        while true {
            switch peek(lookahead).kind {
            case .string, .identifier:
                lookahead += 1
                continue
            default:
                break
            }
            break
        }
        if peek(lookahead).kind == .leftBrace {
            return .block(parseBlock())
        }
        if peek(1).kind == .equals {
            return .attribute(try parseAttribute())
        }
        let next = peek(1)
        var help = "write '\(name) = value' for an attribute or '\(name) \"label\" { … }' for a block"
        switch (next.kind, lookahead) {
        case (.string(let text), 2):
            help = "write '\(name) = \"\(text)\"'"
        case (.identifier(let word), 2):
            help = "write '\(name) = \(word)'"
        case (.integer(let value), _):
            help = "write '\(name) = \(value)'"
        default:
            break
        }
        throw fail("expected '=' after key '\(name)'", at: next.location, help: help)
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

    private mutating func parseAttribute() throws(ParseAbort) -> SyntaxAttribute {
        let keyToken = current
        let key = keyToken.identifier ?? ""
        advance()
        advance()
        if current.kind == .newline || current.kind == .endOfFile || current.kind == .rightBrace {
            throw fail("expected a value after '\(key) ='", at: current.location)
        }
        let value: SyntaxValue
        if key == "when" {
            let condition = try parseCondition()
            value = SyntaxValue(kind: .condition(condition), location: condition.location)
        } else {
            value = try parseValue()
        }
        switch current.kind {
        case .newline, .comma, .rightBrace, .endOfFile:
            break
        default:
            throw fail(
                "expected a new line or ',' after the value of '\(key)', found \(current.quoted)",
                at: current.location
            )
        }
        return SyntaxAttribute(key: key, location: keyToken.location, value: value)
    }

    /// Skips to the end of the line or to a `}` that closes the enclosing block, whichever comes first, passing over
    /// bracketed parts (which may span lines).
    mutating func synchronize() {
        var depth = 0
        while true {
            switch current.kind {
            case .endOfFile:
                return
            case .newline where depth == 0:
                return
            case .rightBrace where depth == 0:
                return
            case .leftBrace, .leftBracket, .leftParenthesis:
                depth += 1
            case .rightBrace, .rightBracket, .rightParenthesis:
                depth = max(depth - 1, 0)
            default:
                break
            }
            advance()
        }
    }
}
