/// Where a run finds the binaries and files it uses, and how big it is.
public struct BenchSettings: Sendable {
    /// The `aduand` binary the intake, deadlines and control benchmarks start.
    public var daemonPath: String
    /// The bundled rules (the daemon serves them; intake texts use their phrases).
    public var rulesDirectory: String
    /// The bundled seeds (intake texts use the sample complaints).
    public var seedsDirectory: String
    /// A scratch folder for stores and spool files; short, because socket paths are limited to 107 bytes.
    public var workDirectory: String
    /// How big each benchmark is.
    public var scale: BenchScale

    /// Creates settings.
    public init(
        daemonPath: String,
        rulesDirectory: String,
        seedsDirectory: String,
        workDirectory: String,
        scale: BenchScale
    ) {
        self.daemonPath = daemonPath
        self.rulesDirectory = rulesDirectory
        self.seedsDirectory = seedsDirectory
        self.workDirectory = workDirectory
        self.scale = scale
    }
}
