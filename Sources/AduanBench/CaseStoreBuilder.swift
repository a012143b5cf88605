import AduanCore
import AduanRules
import AduanStore
import Foundation

/// A daemon state holding many open cases with their clocks and escalation steps, written with raw SQL into the
/// schema that `Store(path:)` migrates an empty file to (far faster than intake, which a store of a million cases
/// would take minutes through).
///
/// Every case is open, dispatched or in progress, as the bundled rules leave one: respond and resolve clocks
/// running and the five steps of the `standar` ladder to come (7 pending deadlines; planned steps have no rows); 5 %
/// are overdue (respond clock breached, the two steps up to the respond deadline fired and stored, `overdue_at`
/// set). Each case's `next_due_at` is the
/// earliest of its pending ones, as the daemon keeps it. Every pending due lies ahead, so
/// nothing falls due while a benchmark runs.
struct CaseStoreBuilder {
    /// What the built store holds.
    struct Built {
        /// The state directory (`aduan.db` inside, `inbox/` for the spool).
        var stateDirectory: String
        /// Cases (and complaints).
        var cases: Int
        /// Clocks and steps the daemon's scheduler loads.
        var pendingDeadlines: Int
        /// Cases with `overdue_at` set.
        var overdueCases: Int
        /// Seconds the build took.
        var seconds: Double

        /// The database file.
        var databasePath: String { stateDirectory + "/aduan.db" }
    }

    private static let agencies = ["dpupr", "dinkes", "dindikbud", "bpbd", "dlhk", "dishub", "dinsos", "kota-serang"]
    private static let states: [CaseState] = [.dispatched, .inProgress]

    /// Builds the store in `stateDirectory`, which must not hold one yet, for a daemon on the rules in
    /// `rulesDirectory` (recorded as the rules its deadlines follow, so that the daemon does not recompute them all
    /// at start).
    static func build(cases count: Int, in stateDirectory: String, rulesDirectory: String) throws -> Built {
        let loaded = RuleLoader.load(directory: rulesDirectory)
        guard let rulesHash = loaded.ruleSet?.hash else {
            throw BenchError("the rules in \(rulesDirectory) do not load:\n\(loaded.rendered())")
        }
        let stopwatch = Stopwatch()
        let databasePath = stateDirectory + "/aduan.db"
        try FileManager.default.createDirectory(atPath: stateDirectory + "/inbox", withIntermediateDirectories: true)
        let store = try Store(path: databasePath)
        store.close()
        let database = try RawSQLite(path: databasePath)
        try database.execute("PRAGMA synchronous = OFF; PRAGMA cache_size = -262144; BEGIN IMMEDIATE")
        let complaint = try database.prepare(
            """
            INSERT INTO complaints (id, source, external_id, title, text, channel, region_code, region_text,
                received_at, ingested_at)
            VALUES (?1, 'bench', ?2, ?3, ?4, ?5, ?6, NULL, ?7, ?7)
            """
        )
        let openCase = try database.prepare(
            """
            INSERT INTO cases (id, complaint_id, state, agency, route, priority, rules_hash, respond_by, created_at,
                updated_at, overdue_at, next_due_at)
            VALUES (?1, ?1, ?2, ?3, 'Rute bench', 'P3', 'bench', ?4, ?5, ?5, ?6, ?7)
            """
        )
        let clock = try database.prepare(
            """
            INSERT INTO clocks (case_id, kind, budget_amount, budget_unit, started_at, anchor_at, due_at, breached_at)
            VALUES (?1, ?2, ?3, 'working_days', ?4, ?4, ?5, ?6)
            """
        )
        let step = try database.prepare(
            """
            INSERT INTO escalation_steps (case_id, escalation, step, action, due_at, fired_at)
            VALUES (?1, 'standar', ?2, ?3, ?4, ?5)
            """
        )
        var generator = SplitMix64(seed: 0xCA5E_5000)
        let now = Int64(Date().timeIntervalSince1970)
        let day: Int64 = 86_400
        let channels: [Channel] = [.web, .sms, .email, .app, .phone]
        var overdue = 0
        var pending = 0
        for index in 1...max(1, count) {
            let id = Int64(index)
            // Receipts over the last 30 days, in id order, as intake would have stored them.
            let receivedAt = now - 30 * day + Int64(index) * 30 * day / Int64(max(1, count))
            let region = Region.banten.randomElement(using: &generator)!
            let isOverdue = Int.random(in: 0..<20, using: &generator) == 0
            let respondDue = now + Int64.random(in: (2 * day)...(20 * day), using: &generator)
            let resolveDue = respondDue + Int64.random(in: day...(40 * day), using: &generator)
            complaint.bind(id, at: 1)
            complaint.bind("bench-\(String(index + 10_000_000).dropFirst())", at: 2)
            complaint.bind("Keluhan \(index)", at: 3)
            complaint.bind(
                "Jalan rusak di depan kantor desa \(index), mohon segera diperbaiki karena membahayakan.",
                at: 4
            )
            complaint.bind(channels.randomElement(using: &generator)!.rawValue, at: 5)
            complaint.bind(region.code, at: 6)
            complaint.bind(receivedAt, at: 7)
            try complaint.run()
            openCase.bind(id, at: 1)
            openCase.bind(states.randomElement(using: &generator)!.rawValue, at: 2)
            openCase.bind(agencies.randomElement(using: &generator)!, at: 3)
            openCase.bind(respondDue, at: 4)
            openCase.bind(receivedAt, at: 5)
            openCase.bind(isOverdue ? receivedAt + 5 * day : nil, at: 6)
            // Overdue: the respond clock breached and the first two steps fired, so the third step comes first.
            openCase.bind(isOverdue ? min(resolveDue, respondDue + 2 * day) : respondDue - day, at: 7)
            try openCase.run()
            for (kind, amount, due) in [("respond", 5, respondDue), ("resolve", 14, resolveDue)] {
                clock.bind(id, at: 1)
                clock.bind(kind, at: 2)
                clock.bind(Int64(amount), at: 3)
                clock.bind(receivedAt, at: 4)
                clock.bind(due, at: 5)
                let isBreached = isOverdue && kind == "respond"
                clock.bind(isBreached ? receivedAt + 5 * day : nil, at: 6)
                try clock.run()
                if !isBreached { pending += 1 }
            }
            let ladder: [(action: String, due: Int64)] = [
                ("notify(\"agency-head\")", respondDue - day), ("mark_overdue()", respondDue),
                ("notify(\"inspektorat\")", respondDue + 2 * day), ("notify(\"agency-head\")", resolveDue),
                ("raise(\"P1\")", resolveDue + 5 * day),
            ]
            // As the daemon stores them: planned steps are derived from the rules, fired ones are rows.
            for (position, ladderStep) in ladder.enumerated() {
                guard isOverdue && position < 2 else {
                    pending += 1
                    continue
                }
                step.bind(id, at: 1)
                step.bind(Int64(position), at: 2)
                step.bind(ladderStep.action, at: 3)
                step.bind(ladderStep.due, at: 4)
                step.bind(receivedAt + 5 * day, at: 5)
                try step.run()
            }
            if isOverdue { overdue += 1 }
        }
        try database.execute(
            """
            INSERT INTO store_state (name, value) VALUES ('deadlines_rules_hash', '\(rulesHash)');
            COMMIT; PRAGMA wal_checkpoint(TRUNCATE)
            """
        )
        return Built(
            stateDirectory: stateDirectory,
            cases: max(1, count),
            pendingDeadlines: pending,
            overdueCases: overdue,
            seconds: stopwatch.seconds
        )
    }
}
