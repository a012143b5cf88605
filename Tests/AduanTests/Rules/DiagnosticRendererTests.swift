import Testing

@testable import AduanRules

@Suite("Rendering diagnostics")
struct DiagnosticRendererTests {
    @Test("a diagnostic shows path:line:column, the source line, a caret under the column and the help")
    func rendersWithCaret() {
        let source = "route \"x\" {\n    to \"dpupr\"\n}\n"
        let diagnostic = Diagnostic.error(
            "expected '=' after key 'to'",
            at: AduanRules.SourceLocation(path: "rules/10-jalan.rules", line: 2, column: 8),
            help: "write 'to = \"dpupr\"'"
        )
        let rendered = DiagnosticRenderer.render([diagnostic], sources: ["rules/10-jalan.rules": source])
        #expect(
            rendered == """
                rules/10-jalan.rules:2:8: error: expected '=' after key 'to'
                    to "dpupr"
                       ^
                help: write 'to = "dpupr"'

                """
        )
    }

    @Test("the caret lines up under tabs and after multi-byte characters")
    func caretAfterTabsAndUnicode() {
        let source = "\tlabel = \"Cikeusik—Pandeglang\" x\r\n"
        let diagnostic = Diagnostic.warning(
            "odd",
            at: AduanRules.SourceLocation(path: "a.rules", line: 1, column: 32)
        )
        #expect(
            DiagnosticRenderer.render(diagnostic, source: source) == """
                a.rules:1:32: warning: odd
                \tlabel = "Cikeusik—Pandeglang" x
                \t                              ^

                """
        )
    }

    @Test("a whole-file diagnostic has no source line")
    func wholeFile() {
        let diagnostic = Diagnostic.error("no 'otherwise'", at: .wholeFile("rules"), help: "add one")
        #expect(
            DiagnosticRenderer.render([diagnostic], sources: [:]) == "rules: error: no 'otherwise'\nhelp: add one\n"
        )
    }
}
