import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// Random rule files, mutated: the loader never crashes or hangs, and every diagnostic is one line.
@Suite("rules loader on random input")
struct RuleLoaderRandomInputTests {
    /// The fuzzing data folder, so that `file("…")` in the snapshot seed reads real lists and holidays.
    static let path = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz/Data/fuzz.rules").path

    static let originals: [[UInt8]] = {
        var documents = RandomRuleDocument(seed: 0x7275_6C65)
        let snapshot = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz/seeds/rules/snapshot.rules").path
        let seed = FileManager.default.contents(atPath: snapshot).map { Array($0) } ?? []
        return [seed, seed, seed] + (0..<20).map { _ in Array(documents.text().utf8) }
    }()

    @Test("mutated rule files compile or are refused with one-line diagnostics, within the time bound")
    func mutations() {
        var mutation = RandomMutation(seed: 0x7275_6C65, syntaxBytes: "{}[]()=,\"#\\+- \n")
        var outcomes = (syntaxErrors: 0, checkerErrors: 0, compiled: 0)
        let start = ContinuousClock.now
        for _ in 0..<250 {
            let text = String(decoding: mutation.next(from: Self.originals), as: UTF8.self)
            let result = RuleLoader.compile([RuleFile(path: Self.path, text: text)])
            if SyntaxParser.parse(text, path: Self.path).diagnostics.isEmpty {
                if result.diagnostics.contains(where: \.isError) {
                    outcomes.checkerErrors += 1
                } else {
                    outcomes.compiled += 1
                }
            } else {
                outcomes.syntaxErrors += 1
            }
            #expect((result.ruleSet == nil) == result.diagnostics.contains(where: \.isError))
            for diagnostic in result.diagnostics {
                #expect(diagnostic.message.isOneReadableLine, "\(diagnostic.message.debugDescription)")
                #expect(diagnostic.help?.isOneReadableLine ?? true, "\(diagnostic.help.debugDescription)")
            }
            _ = DiagnosticRenderer.render(result.diagnostics, sources: [Self.path: text])
        }
        let elapsed = ContinuousClock.now - start
        #expect(outcomes.syntaxErrors > 0 && outcomes.checkerErrors > 0, "\(outcomes)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
