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

    @Test("several errors of one file render in order, each with its line, caret and suggestion")
    func severalErrors() {
        let source = """
            agency "dpupr" { name = "Dinas PU" }
            route "Jalan" {
                wen = text has phrase "jalan rusak"
                to "dpupr"
            }
            otherwise { to = "dpupr", verify = manul }
            """
        let result = RuleLoader.compile([RuleFile(path: "rules/main.rules", text: source)])
        #expect(
            result.rendered() == """
                rules/main.rules:3:5: error: unknown key 'wen' in route "Jalan"
                    wen = text has phrase "jalan rusak"
                    ^
                help: did you mean 'when'?
                rules/main.rules:4:8: error: expected '=' after key 'to'
                    to "dpupr"
                       ^
                help: write 'to = "dpupr"'
                rules/main.rules:6:36: error: 'verify' must be auto or manual, found the word 'manul'
                otherwise { to = "dpupr", verify = manul }
                                                   ^
                help: did you mean 'manual'?

                """
        )
    }
}
