/// Renders diagnostics for people: `path:line:column: error: message`, the source line, a caret under the column,
/// then `help: …` when there is a suggestion.
public enum DiagnosticRenderer {
    /// All `diagnostics` in the given order, each followed by a newline.
    ///
    /// - Parameters:
    ///   - diagnostics: What to render.
    ///   - sources: File texts by path, for the source line and caret; a path missing here gets no source line.
    public static func render(_ diagnostics: [Diagnostic], sources: [String: String]) -> String {
        var output = ""
        var linesByPath: [String: [Substring]] = [:]
        for diagnostic in diagnostics {
            let path = diagnostic.location.path
            if linesByPath[path] == nil, let text = sources[path] {
                linesByPath[path] = sourceLines(text)
            }
            output += render(diagnostic, lines: linesByPath[path] ?? [])
        }
        return output
    }

    /// One diagnostic, given the text of its file (`nil` for no source line).
    public static func render(_ diagnostic: Diagnostic, source: String?) -> String {
        let lines = source.map(sourceLines) ?? []
        return render(diagnostic, lines: lines)
    }

    private static func render(_ diagnostic: Diagnostic, lines: [Substring]) -> String {
        let location = diagnostic.location
        var output = "\(location): \(diagnostic.severity.rawValue): \(diagnostic.message)\n"
        if location.line > 0 && location.line <= lines.count {
            let line = lines[location.line - 1]
            output += line + "\n"
            output += caretLine(for: line, column: location.column) + "\n"
        }
        if let help = diagnostic.help {
            output += "help: \(help)\n"
        }
        return output
    }

    /// The lines of `text` split at `\n` (as the lexer counts them), without a trailing `\r`.
    static func sourceLines(_ text: String) -> [Substring] {
        text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false).map { bytes in
            let line = text[bytes.startIndex..<bytes.endIndex]
            return line.utf8.last == 0x0D ? line.dropLast() : line
        }
    }

    /// Spaces up to the column, keeping tabs so that the caret lines up however tabs are displayed.
    private static func caretLine(for line: Substring, column: Int) -> String {
        var caret = ""
        for character in line.prefix(max(column - 1, 0)) {
            caret.append(character == "\t" ? "\t" : " ")
        }
        return caret + "^"
    }
}
