extension TokenParser {
    /// value := string | ['-'] integer [unit] | identifier ['(' values ')' | ('+' | '-') integer unit]
    ///        | '[' values ']'
    mutating func parseValue() throws(ParseAbort) -> SyntaxValue {
        let start = current
        switch start.kind {
        case .string(let text):
            advance()
            return SyntaxValue(kind: .string(text), location: start.location)
        case .integer(let amount):
            advance()
            return try parseNumberTail(amount: amount, start: start)
        case .minus:
            advance()
            guard case .integer(let amount) = current.kind else {
                throw fail("expected a number after '-', found \(current.quoted)", at: current.location)
            }
            advance()
            return try parseNumberTail(amount: -amount, start: start)
        case .identifier(let name):
            advance()
            switch current.kind {
            case .leftParenthesis:
                return try nested(at: start.location) { parser throws(ParseAbort) in
                    try parser.parseCall(name: name, start: start)
                }
            case .plus, .minus:
                return try parseOffset(base: name, start: start)
            default:
                try refuseJoinedOffset(name, start: start)
                return SyntaxValue(kind: .identifier(name), location: start.location)
            }
        case .leftBracket:
            return try nested(at: start.location) { parser in parser.parseList() }
        default:
            throw fail(
                "expected a value, found \(start.quoted)",
                at: start.location,
                help: "a value is a \"string\", a number, a word, a [list] or a duration such as '4 working_hours'"
            )
        }
    }

    private mutating func parseNumberTail(amount: Int, start: Token) throws(ParseAbort) -> SyntaxValue {
        guard case .identifier(let word) = current.kind else {
            return SyntaxValue(kind: .integer(amount), location: start.location)
        }
        guard let unit = DurationUnit(word: word) else {
            throw fail(
                "unknown duration unit '\(word)'",
                at: current.location,
                help: Suggestion.didYouMean(word, among: DurationUnit.words)
                    ?? "units are \(DurationUnit.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        advance()
        return SyntaxValue(kind: .duration(amount: amount, unit: unit), location: start.location)
    }

    /// Parses `+ 2 working_days` or `- 1 working_day` after the base of an offset such as `respond_deadline`.
    private mutating func parseOffset(base: String, start: Token) throws(ParseAbort) -> SyntaxValue {
        let sign: SyntaxValue.Sign = current.kind == .plus ? .plus : .minus
        let example = "write e.g. '\(base) \(sign.rawValue) 1 working_day'"
        advance()
        let amountToken = current
        guard case .integer(let amount) = amountToken.kind else {
            throw fail(
                "expected a duration after '\(base) \(sign.rawValue)', found \(amountToken.quoted)",
                at: amountToken.location,
                help: example
            )
        }
        advance()
        let duration = try parseNumberTail(amount: amount, start: amountToken)
        guard case .duration = duration.kind else {
            throw fail(
                "the offset '\(base) \(sign.rawValue) \(amount)' needs a unit",
                at: amountToken.location,
                help: "\(example); units are \(DurationUnit.allCases.map(\.rawValue).joined(separator: ", "))"
            )
        }
        if current.kind == .plus || current.kind == .minus {
            throw fail(
                "an offset takes one duration, found another \(current.quoted)",
                at: current.location,
                help: example
            )
        }
        return SyntaxValue(kind: .offset(base: base, sign: sign, duration: duration), location: start.location)
    }

    /// Refuses `respond_deadline-1 working_day`: names may contain `-`, so `respond_deadline-1` is one word, and
    /// the unit after it would otherwise be reported as a puzzling stray word.
    private mutating func refuseJoinedOffset(_ name: String, start: Token) throws(ParseAbort) {
        guard case .identifier(let word) = current.kind, DurationUnit(word: word) != nil,
            let dash = name.lastIndex(of: "-")
        else { return }
        let base = name[..<dash]
        let amount = name[name.index(after: dash)...]
        guard !base.isEmpty, !amount.isEmpty, amount.allSatisfy({ $0.isASCII && $0.isNumber }) else { return }
        throw fail(
            "'\(name)' reads as one name, because names may contain '-'",
            at: SourceLocation(
                path: start.location.path,
                line: start.location.line,
                column: start.location.column + base.count
            ),
            help: "put spaces around '-': '\(base) - \(amount) \(word)'"
        )
    }

    private mutating func parseCall(name: String, start: Token) throws(ParseAbort) -> SyntaxValue {
        let openingParenthesis = current
        advance()
        var arguments: [SyntaxValue] = []
        skipNewlines()
        while current.kind != .rightParenthesis {
            arguments.append(try parseValue())
            skipNewlines()
            if current.kind == .comma {
                advance()
                skipNewlines()
            } else if current.kind != .rightParenthesis {
                throw fail(
                    "expected ',' or ')' in the arguments of '\(name)', found \(current.quoted)",
                    at: current.location,
                    help: "the call starts at line \(openingParenthesis.location.line)"
                )
            }
        }
        advance()
        return SyntaxValue(kind: .call(name: name, arguments: arguments), location: start.location)
    }

    /// Parses `[item, item, …]`, recovering inside the list so that one bad item does not hide the next lines.
    ///
    /// A list that reaches `}`, the end of the file or a `key =` line is reported as unclosed and ends there.
    private mutating func parseList() -> SyntaxValue {
        let openingBracket = current
        advance()
        var items: [SyntaxValue] = []
        var needsSeparator = false
        while true {
            let beforeNewlines = index
            skipNewlines()
            if current.kind == .rightBracket {
                advance()
                break
            }
            if isOutsideUnclosedList {
                diagnostics.append(
                    .error("list is never closed", at: openingBracket.location, help: "add ']' after the last item")
                )
                index = beforeNewlines
                break
            }
            if current.kind == .comma {
                if !needsSeparator {
                    diagnostics.append(.error("expected a list item before ','", at: current.location))
                }
                advance()
                needsSeparator = false
                continue
            }
            if needsSeparator {
                diagnostics.append(
                    .error(
                        "expected ',' or ']' after a list item, found \(current.quoted)",
                        at: current.location,
                        help: "separate list items with ','"
                    )
                )
                if !startsValue(current) {
                    skipToListSeparator()
                    continue
                }
            }
            do throws(ParseAbort) {
                items.append(try parseValue())
            } catch {
                skipToListSeparator()
            }
            needsSeparator = true
        }
        return SyntaxValue(kind: .list(items), location: openingBracket.location)
    }

    /// Whether the current token cannot belong to a list: a `}`, the end of the file, or a `key =` attribute.
    private var isOutsideUnclosedList: Bool {
        switch current.kind {
        case .rightBrace, .endOfFile: true
        case .identifier: peek(1).kind == .equals
        default: false
        }
    }

    private func startsValue(_ token: Token) -> Bool {
        switch token.kind {
        case .string, .integer, .identifier, .leftBracket, .minus: true
        default: false
        }
    }

    private mutating func skipToListSeparator() {
        var depth = 0
        while true {
            switch current.kind {
            case .endOfFile:
                return
            case .comma where depth == 0, .rightBracket where depth == 0, .rightBrace where depth == 0:
                return
            case .identifier where depth == 0 && peek(1).kind == .equals:
                return
            case .leftBrace, .leftBracket, .leftParenthesis:
                depth += 1
            case .rightBrace, .rightBracket, .rightParenthesis:
                depth -= 1
            default:
                break
            }
            advance()
        }
    }
}
