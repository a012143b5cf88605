import Synchronization

/// The store of open cases the deadlines and control benchmarks share, built on first use, once per run.
public final class CaseStore: Sendable {
    private let cases: Int
    private let stateDirectory: String
    private let cached = Mutex<CaseStoreBuilder.Built?>(nil)

    /// A store of `cases` open cases, to be built in `stateDirectory`.
    public init(cases: Int, stateDirectory: String) {
        self.cases = cases
        self.stateDirectory = stateDirectory
    }

    /// The store, built now if no benchmark built it before.
    func built() throws -> CaseStoreBuilder.Built {
        try cached.withLock { cached in
            if let cached { return cached }
            let built = try CaseStoreBuilder.build(cases: cases, in: stateDirectory)
            cached = built
            return built
        }
    }
}
