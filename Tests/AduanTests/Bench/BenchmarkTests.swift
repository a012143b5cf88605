import AduanCore
import Foundation
import Testing

@testable import AduanBench

/// Every benchmark's code path on tiny input, against the real `aduand`, so that `aduan-bench` cannot rot.
@Suite("benchmarks on tiny input", .serialized)
struct BenchmarkTests {
    static let tinyScale = BenchScale(
        intakeComplaints: 60,
        routes: 30,
        phrasesPerRoute: 3,
        routingTexts: 60,
        storeCases: 300,
        dueTogether: 50,
        dueDelay: 0.3,
        requests: 5,
        concurrentIntake: 200
    )

    private func withSettings(_ body: (BenchSettings, ComplaintCorpus) throws -> Void) throws {
        let directory = try TemporaryDirectory("bench")
        defer { directory.remove() }
        let settings = BenchSettings(
            daemonPath: TestPaths.aduand,
            rulesDirectory: TestPaths.rulesDirectory,
            seedsDirectory: TestPaths.seedsDirectory,
            workDirectory: directory.path,
            scale: Self.tinyScale
        )
        try body(
            settings,
            try ComplaintCorpus(seedsDirectory: settings.seedsDirectory, rulesDirectory: settings.rulesDirectory)
        )
    }

    private func expectMeasured(_ results: [BenchmarkResult], benchmark: String, count: Int) {
        #expect(results.count == count)
        for result in results {
            #expect(result.benchmark == benchmark)
            #expect(result.value.isFinite && result.value > 0, "\(result.measured): \(result.value)")
            if result.baselineName != nil {
                #expect(result.ratio.map { $0.isFinite && $0 > 0 } == true, "\(result.measured)")
            }
        }
    }

    @Test("the corpus makes the same Indonesian complaints of 300 to 800 characters on every run, in varied places")
    func corpusIsDeterministic() throws {
        try withSettings { _, corpus in
            let items = (0..<200).map(corpus.item)
            #expect(items == (0..<200).map(corpus.item))
            #expect(items.allSatisfy { (300...800).contains($0.text.count) })
            #expect(Set(items.map(\.region)).count == 8)
            #expect(Set(items.map(\.channel)).count >= 5)
            #expect(Set(items.map(\.id)).count == 200)
            #expect(items.contains { $0.text.contains("tidak") || $0.text.contains("tdk") })
        }
    }

    @Test("intake through a real aduand stores every complaint and is compared with raw SQLite inserts")
    func intake() throws {
        try withSettings { settings, corpus in
            let results = try IntakeBenchmark(settings: settings, corpus: corpus).run()
            expectMeasured(results, benchmark: "intake", count: 4)
            #expect(results[0].goal == .ratioAtLeast(0.5))
        }
    }

    @Test("the compiled rule set routes every text as the naive evaluator does, and both rates are reported")
    func routing() throws {
        try withSettings { settings, corpus in
            let results = try RoutingBenchmark(settings: settings, corpus: corpus).run()
            expectMeasured(results, benchmark: "routing", count: 2)
            #expect(results[0].measured.contains("30 routes / 90 phrases"))
        }
    }

    @Test("the naive evaluator finds whole phrases only, first route first")
    func naiveRouter() {
        let rules = SyntheticRuleSet(routes: 3, phrasesPerRoute: 2)
        let router = NaiveRouter(rules)
        let normalizer = TextNormalizer()
        let second = rules.routes[1].phrases[1]
        #expect(router.route(NaiveRouter.normalise("Ada \(second) di sini", with: normalizer)) == "rute 1")
        let third = rules.routes[2].phrases[0]
        #expect(
            router.route(NaiveRouter.normalise("\(third), lalu \(rules.routes[0].phrases[0])", with: normalizer))
                == "rute 0"
        )
        #expect(router.route(NaiveRouter.normalise("x" + second, with: normalizer)) == "otherwise")
    }

    @Test("deadlines: the rebuild time comes from aduand's log, its memory from /proc, and every burst deadline fires")
    func deadlines() throws {
        try withSettings { settings, _ in
            let store = CaseStore(
                cases: settings.scale.storeCases,
                stateDirectory: settings.workDirectory + "/cases",
                rulesDirectory: settings.rulesDirectory
            )
            let results = try DeadlineBenchmark(settings: settings, store: store).run()
            expectMeasured(results, benchmark: "deadlines", count: 5)
            #expect(results[0].measured.contains("300 open cases"))
            #expect(results[3].measured.contains("p99"))
        }
    }

    @Test("control: status and cases --overdue latencies over the socket, with the same SQL as the baseline")
    func control() throws {
        try withSettings { settings, corpus in
            let store = CaseStore(
                cases: settings.scale.storeCases,
                stateDirectory: settings.workDirectory + "/cases",
                rulesDirectory: settings.rulesDirectory
            )
            let results = try ControlBenchmark(settings: settings, store: store, corpus: corpus).run()
            #expect(results.count >= 4)
            let idle = results.filter { $0.measured.contains("idle") }
            expectMeasured(idle, benchmark: "control", count: 4)
            #expect(idle.contains { $0.measured.hasPrefix("cases --overdue --limit 50 p99") && $0.goal == .below(5) })
        }
    }

    @Test("the command line picks benchmarks, scales with --n, and refuses what it does not know")
    func options() throws {
        let defaults = try BenchOptions.parse([])
        #expect(defaults.benchmarks == BenchOptions.Benchmark.allCases)
        #expect(defaults.n == 50_000)
        let chosen = try BenchOptions.parse(["routing", "control", "--n", "5_000", "--json"])
        #expect(chosen.benchmarks == [.routing, .control])
        #expect(chosen.n == 5_000)
        #expect(chosen.isJSON)
        #expect(BenchScale.scaled(n: 5_000).storeCases == 100_000)
        #expect(BenchScale.scaled(n: 50_000).routes * BenchScale.scaled(n: 50_000).phrasesPerRoute == 10_000)
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--n", "0"]) }
        #expect(throws: BenchError.self) { try BenchOptions.parse(["speed"]) }
        #expect(throws: BenchError.self) { try BenchOptions.parse(["--n"]) }
    }

    @Test("a result prints its number, the baseline's, the ratio and whether it met its goal")
    func table() {
        let result = BenchmarkResult(
            benchmark: "intake",
            measured: "complaints stored",
            value: 1_000,
            unit: "complaints/s",
            baselineName: "raw SQLite",
            baseline: 4_000,
            goal: .ratioAtLeast(0.5)
        )
        let table = BenchmarkSuite.table([result])
        #expect(table.contains("1000 complaints/s"))
        #expect(table.contains("baseline 4000 complaints/s (raw SQLite)"))
        #expect(table.contains("ratio 0.25"))
        #expect(table.contains("goal ratio ≥ 0.5: MISSED"))
    }
}
