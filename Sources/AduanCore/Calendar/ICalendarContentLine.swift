/// One unfolded iCalendar content line, `NAME;PARAM=VALUE:value`, with the physical line it starts on.
struct ICalendarContentLine {
    /// The property or component keyword, uppercased: `DTSTART`.
    var name: String
    /// Parameters by uppercased name: `VALUE` → `DATE`.
    var parameters: [String: String]
    /// The raw value after the first colon outside quotes, escapes still in place.
    var value: String
    /// The 1-based physical line where the content line starts.
    var line: Int

    /// Splits text into content lines: CRLF or LF, a line starting with a space or tab continues the previous
    /// one (RFC 5545 §3.1), blank lines dropped. A line without a colon becomes a line with an empty name so
    /// that the parser can report it.
    static func unfold(_ text: String) -> [ICalendarContentLine] {
        var logical: [(text: String, line: Int)] = []
        var lineNumber = 0
        for physical in text.split(omittingEmptySubsequences: false, whereSeparator: \.isLineBreak) {
            lineNumber += 1
            if let first = physical.first, first == " " || first == "\t", !logical.isEmpty {
                logical[logical.count - 1].text += physical.dropFirst()
            } else if !physical.isEmpty {
                logical.append((String(physical), lineNumber))
            }
        }
        return logical.map { ICalendarContentLine(parsing: $0.text, line: $0.line) }
    }

    private init(parsing text: String, line: Int) {
        self.line = line
        var inQuotes = false
        var fields: [String] = []
        var current = ""
        var rest: Substring = ""
        var index = text.startIndex
        while index < text.endIndex {
            let character = text[index]
            if character == "\"" { inQuotes.toggle() }
            if !inQuotes, character == ":" {
                rest = text[text.index(after: index)...]
                break
            }
            if !inQuotes, character == ";" {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
            index = text.index(after: index)
        }
        guard index < text.endIndex else {
            name = ""
            parameters = [:]
            value = text
            return
        }
        fields.append(current)
        name = fields[0].uppercased()
        var parameters: [String: String] = [:]
        for field in fields.dropFirst() {
            let pair = field.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let parameterValue =
                pair[1].hasPrefix("\"") && pair[1].hasSuffix("\"") ? pair[1].dropFirst().dropLast() : pair[1]
            parameters[pair[0].uppercased()] = String(parameterValue)
        }
        self.parameters = parameters
        value = String(rest)
    }

    /// The value with RFC 5545 text escapes resolved; a newline escape becomes a space, since a holiday's
    /// name is printed on one line.
    var text: String {
        var result = ""
        var escaping = false
        for character in value {
            if escaping {
                switch character {
                case "n", "N": result.append(" ")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
