import AduanCore
import Foundation
import Testing

@testable import AduanStore

/// The migration that brings in the chain and the reporters table, run on a file written before it.
@Suite("audit migration")
struct AuditMigrationTests {
    @Test("a version 2 file keeps its complaints, moves reporters apart and chains its existing events")
    func migratesVersionTwo() throws {
        try StoreTestFixtures.withDatabasePath { path in
            var versionTwo = Migrator()
            for migration in Schema.migrator.migrations.prefix(2) {
                versionTwo.register(migration.name, migration.apply)
            }
            let old = try Database(path: path, mode: .readWrite)
            try versionTwo.migrate(old)
            try old.executeScript(
                """
                INSERT INTO complaints (id, source, external_id, text, channel, reporter_name, reporter_contact,
                    reporter_kind, received_at, ingested_at)
                VALUES (1, 'spool', 'a-1', 'Jalan rusak', 'web', 'Siti Aminah', 'siti@example.id', 'lansia', 0, 0),
                    (2, 'spool', 'a-2', 'Sampah', 'sms', NULL, NULL, NULL, 0, 0);
                INSERT INTO cases (id, complaint_id, state, created_at, updated_at) VALUES (1, 1, 'received', 0, 0),
                    (2, 2, 'received', 0, 0);
                INSERT INTO events (case_id, at, actor, kind, reason) VALUES (1, 0, 'aduand', 'received', 'a-1'),
                    (2, 0, 'aduand', 'received', 'a-2'), (1, 60, 'uid:0(root)', 'held', NULL);
                """
            )
            old.close()

            let store = try Store(path: path)
            try store.write { transaction in
                try AuditChainTests.event("note", caseID: 2, in: transaction)
            }
            store.close()
            let reader = try StoreReader(path: path)
            let outcome = try reader.verifyAuditChain()
            #expect(outcome.isIntact && outcome.events == 4)
            let first = try #require(try reader.caseDetail(id: 1))
            #expect(
                first.complaint.reporter == Reporter(name: "Siti Aminah", contact: "siti@example.id", kind: "lansia")
            )
            #expect(try reader.caseDetail(id: 2)?.complaint.reporter == nil)
            #expect(first.events.map(\.kind) == ["received", "held"])

            let migrated = try Database(path: path, mode: .readOnly)
            defer { migrated.close() }
            var columns: [String] = []
            try migrated.query("SELECT name FROM pragma_table_info('complaints')") { columns.append($0[0]) }
            #expect(!columns.contains("reporter_name") && !columns.contains("reporter_contact"))
            #expect(columns.contains("reporter_kind"))
            #expect(try migrated.scalar("SELECT count(*) FROM reporters") == 1)
            #expect(try migrated.scalar("SELECT length(value) FROM store_secrets WHERE name = 'reporter_salt'") == 32)
            // The trigger that chaining the old rows had to lift is back.
            let triggers = "SELECT count(*) FROM sqlite_schema WHERE type = 'trigger' AND name LIKE 'events_no_%'"
            #expect(try migrated.scalar(triggers) == 2)
        }
    }
}
