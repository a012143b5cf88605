import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// `fmt` is idempotent and keeps the meaning: on the real Banten rules (every sample complaint routes the same
/// before and after) and on random rule files (the same syntax tree and comments before and after).
@Suite("Formatting keeps the meaning")
struct RuleFormatterPropertyTests {
    /// The sample complaints of `seeds/complaints.jsonl` as routing inputs, by id.
    static let samples: [(id: String, input: RoutingInput)] = {
        let path = TestPaths.seedsDirectory + "/complaints.jsonl"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").compactMap { line in
            guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                let id = object["id"] as? String, let body = object["text"] as? String
            else { return nil }
            let reporter = (object["reporter"] as? [String: Any]).map { Reporter(kind: $0["kind"] as? String) }
            let input = RoutingInput(
                text: body,
                title: object["title"] as? String,
                channel: (object["channel"] as? String).flatMap(Channel.init(rawValue:)) ?? .other,
                region: (object["region"] as? String).flatMap(Region.resolve),
                reporter: reporter
            )
            return (id, input)
        }
    }()

    /// Parses and formats `text`; `nil` with the rendered errors when it does not parse.
    private func format(_ text: String, path: String) -> (formatted: String?, errors: String) {
        let (document, diagnostics) = SyntaxParser.parse(text, path: path)
        guard diagnostics.isEmpty else { return (nil, DiagnosticRenderer.render(diagnostics, sources: [path: text])) }
        return (RuleFormatter.format(document, source: text), "")
    }

    /// Checks that `formatted` parses into the same tree and comments as `original`, and formats to itself.
    private func expectSameMeaning(_ original: String, _ formatted: String, path: String) {
        let (before, _) = SyntaxParser.parse(original, path: path)
        let (after, diagnostics) = SyntaxParser.parse(formatted, path: path)
        #expect(diagnostics.isEmpty, "\(path): the formatted text does not parse:\n\(formatted)")
        #expect(SyntaxShape.of(after) == SyntaxShape.of(before), "\(path): the syntax tree changed:\n\(formatted)")
        #expect(
            SyntaxShape.comments(of: after) == SyntaxShape.comments(of: before),
            "\(path): the comments changed:\n\(formatted)"
        )
        #expect(RuleFormatter.format(after, source: formatted) == formatted, "\(path): not idempotent:\n\(formatted)")
    }

    @Test("formatting the Banten rules twice changes nothing the second time, and every sample routes the same")
    func bantenRules() throws {
        let root = try TemporaryDirectory("aduan-fmt")
        defer { root.remove() }
        let rules = root.file("rules")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        // The calendar names ../seeds/holidays/…, relative to the rules folder.
        try FileManager.default.createDirectory(atPath: root.file("seeds"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: TestPaths.seedsDirectory + "/holidays",
            toPath: root.file("seeds/holidays")
        )
        let names = try FileManager.default.contentsOfDirectory(atPath: TestPaths.rulesDirectory)
            .filter { $0.hasSuffix(".rules") }
        #expect(names.count >= 2)
        for name in names {
            let original = try String(contentsOfFile: TestPaths.rulesDirectory + "/" + name, encoding: .utf8)
            let (formatted, errors) = format(original, path: name)
            let text = try #require(formatted, "\(errors)")
            expectSameMeaning(original, text, path: name)
            try text.write(toFile: rules + "/" + name, atomically: true, encoding: .utf8)
        }

        let before = RuleLoader.load(directory: TestPaths.rulesDirectory)
        let after = RuleLoader.load(directory: rules)
        let beforeRules = try #require(before.ruleSet, "\(before.rendered())")
        let afterRules = try #require(after.ruleSet, "\(after.rendered())")
        #expect(after.diagnostics.map(\.message) == before.diagnostics.map(\.message))
        #expect(afterRules.routeLabels == beforeRules.routeLabels)
        #expect(afterRules.agencies == beforeRules.agencies)
        #expect(afterRules.priorities == beforeRules.priorities)
        #expect(afterRules.escalations == beforeRules.escalations)
        #expect(afterRules.calendar == beforeRules.calendar)
        #expect(Self.samples.count >= 40)
        for (id, input) in Self.samples {
            #expect(afterRules.route(input) == beforeRules.route(input), "\(id)")
        }
    }

    @Test("random rule files format to the same syntax tree and comments, and formatting again changes nothing")
    func randomDocuments() {
        for seed in UInt64(1)...500 {
            var generator = RandomRuleDocument(seed: seed)
            let original = generator.text()
            let path = "random-\(seed).rules"
            let (formatted, errors) = format(original, path: path)
            guard let formatted else {
                Issue.record("seed \(seed): the generator wrote a file that does not parse:\n\(errors)\n\(original)")
                continue
            }
            expectSameMeaning(original, formatted, path: path)
        }
    }
}
