import AduanCore
import Foundation
import Testing

@testable import AduanStore

/// The migration that gives each case its next due, so that the scheduler holds one entry per case.
@Suite("next due migration")
struct NextDueMigrationTests {
    @Test("an existing store's cases get their earliest running clock or unfired step as next due; closed ones none")
    func computesNextDue() throws {
        try StoreTestFixtures.withDatabasePath { path in
            var before = Migrator()
            for migration in Schema.migrator.migrations.prefix(5) {
                before.register(migration.name, migration.apply)
            }
            let database = try Database(path: path, mode: .readWrite)
            try before.migrate(database)
            try database.executeScript(
                """
                INSERT INTO complaints (id, source, external_id, text, channel, received_at, ingested_at)
                VALUES (1, 'spool', 'a-1', 'Jalan rusak', 'web', 0, 0), (2, 'spool', 'a-2', 'Jalan rusak', 'web', 0, 0);
                INSERT INTO cases (id, complaint_id, state, created_at, updated_at)
                VALUES (1, 1, 'dispatched', 0, 0), (2, 2, 'resolved', 0, 0);
                INSERT INTO clocks (case_id, kind, budget_amount, budget_unit, started_at, anchor_at, due_at,
                    breached_at, stopped_at)
                VALUES (1, 'respond', 2, 'working_days', 0, 0, 500, 400, NULL),
                    (1, 'resolve', 5, 'working_days', 0, 0, 900, NULL, NULL),
                    (2, 'respond', 2, 'working_days', 0, 0, 500, NULL, 300);
                INSERT INTO escalation_steps (case_id, escalation, step, action, due_at, fired_at)
                VALUES (1, 'standar', 0, 'notify("agency-head")', 300, 350),
                    (1, 'standar', 1, 'reassign("biro")', 700, NULL),
                    (2, 'standar', 0, 'notify("agency-head")', 300, NULL);
                UPDATE escalation_steps SET due_at = NULL WHERE case_id = 2;
                """
            )
            database.close()
            try Store(path: path).close()
            let migrated = try Database(path: path, mode: .readOnly)
            defer { migrated.close() }
            #expect(try migrated.scalar("SELECT next_due_at FROM cases WHERE id = 1", as: Int64.self) == 700)
            #expect(try migrated.scalar("SELECT next_due_at FROM cases WHERE id = 2", as: Int64.self) == nil)
            // Steps are planned from the rules since: only the fired one stays.
            var kept: [String] = []
            try migrated.query("SELECT case_id || '/' || step FROM escalation_steps ORDER BY 1") { kept.append($0[0]) }
            #expect(kept == ["1/0"])
        }
    }

    @Test("the schedule rebuild reads the cases table in one plain scan, with no index lookup per row")
    func rebuildPlan() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Store(path: path).close()
            let database = try Database(path: path, mode: .readOnly)
            defer { database.close() }
            var details: [String] = []
            try database.query("EXPLAIN QUERY PLAN SELECT id, next_due_at FROM cases WHERE next_due_at IS NOT NULL") {
                details.append($0[3])
            }
            #expect(details == ["SCAN cases"])
        }
    }
}
