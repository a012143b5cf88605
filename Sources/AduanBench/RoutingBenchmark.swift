import AduanCore
import AduanRules
import Foundation

/// Classifications per second of the compiled rule set (1,000 routes, 10,000 phrases), against a naive evaluator
/// that searches each route's phrases in turn.
public struct RoutingBenchmark: Sendable {
    private let settings: BenchSettings
    private let corpus: ComplaintCorpus

    /// Creates the benchmark.
    public init(settings: BenchSettings, corpus: ComplaintCorpus) {
        self.settings = settings
        self.corpus = corpus
    }

    /// Compiles the synthetic rules from a folder with ``RuleLoader``, classifies the texts with both, checks that
    /// they agree, and reports both rates.
    ///
    /// - Throws: ``BenchError`` when the rules do not compile or the two routers disagree on a text.
    public func run() throws -> [BenchmarkResult] {
        let scale = settings.scale
        let synthetic = SyntheticRuleSet(routes: scale.routes, phrasesPerRoute: scale.phrasesPerRoute)
        let directory = settings.workDirectory + "/routing-rules"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try synthetic.text.write(toFile: directory + "/synthetic.rules", atomically: true, encoding: .utf8)
        let (loaded, compileSeconds) = Stopwatch.measure { RuleLoader.load(directory: directory) }
        guard let ruleSet = loaded.ruleSet else {
            throw BenchError("the synthetic rules do not compile:\n\(loaded.rendered())")
        }
        let texts = makeTexts(synthetic)
        let inputs = texts.map { RoutingInput(text: $0) }
        var engineRoutes: [String] = []
        engineRoutes.reserveCapacity(inputs.count)
        let (_, engineSeconds) = Stopwatch.measure {
            for input in inputs { engineRoutes.append(ruleSet.route(input).route) }
        }
        let naive = NaiveRouter(synthetic)
        let normalizer = TextNormalizer()
        let normalised = texts.map { NaiveRouter.normalise($0, with: normalizer) }
        var naiveRoutes: [String] = []
        naiveRoutes.reserveCapacity(inputs.count)
        let (_, naiveSeconds) = Stopwatch.measure {
            for text in normalised { naiveRoutes.append(naive.route(text)) }
        }
        if let index = engineRoutes.indices.first(where: { engineRoutes[$0] != naiveRoutes[$0] }) {
            throw BenchError(
                "the rule set and the naive router disagree on text \(index): \(engineRoutes[index]) vs \(naiveRoutes[index])"
            )
        }
        let phraseCount = scale.routes * scale.phrasesPerRoute
        return [
            BenchmarkResult(
                benchmark: "routing",
                measured: "classify \(texts.count) texts, \(scale.routes) routes / \(phraseCount) phrases "
                    + "(RuleSet.route, normalisation included)",
                value: Double(texts.count) / engineSeconds,
                unit: "classifications/s",
                baselineName: "naive: each route's phrases in turn, memchr + memcmp on pre-normalised text",
                baseline: Double(texts.count) / naiveSeconds,
                goal: .ratioAtLeast(20)
            ),
            BenchmarkResult(
                benchmark: "routing",
                measured: "load and compile the \(scale.routes)-route rule set (RuleLoader)",
                value: compileSeconds * 1_000,
                unit: "ms"
            ),
        ]
    }

    /// Corpus texts; every other one carries a phrase of a route picked at random, at a random sentence break, so
    /// that matches fall early, late and not at all (`otherwise`, the naive router's worst case).
    private func makeTexts(_ synthetic: SyntheticRuleSet) -> [String] {
        var generator = SplitMix64(seed: 0x0A07_1E55)
        return (0..<settings.scale.routingTexts).map { index in
            let text = corpus.item(index).text
            guard index % 2 == 0, let route = synthetic.routes.randomElement(using: &generator) else { return text }
            let phrase = route.phrases.randomElement(using: &generator)!
            let breaks = text.indices.filter { text[$0] == "." }
            let cut = breaks.randomElement(using: &generator).map { text.index(after: $0) } ?? text.endIndex
            return text[..<cut] + " Keluhan soal \(phrase) belum selesai." + text[cut...]
        }
    }
}
