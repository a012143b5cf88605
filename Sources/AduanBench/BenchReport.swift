/// What `aduan-bench --json` prints: the machine and every result.
public struct BenchReport: Sendable, Encodable {
    /// The machine measured.
    public var machine: MachineInfo
    /// Every result, in the order measured.
    public var results: [BenchmarkResult]

    /// Creates a report.
    public init(machine: MachineInfo, results: [BenchmarkResult]) {
        self.machine = machine
        self.results = results
    }
}
