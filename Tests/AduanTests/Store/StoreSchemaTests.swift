import AduanCore
import Foundation
import Testing

@testable import AduanStore

@Suite("Store schema and connection")
struct StoreSchemaTests {
    @Test("a new database file gets schema version 1 and every table")
    func migratesNewFile() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let database = try Database(path: path, mode: .readOnly)
            #expect(try database.schemaVersion() == 1)
            var tables: [String] = []
            try database.query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name") { row in
                tables.append(row[0])
            }
            #expect(tables == ["cases", "complaints", "events", "rule_snapshots", "source_cursors"])
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
            try database.execute("PRAGMA user_version = 7")
            database.close()
            let expected =
                "database schema version 7 is newer than this aduand (knows 1): upgrade aduand or restore a backup"
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
}
