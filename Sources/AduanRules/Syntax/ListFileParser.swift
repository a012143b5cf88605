/// Reads the entries of a list file named with `file("…")` in a `list` block, each with its own position in that
/// file, so that a bad phrase or region is reported at `file.csv:line:column`.
///
/// - A `.csv` file (RFC 4180): the first column of each record is an entry; fields may be quoted (`"a, b"`, with
///   `""` for a quote) and quoted fields may span lines. A first record holding the column's name (`phrase` or
///   `phrases` in a phrase list) is a header and skipped.
/// - Any other file: one entry per line; lines starting with `#` are comments.
///
/// In both, white space around an entry is ignored and empty entries are skipped.
struct ListFileParser {
    private let path: String
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var entries: [SyntaxValue] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text`, the contents of the file at `path`.
    ///
    /// - Parameters:
    ///   - headers: The words a CSV header may hold, e.g. `["phrase", "phrases"]`.
    static func parse(
        _ text: String,
        path: String,
        headers: [String]
    ) -> (entries: [SyntaxValue], diagnostics: [Diagnostic]) {
        var parser = ListFileParser(path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if path.lowercased().hasSuffix(".csv") {
            parser.parseCSV(headers: headers)
        } else {
            parser.parseLines()
        }
        return (parser.entries, parser.diagnostics)
    }

    private init(path: String, text: String) {
        self.path = path
        self.characters = Array(text)
    }

    private var location: SourceLocation { SourceLocation(path: path, line: line, column: column) }

    private var current: Character? { index < characters.count ? characters[index] : nil }

    private static func isLineBreak(_ character: Character) -> Bool {
        character == "\n" || character == "\r\n" || character == "\r"
    }

    private mutating func advance() {
        if Self.isLineBreak(characters[index]) {
            line += 1
            column = 1
        } else {
            column += 1
        }
        index += 1
    }

    private mutating func skipSpaces() {
        while let character = current, character == " " || character == "\t" { advance() }
    }

    private mutating func parseLines() {
        while current != nil {
            skipSpaces()
            let start = location
            var text = ""
            while let character = current, !Self.isLineBreak(character) {
                text.append(character)
                advance()
            }
            if current != nil { advance() }
            let entry = Self.trimmed(text)
            if !entry.isEmpty && !entry.hasPrefix("#") {
                entries.append(SyntaxValue(kind: .string(entry), location: start))
            }
        }
    }

    private mutating func parseCSV(headers: [String]) {
        var isFirstRecord = true
        while current != nil {
            let first = parseField()
            while current == "," {
                advance()
                _ = parseField()
            }
            if let character = current, Self.isLineBreak(character) { advance() }
            guard let (text, start) = first else {
                isFirstRecord = false
                continue
            }
            let entry = Self.trimmed(text)
            if entry.isEmpty { continue }
            if isFirstRecord {
                isFirstRecord = false
                if headers.contains(entry.lowercased()) { continue }
            }
            entries.append(SyntaxValue(kind: .string(entry), location: start))
        }
    }

    /// One field up to (not including) the `,` or line break after it; `nil` after an error, already reported.
    private mutating func parseField() -> (text: String, location: SourceLocation)? {
        skipSpaces()
        let start = location
        guard current == "\"" else { return parseUnquotedField(start: start) }
        advance()
        var text = ""
        while true {
            guard let character = current else {
                diagnostics.append(
                    .error(
                        "quoted field is never closed",
                        at: start,
                        help: "add '\"' at the end of the field; write '\"\"' for a quote inside it"
                    )
                )
                return nil
            }
            advance()
            if character != "\"" {
                text.append(character)
            } else if current == "\"" {
                text.append("\"")
                advance()
            } else {
                break
            }
        }
        skipSpaces()
        if let character = current, character != ",", !Self.isLineBreak(character) {
            diagnostics.append(
                .error(
                    "unexpected text after the closing quote",
                    at: location,
                    help: "put ',' between fields; write '\"\"' for a quote inside a quoted field"
                )
            )
            skipRestOfField()
            return nil
        }
        return (text, start)
    }

    private mutating func parseUnquotedField(start: SourceLocation) -> (text: String, location: SourceLocation)? {
        var text = ""
        while let character = current, character != ",", !Self.isLineBreak(character) {
            if character == "\"" {
                diagnostics.append(
                    .error(
                        "a quote inside an unquoted field",
                        at: location,
                        help: "quote the whole field and double the quote: \"say \"\"hi\"\"\""
                    )
                )
                skipRestOfField()
                return nil
            }
            text.append(character)
            advance()
        }
        return (text, start)
    }

    private mutating func skipRestOfField() {
        while let character = current, character != ",", !Self.isLineBreak(character) { advance() }
    }

    /// `text` without spaces, tabs and line breaks at either end.
    private static func trimmed(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }
}
