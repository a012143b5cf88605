import Foundation

/// The command line of `aduan-bench`.
public struct BenchOptions: Sendable, Hashable {
    /// A benchmark that can be run on its own.
    public enum Benchmark: String, Sendable, Hashable, CaseIterable {
        /// Spool files to stored cases through a real daemon.
        case intake
        /// The compiled rule set against a naive evaluator.
        case routing
        /// Schedule rebuild, daemon memory, timer lateness.
        case deadlines
        /// Control socket latency.
        case control
    }

    /// The benchmarks to run, in order.
    public var benchmarks: [Benchmark] = Benchmark.allCases
    /// The size (see ``BenchScale/scaled(n:)``).
    public var n = 50_000
    /// Print JSON instead of a table.
    public var isJSON = false
    /// Print the usage and exit.
    public var showsHelp = false
    /// Overrides where `aduand`, `rules/` and `seeds/` are.
    public var daemonPath: String?
    /// The bundled rules; default `./rules`.
    public var rulesDirectory = "rules"
    /// The bundled seeds; default `./seeds`.
    public var seedsDirectory = "seeds"

    /// The usage text.
    public static let usage = """
        USAGE: aduan-bench [intake|routing|deadlines|control|all] [--n N] [--json]
                           [--aduand PATH] [--rules DIR] [--seeds DIR]

        Runs benchmarks of Aduan and, in the same run, a baseline for each; prints what was measured, the number,
        the baseline's number and their ratio, after a line about the machine.

          intake     N spool complaints (default 50,000) stored by a real aduand, vs raw SQLite inserts
          routing    1,000 routes / 10,000 phrases compiled, vs a naive phrase-by-phrase evaluator
          deadlines  schedule rebuild and memory on 1,000,000 open cases, and timer lateness of 10,000
                     deadlines due in one second, vs a bare scan into a binary heap
          control    status and cases --overdue latency on 1,000,000 cases, idle and during intake, vs the
                     same SQL on a read-only connection
          all        every benchmark (default); about 10 minutes on 2 cores

        OPTIONS:
          --n N          scale: N intake complaints, the other sizes in proportion (N / 50,000)
          --json         print the results as JSON
          --aduand PATH  the daemon to start (default: aduand next to aduan-bench; build it with -c release)
          --rules DIR    the bundled rules (default: ./rules)
          --seeds DIR    the bundled seeds (default: ./seeds)
          -h, --help     show this help
        """

    /// Parses the arguments after the program name.
    ///
    /// - Throws: ``BenchError`` for an unknown argument or a bad value (exit 64).
    public static func parse(_ arguments: [String]) throws -> BenchOptions {
        var options = BenchOptions()
        var remaining = arguments[...]
        func value(of flag: String) throws -> String {
            guard let value = remaining.popFirst() else { throw BenchError("\(flag) needs a value") }
            return value
        }
        var chosen: [Benchmark] = []
        while let argument = remaining.popFirst() {
            switch argument {
            case "-h", "--help": options.showsHelp = true
            case "--json": options.isJSON = true
            case "--n":
                let text = try value(of: argument)
                guard let n = Int(text.replacingOccurrences(of: "_", with: "")), n > 0 else {
                    throw BenchError("--n needs a positive whole number, not '\(text)'")
                }
                options.n = n
            case "--aduand": options.daemonPath = try value(of: argument)
            case "--rules": options.rulesDirectory = try value(of: argument)
            case "--seeds": options.seedsDirectory = try value(of: argument)
            case "all": chosen += Benchmark.allCases
            default:
                guard let benchmark = Benchmark(rawValue: argument) else {
                    throw BenchError("unknown argument '\(argument)' (see aduan-bench --help)")
                }
                chosen.append(benchmark)
            }
        }
        if !chosen.isEmpty { options.benchmarks = chosen }
        return options
    }
}
