import Synchronization

/// The store of open cases the deadlines and control benchmarks share, built on first use, once per run.
public final class CaseStore: Sendable {
    private let cases: Int
    private let stateDirectory: String
    private let rulesDirectory: String
    private let cached = Mutex<CaseStoreBuilder.Built?>(nil)

    /// A store of `cases` open cases, to be built in `stateDirectory` for a daemon on the rules in `rulesDirectory`.
    public init(cases: Int, stateDirectory: String, rulesDirectory: String) {
        self.cases = cases
        self.stateDirectory = stateDirectory
        self.rulesDirectory = rulesDirectory
    }

    /// The store, built now if no benchmark built it before.
    func built() throws -> CaseStoreBuilder.Built {
        try cached.withLock { cached in
            if let cached { return cached }
            let built = try CaseStoreBuilder.build(cases: cases, in: stateDirectory, rulesDirectory: rulesDirectory)
            cached = built
            return built
        }
    }
}
