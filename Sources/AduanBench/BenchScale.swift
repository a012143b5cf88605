/// How big each benchmark is; `--n` scales the defaults down (or up) together.
public struct BenchScale: Sendable, Hashable {
    /// Complaints the intake benchmark stores.
    public var intakeComplaints: Int
    /// Routes of the synthetic rule set.
    public var routes: Int
    /// Phrases per route (10 × 1,000 = 10,000 phrases).
    public var phrasesPerRoute: Int
    /// Texts each router classifies.
    public var routingTexts: Int
    /// Open cases in the deadlines and control store.
    public var storeCases: Int
    /// Deadlines that fall due in the same second.
    public var dueTogether: Int
    /// Seconds from scheduling until they fall due.
    public var dueDelay: Double
    /// Requests of each kind in the control benchmark.
    public var requests: Int
    /// Complaints fed to the daemon while the control benchmark measures under intake.
    public var concurrentIntake: Int

    /// Creates a scale from explicit sizes (tests use tiny ones).
    public init(
        intakeComplaints: Int,
        routes: Int,
        phrasesPerRoute: Int,
        routingTexts: Int,
        storeCases: Int,
        dueTogether: Int,
        dueDelay: Double,
        requests: Int,
        concurrentIntake: Int
    ) {
        self.intakeComplaints = intakeComplaints
        self.routes = routes
        self.phrasesPerRoute = phrasesPerRoute
        self.routingTexts = routingTexts
        self.storeCases = storeCases
        self.dueTogether = dueTogether
        self.dueDelay = dueDelay
        self.requests = requests
        self.concurrentIntake = concurrentIntake
    }

    /// The full run at `n` = 50,000: 50,000 complaints, 1,000 routes and 10,000 phrases, 5,000 texts,
    /// 1,000,000 cases, 10,000 deadlines due together, 200 requests; smaller `n` shrink the counts in proportion
    /// (the rule set's size stays).
    public static func scaled(n: Int) -> BenchScale {
        let fraction = Double(n) / 50_000
        func part(_ full: Int, minimum: Int) -> Int { max(minimum, Int(Double(full) * fraction)) }
        return BenchScale(
            intakeComplaints: max(1, n),
            routes: 1_000,
            phrasesPerRoute: 10,
            routingTexts: part(5_000, minimum: 100),
            storeCases: part(1_000_000, minimum: 1_000),
            dueTogether: part(10_000, minimum: 100),
            dueDelay: 2,
            requests: 200,
            concurrentIntake: part(20_000, minimum: 500)
        )
    }
}
