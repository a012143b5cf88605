extension TokenParser {
    /// The words that start a condition, for suggestions.
    static let conditionWords = ["text", "channel", "region", "reporter", "always", "not"]

    /// condition := and-condition { 'or' and-condition }; a line may end before or after `and`/`or`.
    mutating func parseCondition() throws(ParseAbort) -> SyntaxCondition {
        var left = try parseAndCondition()
        while continuesWith("or") {
            skipNewlines()
            advance()
            skipNewlines()
            let right = try parseAndCondition()
            left = SyntaxCondition(kind: .or(left, right), location: left.location)
        }
        return left
    }

    private mutating func parseAndCondition() throws(ParseAbort) -> SyntaxCondition {
        var left = try parseNotCondition()
        while continuesWith("and") {
            skipNewlines()
            advance()
            skipNewlines()
            let right = try parseNotCondition()
            left = SyntaxCondition(kind: .and(left, right), location: left.location)
        }
        return left
    }

    /// Whether the next token, possibly on the next line, is the operator `word` (and not a key named like it).
    private func continuesWith(_ word: String) -> Bool {
        var offset = 0
        while peek(offset).kind == .newline { offset += 1 }
        return peek(offset).isKeyword(word) && peek(offset + 1).kind != .equals
    }

    private mutating func parseNotCondition() throws(ParseAbort) -> SyntaxCondition {
        let start = current
        if start.isKeyword("not") {
            advance()
            skipNewlines()
            let operand = try nested(at: start.location) { parser throws(ParseAbort) in
                try parser.parseNotCondition()
            }
            return SyntaxCondition(kind: .not(operand), location: start.location)
        }
        return try parsePrimaryCondition()
    }

    private mutating func parsePrimaryCondition() throws(ParseAbort) -> SyntaxCondition {
        let start = current
        switch start.kind {
        case .leftParenthesis:
            advance()
            skipNewlines()
            let inner = try nested(at: start.location) { parser throws(ParseAbort) in try parser.parseCondition() }
            skipNewlines()
            guard current.kind == .rightParenthesis else {
                throw fail(
                    "expected ')' to close the '(' at column \(start.location.column), found \(current.quoted)",
                    at: current.location
                )
            }
            advance()
            return SyntaxCondition(kind: inner.kind, location: start.location)
        case .identifier(let word):
            if peek(1).kind == .equals {
                throw fail(
                    "expected a condition, found '\(word) ='",
                    at: start.location,
                    help: "a condition continues on the next line only after 'and', 'or', 'not' or '('"
                )
            }
            advance()
            let kind: SyntaxCondition.Kind
            switch word {
            case "always":
                kind = .always
            case "text":
                kind = try parseTextCondition()
            case "channel":
                try expectKeyword("is", after: "channel", example: "channel is \"sms\"")
                kind = .channelIs(try parseOperand(expecting: "a quoted channel name", example: "channel is \"sms\""))
            case "region":
                try expectKeyword("in", after: "region", example: "region in banten-utara")
                kind = .regionIn(
                    try parseOperand(expecting: "a list name or [\"…\"]", example: "region in [\"Kota Serang\"]")
                )
            case "reporter":
                try expectKeyword("in", after: "reporter", example: "reporter in [\"…\"]")
                kind = .reporterIn(
                    try parseOperand(expecting: "a list name or [\"…\"]", example: "reporter in [\"…\"]")
                )
            default:
                if case .identifier(let next) = current.kind, next != "and", next != "or" {
                    throw fail(
                        "unknown condition '\(word)'",
                        at: start.location,
                        help: Suggestion.didYouMean(word, among: Self.conditionWords) ?? Self.conditionSummary
                    )
                }
                kind = .reference(word)
            }
            return SyntaxCondition(kind: kind, location: start.location)
        default:
            throw fail(
                "expected a condition, found \(current.quoted)",
                at: current.location,
                help: Self.conditionSummary
            )
        }
    }

    private static let conditionSummary =
        "conditions are 'text has any <list>', 'text has all <list>', 'text has phrase \"…\"', "
        + "'channel is \"…\"', 'region in <list>', 'reporter in <list>', 'always' or the name of a define, "
        + "with and, or, not and ( )"

    private mutating func parseTextCondition() throws(ParseAbort) -> SyntaxCondition.Kind {
        try expectKeyword("has", after: "text", example: "text has any jalan-rusak")
        let quantifierToken = current
        switch quantifierToken.identifier {
        case "any", "all":
            advance()
            let quantifier: SyntaxCondition.Quantifier = quantifierToken.isKeyword("any") ? .any : .all
            guard case .identifier(let name) = current.kind else {
                throw fail(
                    "expected a list name after 'text has \(quantifier.rawValue)', found \(current.quoted)",
                    at: current.location,
                    help:
                        "write 'text has \(quantifier.rawValue) <list name>'; for one phrase write 'text has phrase \"…\"'"
                )
            }
            let list = SyntaxValue(kind: .identifier(name), location: current.location)
            advance()
            return .textHas(quantifier, list: list)
        case "phrase":
            advance()
            return .textHasPhrase(try parseOperand(expecting: "a quoted phrase", example: "text has phrase \"banjir\""))
        default:
            throw fail(
                "expected 'any', 'all' or 'phrase' after 'text has', found \(quantifierToken.quoted)",
                at: quantifierToken.location,
                help: quantifierToken.identifier.flatMap { Suggestion.didYouMean($0, among: ["any", "all", "phrase"]) }
            )
        }
    }

    private mutating func expectKeyword(_ word: String, after subject: String, example: String) throws(ParseAbort) {
        guard current.isKeyword(word) else {
            throw fail(
                "expected '\(word)' after '\(subject)', found \(current.quoted)",
                at: current.location,
                help: current.identifier.flatMap { Suggestion.didYouMean($0, among: [word]) } ?? "write '\(example)'"
            )
        }
        advance()
    }

    /// An operand: a string, an identifier or a list.
    private mutating func parseOperand(
        expecting description: String,
        example: String
    ) throws(ParseAbort)
        -> SyntaxValue
    {
        switch current.kind {
        case .string, .identifier, .leftBracket:
            return try parseValue()
        default:
            throw fail(
                "expected \(description), found \(current.quoted)",
                at: current.location,
                help: "write '\(example)'"
            )
        }
    }
}
