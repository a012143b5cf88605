import Foundation

/// Runs the chosen benchmarks and renders their results.
public struct BenchmarkSuite: Sendable {
    private let settings: BenchSettings
    private let corpus: ComplaintCorpus
    private let store: CaseStore

    /// Prepares a run; nothing is measured yet.
    ///
    /// - Throws: ``BenchError`` when the seeds or the rules cannot be read.
    public init(settings: BenchSettings) throws {
        self.settings = settings
        corpus = try ComplaintCorpus(seedsDirectory: settings.seedsDirectory, rulesDirectory: settings.rulesDirectory)
        store = CaseStore(
            cases: settings.scale.storeCases,
            stateDirectory: settings.workDirectory + "/cases",
            rulesDirectory: settings.rulesDirectory
        )
    }

    /// Runs one benchmark.
    public func run(_ benchmark: BenchOptions.Benchmark) throws -> [BenchmarkResult] {
        switch benchmark {
        case .intake: try IntakeBenchmark(settings: settings, corpus: corpus).run()
        case .routing: try RoutingBenchmark(settings: settings, corpus: corpus).run()
        case .deadlines: try DeadlineBenchmark(settings: settings, store: store).run()
        case .control: try ControlBenchmark(settings: settings, store: store, corpus: corpus).run()
        }
    }

    /// The results as a table: what was measured, the number, the baseline's, the ratio, the goal.
    public static func table(_ results: [BenchmarkResult]) -> String {
        func number(_ value: Double?) -> String {
            guard let value else { return "-" }
            return value >= 100 ? String(format: "%.0f", value) : String(format: "%.3g", value)
        }
        var lines: [String] = []
        for result in results {
            var line = "\(result.benchmark): \(result.measured)\n"
            line += "    \(number(result.value)) \(result.unit)"
            if let name = result.baselineName {
                line += "   baseline \(number(result.baseline)) \(result.unit) (\(name))"
                line += "   ratio \(result.ratio.map { String(format: "%.2f", $0) } ?? "-")"
            }
            if result.goal != .none {
                line += "   goal \(result.goal): \(result.meetsGoal ? "met" : "MISSED")"
            }
            lines.append(line)
        }
        return lines.joined(separator: "\n")
    }
}
