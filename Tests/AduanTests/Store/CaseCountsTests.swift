import AduanCore
import Foundation
import Testing

@testable import AduanStore

@Suite("Kept case counts")
struct CaseCountsTests {
    /// The counts as `status` used to compute them, straight from the cases.
    private static func countedFromCases(
        _ database: Database
    ) throws -> (
        byState: [String: Int], byAgency: [String: Int], overdue: Int, complaints: Int
    ) {
        var byState: [String: Int] = [:]
        try database.query("SELECT state, count(*) FROM cases GROUP BY state") { row in byState[row[0]] = row[1] }
        var byAgency: [String: Int] = [:]
        try database.query("SELECT agency, count(*) FROM cases WHERE agency IS NOT NULL GROUP BY agency") { row in
            byAgency[row[0]] = row[1]
        }
        let overdue: Int = try database.scalar("SELECT count(*) FROM cases WHERE overdue_at IS NOT NULL") ?? -1
        let complaints: Int = try database.scalar("SELECT count(*) FROM complaints") ?? -1
        return (byState, byAgency, overdue, complaints)
    }

    @Test("the kept counts follow every insert, state change, reassignment and overdue mark")
    func countsFollowChanges() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let at = StoreTestFixtures.time("2026-03-17T03:00:00Z")
            var ids: [Int64] = []
            try store.write { transaction in
                for number in 0..<6 {
                    let agency = [nil, "dpupr", "dinkes"][number % 3]
                    ids.append(
                        try StoreTestFixtures.ingest(
                            StoreTestFixtures.complaint("c-\(number)"),
                            agency: agency,
                            in: transaction
                        )
                    )
                }
            }
            let reader = try StoreReader(path: path)
            defer { reader.close() }
            let raw = try Database(path: path, mode: .readOnly)
            defer { raw.close() }
            func expectAgree(_ comment: Comment) throws {
                let counted = try Self.countedFromCases(raw)
                let kept = try reader.caseCounts()
                #expect(kept.byState == counted.byState, comment)
                #expect(kept.byAgency == counted.byAgency, comment)
                #expect(try reader.overdueCount() == counted.overdue, comment)
                #expect(try reader.complaintCount() == counted.complaints, comment)
            }
            try expectAgree("after intake")
            #expect(try reader.caseCounts().byState == ["received": 6])
            #expect(try reader.caseCounts().byAgency == ["dpupr": 2, "dinkes": 2])
            try store.write { transaction in
                try transaction.updateCaseState(caseID: ids[1], to: .verified, at: at)
                try transaction.updateCaseState(caseID: ids[2], to: .dispatched, at: at)
                try transaction.updateCaseRouting(
                    caseID: ids[0],
                    agency: "dinkes",
                    priority: "P1",
                    respondBy: at,
                    at: at
                )
                try transaction.updateCaseRouting(caseID: ids[4], agency: nil, priority: nil, respondBy: nil, at: at)
                try transaction.markOverdue(caseID: ids[2], at: at)
                try transaction.markOverdue(caseID: ids[3], at: at)
                try transaction.markOverdue(caseID: ids[3], at: at.addingTimeInterval(60))
            }
            try expectAgree("after state changes, reassignments and overdue marks")
            #expect(try reader.overdueCount() == 2)
            #expect(try reader.caseCounts().byAgency == ["dinkes": 3, "dpupr": 1])
            try store.write { transaction in
                try transaction.clearOverdue(caseID: ids[2], at: at)
                try transaction.updateCaseState(caseID: ids[3], to: .resolved, at: at)
            }
            try expectAgree("after an overdue mark cleared and an overdue case moved on")
            #expect(try reader.overdueCount() == 1)
            // A change that fails rolls its counts back with it.
            #expect(throws: (any Error).self) {
                try store.write { transaction in
                    try transaction.updateCaseState(caseID: ids[5], to: .archived, at: at)
                    throw StoreError("abandoned")
                }
            }
            try expectAgree("after a rolled back change")
        }
    }

    @Test("upgrading a store that already holds cases counts them once")
    func migrationCountsExistingCases() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let countsMigration = Schema.migrator.migrations.firstIndex {
                $0.name == "case and complaint counts kept by triggers"
            }
            let countsIndex = try #require(countsMigration)
            var before = Migrator()
            for migration in Schema.migrator.migrations[..<countsIndex] {
                before.register(migration.name, migration.apply)
            }
            let database = try Database(path: path, mode: .readWrite)
            try before.migrate(database)
            try database.execute(
                """
                WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 50)
                INSERT INTO complaints (id, source, external_id, text, channel, received_at, ingested_at)
                SELECT i, 'spool', 'e-' || i, 'Jalan rusak', 'web', i, i FROM n
                """
            )
            try database.execute(
                """
                INSERT INTO cases (complaint_id, state, agency, created_at, updated_at, overdue_at)
                SELECT id, CASE WHEN id % 2 = 0 THEN 'received' ELSE 'verified' END,
                    CASE WHEN id % 5 = 0 THEN NULL ELSE 'dpupr' END, 0, 0,
                    CASE WHEN id % 7 = 0 THEN 1 END
                FROM complaints
                """
            )
            let counted = try Self.countedFromCases(database)
            database.close()
            try Store(path: path).close()
            let reader = try StoreReader(path: path)
            defer { reader.close() }
            #expect(try reader.caseCounts().byState == counted.byState)
            #expect(try reader.caseCounts().byState == ["received": 25, "verified": 25])
            #expect(try reader.caseCounts().byAgency == ["dpupr": 40])
            #expect(try reader.overdueCount() == 7)
            #expect(try reader.complaintCount() == 50)
        }
    }
}
