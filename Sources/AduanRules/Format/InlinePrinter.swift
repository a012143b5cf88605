/// Writes values and conditions on one line, canonically: strings re-escaped, durations singular for 1, and only the
/// parentheses that the tree needs.
enum InlinePrinter {
    /// How tightly each form of condition binds, loosest first.
    enum Precedence: Int, Comparable {
        case or = 1
        case and
        case not
        case primary

        static func < (lhs: Precedence, rhs: Precedence) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// `value` on one line; an invalid value (only in a file with syntax errors, which is not formatted) is empty.
    static func value(_ value: SyntaxValue) -> String {
        switch value.kind {
        case .string(let text): quoted(text)
        case .integer(let number): String(number)
        case .identifier(let name): name
        case .list(let items): "[" + items.map(Self.value).joined(separator: ", ") + "]"
        case .call(let name, let arguments): name + "(" + arguments.map(Self.value).joined(separator: ", ") + ")"
        case .duration(let amount, let unit): "\(amount) \(word(of: unit, amount: amount))"
        case .offset(let base, let sign, let duration): "\(base) \(sign.rawValue) \(Self.value(duration))"
        case .condition(let condition): self.condition(condition)
        case .invalid: ""
        }
    }

    /// `condition` on one line, in parentheses when it binds less tightly than `context` requires.
    ///
    /// The left operand of `and`/`or` may be the same operator and the right one may not, so that the printed text
    /// parses back (left-associatively) into the same tree.
    static func condition(_ condition: SyntaxCondition, in context: Precedence = .or) -> String {
        let text: String
        let precedence: Precedence
        switch condition.kind {
        case .or(let left, let right):
            text = self.condition(left, in: .or) + " or " + self.condition(right, in: .and)
            precedence = .or
        case .and(let left, let right):
            text = self.condition(left, in: .and) + " and " + self.condition(right, in: .not)
            precedence = .and
        case .not(let operand):
            text = "not " + self.condition(operand, in: .not)
            precedence = .not
        case .textHas(let quantifier, let list):
            text = "text has \(quantifier.rawValue) \(value(list))"
            precedence = .primary
        case .textHasPhrase(let phrase):
            text = "text has phrase \(value(phrase))"
            precedence = .primary
        case .channelIs(let channel):
            text = "channel is \(value(channel))"
            precedence = .primary
        case .regionIn(let regions):
            text = "region in \(value(regions))"
            precedence = .primary
        case .reporterIn(let reporters):
            text = "reporter in \(value(reporters))"
            precedence = .primary
        case .always:
            text = "always"
            precedence = .primary
        case .reference(let name):
            text = name
            precedence = .primary
        }
        return precedence < context ? "(" + text + ")" : text
    }

    /// The operands of the chain of `and` (or of `or`) at the top of `condition`, left to right; the condition
    /// itself when it is neither.
    static func chain(of condition: SyntaxCondition) -> (operands: [SyntaxCondition], word: String?) {
        switch condition.kind {
        case .and(let left, let right):
            let (operands, word) = chain(of: left)
            return (word == "and" ? operands + [right] : [left, right], "and")
        case .or(let left, let right):
            let (operands, word) = chain(of: left)
            return (word == "or" ? operands + [right] : [left, right], "or")
        default:
            return ([condition], nil)
        }
    }

    /// `"text"` with `"` and `\` escaped, and control, line-separator and bidirectional-override characters
    /// written as `\n`, `\t`, `\r` or `\u{…}` so that the file shows what the string holds.
    static func quoted(_ text: String) -> String {
        var result = "\""
        for (offset, scalar) in text.unicodeScalars.enumerated() {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            default:
                if needsEscape(scalar, isFirst: offset == 0) {
                    result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    private static func needsEscape(_ scalar: Unicode.Scalar, isFirst: Bool) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator:
            return true
        case .nonspacingMark, .spacingMark, .enclosingMark:
            // A mark right after the opening quote would merge with it on screen.
            return isFirst
        default:
            return [0x061C, 0x200E, 0x200F, 0xFEFF].contains(scalar.value) || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value)
        }
    }

    /// `working_day` for one, `working_days` otherwise.
    private static func word(of unit: DurationUnit, amount: Int) -> String {
        abs(amount) == 1 ? String(unit.rawValue.dropLast()) : unit.rawValue
    }
}
