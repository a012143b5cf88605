import Testing

@testable import AduanRules

@Suite("Block syntax parser")
struct SyntaxParserTests {
    private func parse(_ text: String) -> (document: SyntaxDocument, diagnostics: [Diagnostic]) {
        SyntaxParser.parse(text, path: "test.rules")
    }

    /// Qualified: Swift Testing has a `SourceLocation` too.
    private func location(_ line: Int, _ column: Int) -> AduanRules.SourceLocation {
        AduanRules.SourceLocation(path: "test.rules", line: line, column: column)
    }

    @Test("blocks keep their kind, labels, attributes, nested blocks and positions")
    func blocksAndAttributes() throws {
        let (document, diagnostics) = parse(
            """
            escalation "standar" "kedua" {
                quiet = working_hours
                step { at = 2 working_days, do = notify("agency-head") }
            }
            """
        )
        #expect(diagnostics.isEmpty)
        let block = try #require(document.blocks.first)
        #expect(block.kind == "escalation")
        #expect(block.location == location(1, 1))
        #expect(block.labels == ["standar", "kedua"])
        #expect(block.labelLocations == [location(1, 12), location(1, 22)])
        #expect(block.attributes.map(\.key) == ["quiet"])
        #expect(block.attributes[0].value.kind == .identifier("working_hours"))
        #expect(block.attributes[0].valueLocation == location(2, 13))
        let step = try #require(block.blocks.first)
        #expect(step.kind == "step")
        #expect(
            step.attributes.map(\.value.kind) == [
                .duration(amount: 2, unit: .workingDays),
                .call(
                    name: "notify",
                    arguments: [SyntaxValue(kind: .string("agency-head"), location: location(3, 45))]
                ),
            ]
        )
    }

    @Test("top-level attributes are kept for the config file")
    func topLevelAttributes() {
        let (document, diagnostics) = parse("state_dir = \"/var/lib/aduan\"\nlimit = -5\n")
        #expect(diagnostics.isEmpty)
        #expect(document.attributes.map(\.key) == ["state_dir", "limit"])
        #expect(document.attributes.map(\.value.kind) == [.string("/var/lib/aduan"), .integer(-5)])
    }

    @Test("strings unescape \\\" \\\\ \\n \\t and \\u{…} and keep UTF-8 text")
    func stringEscapes() {
        let (document, diagnostics) = parse(#"x = "kata \"kutip\" \\ baris\nbaru\ttab \u{1F600} é Jalan""#)
        #expect(diagnostics.isEmpty)
        #expect(document.attributes.first?.value.string == "kata \"kutip\" \\ baris\nbaru\ttab 😀 é Jalan")
    }

    @Test("columns count characters, not bytes, after non-ASCII text")
    func characterColumns() {
        let (document, _) = parse("label = \"Cikeusik—Pandeglang 🙏\", to = \"x\"")
        #expect(document.attributes.map(\.location) == [location(1, 1), location(1, 34)])
    }

    @Test("lists take trailing commas, new lines and comments inside")
    func lists() {
        let (document, diagnostics) = parse(
            """
            phrases = [
                "jalan rusak",  # the common one
                "berlubang",
            ]
            """
        )
        #expect(diagnostics.isEmpty)
        #expect(document.attributes.first?.value.list?.compactMap(\.string) == ["jalan rusak", "berlubang"])
        #expect(document.comments.map(\.text) == [" the common one"])
        #expect(document.comments.first?.location == location(2, 21))
    }

    @Test("durations accept singular and plural units")
    func durations() {
        let (document, diagnostics) = parse("a = 4 working_hours, b = 1 working_day, c = 3 hours, d = -1 days")
        #expect(diagnostics.isEmpty)
        #expect(
            document.attributes.map(\.value.kind) == [
                .duration(amount: 4, unit: .workingHours), .duration(amount: 1, unit: .workingDays),
                .duration(amount: 3, unit: .hours), .duration(amount: -1, unit: .days),
            ]
        )
    }

    @Test("not binds tighter than and, and tighter than or")
    func conditionPrecedence() throws {
        let (document, diagnostics) = parse(
            "when = not channel is \"sms\" and text has any a or region in [\"Kota Serang\"]"
        )
        #expect(diagnostics.isEmpty)
        guard case .condition(let condition) = try #require(document.attributes.first).value.kind,
            case .or(let left, let right) = condition.kind,
            case .and(let negation, let textCondition) = left.kind,
            case .not(let channel) = negation.kind
        else {
            Issue.record("expected (not channel and text) or region")
            return
        }
        #expect(channel.kind == .channelIs(SyntaxValue(kind: .string("sms"), location: location(1, 23))))
        #expect(
            textCondition.kind == .textHas(.any, list: SyntaxValue(kind: .identifier("a"), location: location(1, 46)))
        )
        #expect(right.location == location(1, 51))
    }

    @Test("parentheses override precedence and conditions may continue on the next line")
    func parentheses() throws {
        let (document, diagnostics) = parse(
            """
            when = text has phrase "banjir" and
                (channel is "sms"
                 or channel is "web")
            """
        )
        #expect(diagnostics.isEmpty)
        guard case .condition(let condition) = try #require(document.attributes.first).value.kind,
            case .and(_, let grouped) = condition.kind,
            case .or = grouped.kind
        else {
            Issue.record("expected phrase and (sms or web)")
            return
        }
        #expect(grouped.location == location(2, 5))
    }

    @Test("every syntax error of a file is reported in one run, each with its position")
    func allErrorsAtOnce() {
        let (document, diagnostics) = parse(
            """
            route "a" {
                to "dpupr"
                verify = manual
            }
            route "b" { when = text has any, to = "x" }
            list "c" { phrases = ["a" "b"], x = 4 wrking_days }
            route "d" { name = "unterminated }
            agency "e" { name = "ok" }
            """
        )
        #expect(
            diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "2:8 expected '=' after key 'to'",
                "5:32 expected a list name after 'text has any', found ','",
                "6:27 expected ',' or ']' after a list item, found string \"b\"",
                "6:39 unknown duration unit 'wrking_days'",
                "7:20 unterminated string",
            ]
        )
        #expect(diagnostics[0].help == "write 'to = \"dpupr\"'")
        #expect(diagnostics[3].help == "did you mean 'working_days'?")
        #expect(document.blocks.map(\.kind) == ["route", "route", "list", "route", "agency"])
        #expect(document.blocks[0].attributes.map(\.key) == ["to", "verify"])
        #expect(document.blocks[1].attributes.map(\.key) == ["when", "to"])
    }

    @Test("an unclosed list ends at the next key, and an unclosed block at the end of the file")
    func unclosedBrackets() {
        let (document, diagnostics) = parse(
            """
            list "a" {
                phrases = ["x", "y"
                regions = ["Kota Serang"]
            """
        )
        #expect(
            diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "1:10 block 'list' is never closed",
                "2:15 list is never closed",
            ]
        )
        #expect(document.blocks.first?.attributes.map(\.key) == ["phrases", "regions"])
    }

    @Test("a value with a syntax error is kept as invalid, so the key is still known")
    func invalidValues() {
        let (document, diagnostics) = parse("route \"a\" { when = text has nothing x, to = \"dpupr\" }")
        #expect(diagnostics.map(\.message) == ["expected 'any', 'all' or 'phrase' after 'text has', found 'nothing'"])
        #expect(document.blocks.first?.attributes.map(\.key) == ["when", "to"])
        #expect(document.blocks.first?.attributes.first?.value.isInvalid == true)
    }

    @Test("a misspelt condition word gets a suggestion")
    func misspeltCondition() {
        let (_, diagnostics) = parse("when = chanel is \"sms\"")
        #expect(diagnostics.map(\.message) == ["unknown condition 'chanel'"])
        #expect(diagnostics.first?.help == "did you mean 'channel'?")
    }

    @Test("stray characters and unknown escapes are reported where they are")
    func lexicalErrors() {
        let (_, diagnostics) = parse("a = \"x\\q\";\nb = \"\\u{110000}\"")
        #expect(
            diagnostics.map { "\($0.location.line):\($0.location.column) \($0.message)" } == [
                "1:7 unknown escape '\\q' in string",
                "1:10 unexpected character ';'",
                "2:6 '\\u{110000}' is not a Unicode scalar value",
            ]
        )
    }

    @Test("hostile nesting is refused with an error instead of exhausting the stack")
    func deepNesting() {
        let deepCondition = "when = " + String(repeating: "(", count: 10_000) + "always"
        #expect(parse(deepCondition).diagnostics.map(\.message) == ["nested more than 64 levels deep"])
        let deepList = parse("x = " + String(repeating: "[", count: 10_000))
        #expect(deepList.diagnostics.map(\.message).contains("nested more than 64 levels deep"))
        let deepBlocks = parse(String(repeating: "a {\n", count: 10_000))
        #expect(deepBlocks.diagnostics.map(\.message).contains("blocks nested more than 64 levels deep"))
    }

    @Test("columns stay right along a long line with non-ASCII text")
    func longUnicodeLine() {
        let line = (0..<200).map { "k\($0) = \"é🙏\"" }.joined(separator: ", ")
        let (document, diagnostics) = parse(line)
        #expect(diagnostics.isEmpty)
        #expect(document.attributes.last?.location.column == line.count - "k199 = \"é🙏\"".count + 1)
    }
}
