import AduanBench
import Foundation

/// `aduan-bench`: parses its flags, prints the machine, runs the benchmarks and prints each result as it comes.
@main
struct AduanBenchMain {
    static func main() {
        let options: BenchOptions
        do {
            options = try BenchOptions.parse(Array(CommandLine.arguments.dropFirst()))
        } catch {
            fail("\(error)", exitCode: 64)
        }
        if options.showsHelp {
            print(BenchOptions.usage)
            exit(0)
        }
        let workDirectory = "/tmp/aduan-bench-\(getpid())"
        defer { try? FileManager.default.removeItem(atPath: workDirectory) }
        let binaries = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent()
        let settings = BenchSettings(
            daemonPath: options.daemonPath ?? binaries.appendingPathComponent("aduand").path,
            rulesDirectory: absolute(options.rulesDirectory),
            seedsDirectory: absolute(options.seedsDirectory),
            workDirectory: workDirectory,
            scale: .scaled(n: options.n)
        )
        let machine = MachineInfo.current()
        var results: [BenchmarkResult] = []
        do {
            try FileManager.default.createDirectory(atPath: workDirectory, withIntermediateDirectories: true)
            let suite = try BenchmarkSuite(settings: settings)
            if !options.isJSON { print(machine.summary) }
            for benchmark in options.benchmarks {
                let measured = try suite.run(benchmark)
                if !options.isJSON { print(BenchmarkSuite.table(measured)) }
                results += measured
            }
        } catch {
            try? FileManager.default.removeItem(atPath: workDirectory)
            fail("\(error)", exitCode: 1)
        }
        if options.isJSON {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let report = BenchReport(machine: machine, results: results)
            if let json = try? encoder.encode(report) { print(String(decoding: json, as: UTF8.self)) }
        }
    }

    private static func absolute(_ path: String) -> String {
        path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    }

    private static func fail(_ message: String, exitCode: Int32) -> Never {
        FileHandle.standardError.write(Data("error: \(message)\n".utf8))
        exit(exitCode)
    }
}
