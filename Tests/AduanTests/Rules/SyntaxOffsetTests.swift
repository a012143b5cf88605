import Testing

@testable import AduanRules

@Suite("Offsets such as 'respond_deadline - 1 working_day'")
struct SyntaxOffsetTests {
    private func parse(_ text: String) -> (document: SyntaxDocument, diagnostics: [Diagnostic]) {
        SyntaxParser.parse(text, path: "test.rules")
    }

    /// Qualified: Swift Testing has a `SourceLocation` too.
    private func location(_ line: Int, _ column: Int) -> AduanRules.SourceLocation {
        AduanRules.SourceLocation(path: "test.rules", line: line, column: column)
    }

    /// `path:line:column: message` of each diagnostic.
    private func summaries(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.location): \($0.message)" }
    }

    @Test("an offset keeps its base, sign and duration, each with its position")
    func offsetValue() throws {
        let (document, diagnostics) = parse("at = respond_deadline - 1 working_day\nat = resolve_deadline + 5 days\n")
        #expect(diagnostics.isEmpty)
        #expect(
            document.attributes.map(\.value) == [
                SyntaxValue(
                    kind: .offset(
                        base: "respond_deadline",
                        sign: .minus,
                        duration: SyntaxValue(kind: .duration(amount: 1, unit: .workingDays), location: location(1, 25))
                    ),
                    location: location(1, 6)
                ),
                SyntaxValue(
                    kind: .offset(
                        base: "resolve_deadline",
                        sign: .plus,
                        duration: SyntaxValue(kind: .duration(amount: 5, unit: .days), location: location(2, 25))
                    ),
                    location: location(2, 6)
                ),
            ]
        )
        #expect(document.attributes[0].value.kindDescription == "an offset from 'respond_deadline'")
    }

    @Test("'+' needs no spaces, since names cannot contain it; offsets work inside blocks and on one line")
    func compactPlus() throws {
        let (document, diagnostics) = parse("step { at = respond_deadline+2 working_days, do = mark_overdue }")
        #expect(diagnostics.isEmpty)
        let step = try #require(document.blocks.first)
        #expect(step.attributes.map(\.key) == ["at", "do"])
        guard case .offset(let base, let sign, let duration) = step.attributes[0].value.kind else {
            Issue.record("not an offset: \(step.attributes[0].value.kind)")
            return
        }
        #expect(base == "respond_deadline")
        #expect(sign == .plus)
        #expect(duration.kind == .duration(amount: 2, unit: .workingDays))
    }

    @Test("'respond_deadline-1 working_day' is one name and a unit: the error points at the '-' and shows the fix")
    func joinedMinus() {
        let (document, diagnostics) = parse("at = respond_deadline-1 working_day\nnext = 1\n")
        #expect(
            summaries(diagnostics) == [
                "test.rules:1:22: 'respond_deadline-1' reads as one name, because names may contain '-'"
            ]
        )
        #expect(diagnostics.first?.help == "put spaces around '-': 'respond_deadline - 1 working_day'")
        #expect(document.attributes.map(\.key) == ["at", "next"])
        #expect(document.attributes[0].value.isInvalid)
    }

    @Test("a name with '-' and digits is still a name when no unit follows")
    func dashedNames() {
        let (document, diagnostics) = parse("list = wilayah-2\n")
        #expect(diagnostics.isEmpty)
        #expect(document.attributes.first?.value.kind == .identifier("wilayah-2"))
    }

    @Test(
        "an offset needs a number, a unit, and only one duration",
        arguments: [
            (
                "at = respond_deadline - working_day",
                "test.rules:1:25: expected a duration after 'respond_deadline -', found 'working_day'",
                "write e.g. 'respond_deadline - 1 working_day'"
            ),
            (
                "at = respond_deadline + 2", "test.rules:1:25: the offset 'respond_deadline + 2' needs a unit",
                "write e.g. 'respond_deadline + 1 working_day'; units are minutes, hours, days, working_hours, working_days"
            ),
            (
                "at = respond_deadline - 1 working_dya", "test.rules:1:27: unknown duration unit 'working_dya'",
                "did you mean 'working_day'?"
            ),
            (
                "at = respond_deadline - 1 working_day + 2 hours",
                "test.rules:1:39: an offset takes one duration, found another '+'",
                "write e.g. 'respond_deadline - 1 working_day'"
            ),
            (
                "at = respond_deadline - -1 working_day",
                "test.rules:1:25: expected a duration after 'respond_deadline -', found '-'",
                "write e.g. 'respond_deadline - 1 working_day'"
            ),
        ]
    )
    func malformedOffsets(text: String, summary: String, help: String) {
        let (_, diagnostics) = parse(text)
        #expect(summaries(diagnostics) == [summary])
        #expect(diagnostics.first?.help == help)
    }
}
