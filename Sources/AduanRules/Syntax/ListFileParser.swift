/// Reads the records of a data file named with `file("…")` (a list's entries, an abbreviation table), each field
/// with its own position in that file, so that a bad phrase or region is reported at `file.csv:line:column`.
///
/// - A `.csv` file (RFC 4180): each record's fields, the first one being the entry; fields may be quoted (`"a, b"`,
///   with `""` for a quote) and quoted fields may span lines. A first record whose first field holds the column's
///   name (`phrase` or `phrases` in a phrase list) is a header and skipped.
/// - Any other file: one entry per line, as a record of one field; lines starting with `#` are comments.
///
/// In both, white space around a field is ignored and records whose first field is empty are skipped.
struct ListFileParser {
    private let path: String
    private let characters: [Character]
    private var index = 0
    private var line = 1
    private var column = 1
    private(set) var records: [[SyntaxValue]] = []
    private(set) var diagnostics: [Diagnostic] = []

    /// Parses `text`, the contents of the file at `path`, into its entries: the first field of each record.
    ///
    /// - Parameters:
    ///   - headers: The words a CSV header may hold, e.g. `["phrase", "phrases"]`.
    static func parse(
        _ text: String,
        path: String,
        headers: [String]
    ) -> (entries: [SyntaxValue], diagnostics: [Diagnostic]) {
        let (records, diagnostics) = parseRecords(text, path: path, headers: headers)
        return (records.map { $0[0] }, diagnostics)
    }

    /// Parses `text`, the contents of the file at `path`, into records of one or more fields (one for a text file).
    ///
    /// - Parameters:
    ///   - headers: The words a CSV header's first field may hold, e.g. `["abbreviation"]`.
    static func parseRecords(
        _ text: String,
        path: String,
        headers: [String]
    ) -> (records: [[SyntaxValue]], diagnostics: [Diagnostic]) {
        var parser = ListFileParser(path: path, text: text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text)
        if path.lowercased().hasSuffix(".csv") {
            parser.parseCSV(headers: headers)
        } else {
            parser.parseLines()
        }
        return (parser.records, parser.diagnostics)
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
                records.append([SyntaxValue(kind: .string(entry), location: start)])
            }
        }
    }

    private mutating func parseCSV(headers: [String]) {
        var isFirstRecord = true
        while current != nil {
            var fields = [parseField()]
            while current == "," {
                advance()
                fields.append(parseField())
            }
            if let character = current, Self.isLineBreak(character) { advance() }
            guard let (text, start) = fields[0] else {
                isFirstRecord = false
                continue
            }
            let entry = Self.trimmed(text)
            if entry.isEmpty { continue }
            if isFirstRecord {
                isFirstRecord = false
                if headers.contains(entry.lowercased()) { continue }
            }
            // A field after an error holds an empty string; the file's diagnostics refuse it anyway.
            records.append(
                fields.map { field in
                    SyntaxValue(
                        kind: .string(field.map { Self.trimmed($0.text) } ?? ""),
                        location: field?.location ?? start
                    )
                }
            )
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
