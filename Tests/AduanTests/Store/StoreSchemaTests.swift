import AduanCore
import Foundation
import Testing

@testable import AduanStore

@Suite("Store schema and connection")
struct StoreSchemaTests {
    @Test("a new database file gets the latest schema version and every table")
    func migratesNewFile() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let database = try Database(path: path, mode: .readOnly)
            #expect(try database.schemaVersion() == Schema.migrator.knownVersion)
            var tables: [String] = []
            try database.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { row in
                tables.append(row[0])
            }
            #expect(
                tables == [
                    "applied_updates", "case_counts", "cases", "clocks", "complaints", "deliveries",
                    "escalation_steps", "events", "reporters", "row_counts", "rule_snapshots", "source_cursors",
                    "store_secrets", "store_state",
                ]
            )
        }
    }

    @Test("a version 1 database is migrated to the latest version and keeps its cases")
    func migratesVersionOne() throws {
        try StoreTestFixtures.withDatabasePath { path in
            var versionOne = Migrator()
            versionOne.register(Schema.migrator.migrations[0].name, Schema.migrator.migrations[0].apply)
            let database = try Database(path: path, mode: .readWrite)
            try versionOne.migrate(database)
            #expect(try database.schemaVersion() == 1)
            try database.execute(
                """
                INSERT INTO complaints (id, source, external_id, text, channel, received_at, ingested_at)
                VALUES (1, 'spool', 'a-1', 'Jalan rusak', 'web', 0, 0)
                """
            )
            try database.execute(
                "INSERT INTO cases (complaint_id, state, created_at, updated_at) VALUES (1, 'received', 0, 0)"
            )
            database.close()
            try Store(path: path).close()
            let migrated = try Database(path: path, mode: .readOnly)
            #expect(try migrated.schemaVersion() == Schema.migrator.knownVersion)
            #expect(try migrated.scalar("SELECT count(*) FROM cases WHERE overdue_at IS NULL") == 1)
        }
    }

    @Test("reopening a migrated database keeps its data")
    func reopenKeepsData() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            try store.write { try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-1"), in: $0) }
            store.close()
            let reopened = try Store(path: path)
            defer { reopened.close() }
            #expect(try StoreReader(path: path).complaintCount() == 1)
        }
    }

    @Test("a database from a newer aduand is refused with a message that says what to do")
    func refusesNewerSchema() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Store(path: path).close()
            let database = try Database(path: path, mode: .readWrite)
            let newer = Schema.migrator.knownVersion + 1
            try database.execute("PRAGMA user_version = \(newer)")
            database.close()
            let expected =
                "database schema version \(newer) is newer than this aduand (knows \(Schema.migrator.knownVersion)): "
                + "upgrade aduand or restore a backup"
            let storeError = try #require(throws: StoreError.self) { try Store(path: path) }
            #expect(storeError.description == expected)
            let readerError = try #require(throws: StoreError.self) { try StoreReader(path: path) }
            #expect(readerError.description == expected)
        }
    }

    @Test("the database runs in WAL mode with foreign keys enforced")
    func walAndForeignKeys() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let database = try Database(path: path, mode: .readOnly)
            #expect(try database.scalar("PRAGMA journal_mode") == "wal")
            #expect(FileManager.default.fileExists(atPath: path + "-wal"))
            let error = try #require(throws: StoreError.self) {
                try store.write { transaction in
                    try transaction.insertCase(
                        complaintID: 42,
                        state: .received,
                        agency: nil,
                        route: nil,
                        priority: nil,
                        rulesHash: nil,
                        respondBy: nil,
                        at: Date()
                    )
                }
            }
            #expect(error.codeName == "SQLITE_CONSTRAINT_FOREIGNKEY")
        }
    }

    @Test("a reader cannot open a file that no store has created")
    func readerNeedsExistingFile() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let error = try #require(throws: StoreError.self) { try StoreReader(path: path) }
            #expect(error.description.hasPrefix("cannot open \(path): unable to open database file"))
            #expect(!FileManager.default.fileExists(atPath: path))
        }
    }

    @Test("every bindable type reads back as written, and an empty blob is not NULL")
    func valuesRoundTrip() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let database = try Database(path: path, mode: .readWrite)
            defer { database.close() }
            try database.execute(
                "CREATE TABLE samples (i INTEGER, r REAL, t TEXT, b BLOB, d BLOB, flag INTEGER, n TEXT)"
            )
            let text = "Jl. Ahmad Yani \u{0}No. 7 — café"
            let bytes: [UInt8] = [0, 1, 255]
            let none: String? = nil
            try database.execute(
                "INSERT INTO samples VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                [Int64.max, -6.36, text, bytes, Data(), true, none]
            )
            try database.query("SELECT i, r, t, b, d, flag, n, typeof(d) FROM samples") { row in
                #expect(row[0] == Int64.max)
                #expect(row[1] == -6.36)
                #expect(row[2] == text)
                #expect(row[3] == bytes)
                #expect(row[4] == Data())
                #expect(row[4] as Data? == Data())
                #expect(row[5] == true)
                #expect(row[6] as String? == nil)
                #expect(row[7] == "blob")
            }
        }
    }

    @Test("a query can run the same SQL again inside its own row loop")
    func reentrantQuery() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let database = try Database(path: path, mode: .readWrite)
            defer { database.close() }
            let sql = "SELECT value FROM json_each('[1,2,3]') WHERE value >= ?1"
            var pairs: [[Int]] = []
            try database.query(sql, [1]) { outer in
                let value: Int = outer[0]
                try database.query(sql, [value]) { inner in
                    pairs.append([value, inner[0]])
                }
            }
            #expect(pairs == [[1, 1], [1, 2], [1, 3], [2, 2], [2, 3], [3, 3]])
        }
    }
}
