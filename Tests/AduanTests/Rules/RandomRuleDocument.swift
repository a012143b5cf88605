import AduanBench

/// Writes random rule files from a small grammar: blocks on one line or many, nested blocks, top-level attributes,
/// every kind of value, conditions broken over lines at random, strings with escapes and non-ASCII text, comments
/// wherever a comment may go, stray indentation and blank lines. Always valid syntax (the checker may still object,
/// which does not matter to the formatter).
struct RandomRuleDocument {
    private var random: SplitMix64

    init(seed: UInt64) {
        random = SplitMix64(seed: seed)
    }

    /// A whole file.
    mutating func text() -> String {
        var text = blankLines()
        for _ in 0..<number(0...6) {
            if chance(0.3) { text += comment() + "\n" + blankLines() }
            // Top-level attributes, as in the daemon's config file, which shares the syntax.
            if chance(0.15) { text += spaces() + attribute(indent: "", isOneLine: false) + trailingComment() + "\n" }
            text += block(depth: 0, indent: spaces(), isOneLine: chance(0.3)) + trailingComment() + "\n"
            text += blankLines()
        }
        if chance(0.3) { text += comment() + "\n" }
        return text
    }

    private mutating func number(_ range: ClosedRange<Int>) -> Int {
        Int.random(in: range, using: &random)
    }

    private mutating func chance(_ probability: Double) -> Bool {
        Double.random(in: 0..<1, using: &random) < probability
    }

    private mutating func pick(_ choices: [String]) -> String {
        choices[number(0...choices.count - 1)]
    }

    private mutating func spaces() -> String {
        String(repeating: " ", count: number(0...6))
    }

    private mutating func blankLines() -> String {
        (0..<number(0...2)).map { _ in String(repeating: " ", count: number(0...2)) + "\n" }.joined()
    }

    private mutating func comment() -> String {
        "#" + pick([" catatan", "", " ada # di dalam", " é 😀 ✓", "   spasi di akhir   ", "#", " x"])
    }

    private mutating func trailingComment() -> String {
        chance(0.25) ? spaces() + " " + comment() : ""
    }

    private mutating func block(depth: Int, indent: String, isOneLine: Bool) -> String {
        let kinds =
            depth == 0
            ? ["agency", "list", "route", "priority", "escalation", "define", "otherwise", "calendar"] : ["step"]
        let labels = (0..<number(0...2)).map { _ in " " + string() }.joined()
        let head = pick(kinds) + labels + (chance(0.5) ? " {" : "  {")
        let count = number(0...4)
        if isOneLine {
            let items = (0..<count).map { _ in
                depth < 2 && chance(0.2)
                    ? block(depth: depth + 1, indent: "", isOneLine: true)
                    : attribute(indent: "", isOneLine: true)
            }
            let separator = pick([", ", " , ", ","])
            return head + (items.isEmpty ? pick(["", " "]) : " " + items.joined(separator: separator) + " ") + "}"
        }
        var text = head + (chance(0.3) ? " " + comment() : "") + "\n"
        let inner = indent + "    "
        for _ in 0..<count {
            text += blankLines()
            if chance(0.3) { text += inner + comment() + "\n" }
            let element =
                depth < 2 && chance(0.2)
                ? block(depth: depth + 1, indent: inner, isOneLine: chance(0.5))
                : attribute(indent: inner, isOneLine: false)
            text += inner + spaces() + element + trailingComment() + "\n"
        }
        if chance(0.2) { text += blankLines() + inner + comment() + "\n" }
        return text + indent + "}"
    }

    private mutating func attribute(indent: String, isOneLine: Bool) -> String {
        let equals = pick([" = ", "=", "   =  "])
        if chance(0.3) {
            return "when" + equals + condition(indent: indent + "    ", isOneLine: isOneLine, depth: 0)
        }
        let key = pick([
            "name", "to", "short", "verify", "respond", "phrases", "at", "do", "cc", "sangat_panjang_sekali",
        ])
        return key + equals + value(indent: indent, isOneLine: isOneLine, depth: 0)
    }

    private mutating func value(indent: String, isOneLine: Bool, depth: Int) -> String {
        switch number(0...8) {
        case 0, 1: return string()
        case 2: return String(number(-50...5000))
        case 3: return pick(["auto", "manual", "working_hours", "mark_overdue"])
        case 4: return (chance(0.1) ? "-" : "") + duration()
        case 5: return "respond_deadline " + pick(["+", "-"]) + " " + duration()
        case 6:
            let arguments = (0..<number(0...2)).map { _ in chance(0.7) ? string() : String(number(0...9)) }
            return pick(["file", "notify", "reassign"]) + "(" + arguments.joined(separator: ", ") + ")"
        default: return list(indent: indent, isOneLine: isOneLine, depth: depth)
        }
    }

    private mutating func duration() -> String {
        String(number(1...3)) + " "
            + pick(["hour", "hours", "working_day", "working_days", "working_hours", "days", "minute"])
    }

    private mutating func list(indent: String, isOneLine: Bool, depth: Int) -> String {
        let count = number(0...(chance(0.3) ? 14 : 4))
        let items = (0..<count).map { _ in
            depth < 1 && chance(0.1)
                ? list(indent: "", isOneLine: true, depth: depth + 1)
                : (chance(0.8) ? string() : value(indent: "", isOneLine: true, depth: depth + 1))
        }
        if isOneLine || chance(0.5) {
            return "[" + items.joined(separator: ", ") + (chance(0.2) && !items.isEmpty ? "," : "") + "]"
        }
        var text = "[" + (chance(0.3) ? " " + comment() : "") + "\n"
        for (index, item) in items.enumerated() {
            text += blankLines()
            if chance(0.2) { text += indent + "        " + comment() + "\n" }
            let isLast = index == items.count - 1
            text += indent + spaces() + item + (isLast && chance(0.5) ? "" : ",") + trailingComment() + "\n"
        }
        if chance(0.2) { text += indent + "    " + comment() + "\n" }
        return text + indent + spaces() + "]"
    }

    /// `condition := term (('and' | 'or') term)*`, `term := leaf | 'not' term | '(' condition ')'`, with line
    /// breaks (and comments before them) where the grammar allows them: around `and`/`or`, after `not` and `(`,
    /// and before `)`.
    private mutating func condition(indent: String, isOneLine: Bool, depth: Int) -> String {
        var text = term(indent: indent, isOneLine: isOneLine, depth: depth)
        for _ in 0..<number(0...(depth < 2 ? 3 : 1)) {
            let word = pick(["and", "or"])
            text += separator(around: word, indent: indent, isOneLine: isOneLine)
            text += term(indent: indent, isOneLine: isOneLine, depth: depth)
        }
        return text
    }

    private mutating func separator(around word: String, indent: String, isOneLine: Bool) -> String {
        guard !isOneLine && chance(0.3) else { return " \(word) " }
        let breakLine = trailingComment() + "\n" + (chance(0.2) ? indent + comment() + "\n" : "") + indent + spaces()
        return chance(0.5) ? breakLine + word + " " : " " + word + breakLine
    }

    private mutating func term(indent: String, isOneLine: Bool, depth: Int) -> String {
        let choice = depth < 3 ? number(0...9) : 0
        switch choice {
        case 0...6:
            return leaf()
        case 7:
            return "not " + term(indent: indent, isOneLine: isOneLine, depth: depth + 1)
        default:
            let isBroken = !isOneLine && chance(0.2)
            let opening = isBroken ? "(" + trailingComment() + "\n" + indent + spaces() : "("
            let closing = isBroken ? "\n" + indent + ")" : ")"
            return opening + condition(indent: indent, isOneLine: isOneLine, depth: depth + 1) + closing
        }
    }

    private mutating func leaf() -> String {
        switch number(0...7) {
        case 0: return "text has " + pick(["any", "all"]) + " " + pick(["jalan", "banjir-besar", "sampah_liar"])
        case 1: return "text has phrase " + string()
        case 2: return "channel is " + string()
        case 3: return "region in " + (chance(0.5) ? "wilayah" : "[" + string() + ", " + string() + "]")
        case 4: return "reporter in " + (chance(0.5) ? "rentan" : "[" + string() + "]")
        case 5: return "always"
        default: return pick(["darurat", "banjir-serang", "x"])
        }
    }

    /// A string literal of random text, escaped the way a person might: some characters as `\u{…}`.
    private mutating func string() -> String {
        let pool = [
            "a", "jalan", " ", "é", "😀", "\"", "\\", "\n", "\t", "\u{202E}", "\u{301}", "Kota Serang", "#", "{", "}",
        ]
        let text = (0..<number(0...5)).map { _ in pick(pool) }.joined()
        var literal = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": literal += "\\\""
            case "\\": literal += "\\\\"
            case "\n": literal += "\\n"
            case "\t": literal += pick(["\\t", "\\u{9}"])
            default:
                literal += chance(0.1) ? "\\u{" + String(scalar.value, radix: 16) + "}" : String(scalar)
            }
        }
        return literal + "\""
    }
}
