/// Splits source text into tokens, collecting comments and reporting malformed strings and stray characters.
///
/// Works on Unicode scalars so that a combining mark cannot merge with a quote; columns are counted in characters.
struct Lexer {
    private let path: String
    private let scalars: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    /// Whether the current line so far is all ASCII, so that columns are plain scalar offsets.
    private var isLineASCII = true
    /// A position on the current line whose column is known.
    private var columnMark = (position: 0, column: 1)
    private(set) var tokens: [Token] = []
    private(set) var comments: [SyntaxComment] = []
    private(set) var diagnostics: [Diagnostic] = []

    init(text: String, path: String) {
        self.path = path
        self.scalars = Array(text.unicodeScalars)
    }

    /// Tokenises the whole text; the last token is always `.endOfFile`.
    mutating func run() {
        while let scalar = peek() {
            let start = location()
            switch scalar {
            case "\n":
                advance()
                tokens.append(Token(kind: .newline, location: start))
                line += 1
                lineStart = position
                isLineASCII = true
            case " ", "\t", "\r", "\u{FEFF}":
                advance()
            case "#":
                lexComment(start: start)
            case "\"":
                lexString(start: start)
            case "{": single(.leftBrace, start)
            case "}": single(.rightBrace, start)
            case "[": single(.leftBracket, start)
            case "]": single(.rightBracket, start)
            case "(": single(.leftParenthesis, start)
            case ")": single(.rightParenthesis, start)
            case "=": single(.equals, start)
            case ",": single(.comma, start)
            case "-": single(.minus, start)
            case "+": single(.plus, start)
            default:
                if Self.isDigit(scalar) {
                    lexInteger(start: start)
                } else if Self.isIdentifierStart(scalar) {
                    lexIdentifier()
                } else {
                    advance()
                    diagnostics.append(
                        .error(
                            "unexpected character '\(scalar.escaped(asASCII: false))'",
                            at: start,
                            help: scalar == ";" || scalar == ":" ? "separate attributes with a new line or ','" : nil
                        )
                    )
                }
            }
        }
        tokens.append(Token(kind: .endOfFile, location: location()))
    }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        position + offset < scalars.count ? scalars[position + offset] : nil
    }

    private mutating func advance() {
        if !scalars[position].isASCII { isLineASCII = false }
        position += 1
    }

    private mutating func location() -> SourceLocation {
        let column: Int
        if isLineASCII {
            column = position - lineStart + 1
        } else {
            // Count characters from the last computed position on, so that a long non-ASCII line costs linear time.
            if columnMark.position < lineStart || columnMark.position > position {
                columnMark = (lineStart, 1)
            }
            var stretch = String.UnicodeScalarView()
            stretch.append(contentsOf: scalars[columnMark.position..<position])
            column = columnMark.column + String(stretch).count
            columnMark = (position, column)
        }
        return SourceLocation(path: path, line: line, column: column)
    }

    private mutating func single(_ kind: Token.Kind, _ start: SourceLocation) {
        advance()
        tokens.append(Token(kind: kind, location: start))
    }

    private mutating func lexComment(start: SourceLocation) {
        advance()
        var text = String.UnicodeScalarView()
        while let scalar = peek(), scalar != "\n" {
            text.append(scalar)
            advance()
        }
        var comment = String(text)
        if comment.hasSuffix("\r") { comment.removeLast() }
        comments.append(SyntaxComment(text: comment, location: start))
    }

    private mutating func lexIdentifier() {
        let start = location()
        var name = String.UnicodeScalarView()
        while let scalar = peek(), Self.isIdentifierContinuation(scalar) {
            name.append(scalar)
            advance()
        }
        tokens.append(Token(kind: .identifier(String(name)), location: start))
    }

    private mutating func lexInteger(start: SourceLocation) {
        var value = 0
        var isOverflowing = false
        while let scalar = peek(), Self.isDigit(scalar) {
            let (product, productOverflow) = value.multipliedReportingOverflow(by: 10)
            let (sum, sumOverflow) = product.addingReportingOverflow(Int(scalar.value - 48))
            isOverflowing = isOverflowing || productOverflow || sumOverflow
            value = sum
            advance()
        }
        if let scalar = peek(), Self.isIdentifierStart(scalar) {
            diagnostics.append(
                .error(
                    "a number must be followed by a space before a word",
                    at: location(),
                    help: "write e.g. '4 working_hours'"
                )
            )
        }
        if isOverflowing {
            diagnostics.append(.error("number is too large", at: start))
            value = 0
        }
        tokens.append(Token(kind: .integer(value), location: start))
    }

    private mutating func lexString(start: SourceLocation) {
        advance()
        // Where the scalars copied one for one into `text` begin: after the last escape.
        var literalStart = position
        var text = String.UnicodeScalarView()
        while true {
            guard let scalar = peek(), scalar != "\n" else {
                diagnostics.append(
                    .error(
                        "unterminated string",
                        at: start,
                        help: "add '\"' before the end of the line; write '\\\"' for a quote inside a string"
                    )
                )
                giveBackClosingBrackets(of: &text, literalStart: literalStart)
                break
            }
            if scalar == "\"" {
                advance()
                break
            }
            if scalar == "\\" {
                lexEscape(into: &text)
                literalStart = position
            } else {
                text.append(scalar)
                advance()
            }
        }
        tokens.append(Token(kind: .string(String(text)), location: start))
    }

    /// An unterminated string most likely lacks its quote just before the brackets that end the line
    /// (`to = "x }`); leaving those brackets to the parser keeps the blocks balanced and the errors few.
    ///
    /// Only brackets copied as they are (after `literalStart`) are given back: an escape's scalars do not match the
    /// text one for one, and `"\u{)] }` once removed more scalars than the text held (found by fuzzing).
    private mutating func giveBackClosingBrackets(of text: inout String.UnicodeScalarView, literalStart: Int) {
        var end = position
        while end > literalStart, [" ", "\t", "\r", "}", "]", ")"].contains(scalars[end - 1]) {
            end -= 1
        }
        guard scalars[end..<position].contains(where: { $0 == "}" || $0 == "]" || $0 == ")" }) else { return }
        text.removeLast(position - end)
        position = end
    }

    private mutating func lexEscape(into text: inout String.UnicodeScalarView) {
        let start = location()
        advance()
        let escapeHelp = "valid escapes are \\\" \\\\ \\n \\t \\r and \\u{1F600}"
        guard let scalar = peek(), scalar != "\n" else { return }
        advance()
        switch scalar {
        case "\"": text.append("\"")
        case "\\": text.append("\\")
        case "n": text.append("\n")
        case "t": text.append("\t")
        case "r": text.append("\r")
        case "u":
            guard peek() == "{" else {
                diagnostics.append(.error("'\\u' must be followed by '{hex digits}'", at: start, help: escapeHelp))
                return
            }
            advance()
            var digits = ""
            while let digit = peek(), digit != "}", digit != "\"", digit != "\n" {
                digits.unicodeScalars.append(digit)
                advance()
            }
            if peek() == "}" { advance() }
            if digits.count <= 6, let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) {
                text.append(decoded)
            } else {
                diagnostics.append(
                    .error("'\\u{\(digits)}' is not a Unicode scalar value", at: start, help: escapeHelp)
                )
            }
        default:
            diagnostics.append(
                .error("unknown escape '\\\(scalar.escaped(asASCII: false))' in string", at: start, help: escapeHelp)
            )
        }
    }

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar >= "0" && scalar <= "9"
    }

    private static func isIdentifierStart(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || (scalar >= "a" && scalar <= "z") || (scalar >= "A" && scalar <= "Z")
            || (!scalar.isASCII && scalar.properties.isAlphabetic)
    }

    /// Letters, digits, `_` and `-` (as in HCL), so that list names like `jalan-rusak` need no quotes.
    private static func isIdentifierContinuation(_ scalar: Unicode.Scalar) -> Bool {
        isIdentifierStart(scalar) || isDigit(scalar) || scalar == "-"
    }
}
