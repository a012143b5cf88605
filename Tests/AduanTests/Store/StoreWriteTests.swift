import AduanCore
import Foundation
import Testing

@testable import AduanStore

@Suite("Store writes")
struct StoreWriteTests {
    private struct IntakeFailed: Error {}

    @Test("an error inside a write transaction leaves nothing behind and the store stays usable")
    func rollbackOnError() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            #expect(throws: IntakeFailed.self) {
                try store.write { transaction in
                    let caseID = try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-1"), in: transaction)
                    _ = try transaction.appendEvent(
                        caseID: caseID,
                        at: Date(),
                        actor: "aduand",
                        kind: "received",
                        from: nil,
                        to: .received,
                        reason: nil,
                        data: nil
                    )
                    throw IntakeFailed()
                }
            }
            let reader = try StoreReader(path: path)
            #expect(try reader.complaintCount() == 0)
            #expect(try reader.cases(CaseFilter()).isEmpty)
            try store.write { try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-1"), in: $0) }
            #expect(try reader.complaintCount() == 1)
        }
    }

    @Test("ingesting the same (source, external id) twice stores it once")
    func duplicateComplaintIsNoOp() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let complaint = StoreTestFixtures.complaint("a-1")
            let (first, second) = try store.write { transaction in
                (
                    try transaction.insertComplaint(complaint, ingestedAt: Date()),
                    try transaction.insertComplaint(complaint, ingestedAt: Date())
                )
            }
            let again = try store.write { try $0.insertComplaint(complaint, ingestedAt: Date()) }
            var other = complaint
            other.source = "open311"
            let otherSource = try store.write { try $0.insertComplaint(other, ingestedAt: Date()) }
            #expect(first != nil)
            #expect(second == nil)
            #expect(again == nil)
            #expect(otherSource != nil && otherSource != first)
            #expect(try StoreReader(path: path).complaintCount() == 2)
        }
    }

    @Test("a constraint error names the code and the SQL but never the bound values")
    func errorsHideBoundValues() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let secret = "NIK-3673012345678901"
            let error = try #require(throws: StoreError.self) {
                try store.write { transaction in
                    let complaintID = try #require(
                        try transaction.insertComplaint(StoreTestFixtures.complaint("a-1"), ingestedAt: Date())
                    )
                    for _ in 1...2 {
                        _ = try transaction.insertCase(
                            complaintID: complaintID,
                            state: .received,
                            agency: secret,
                            route: secret,
                            priority: nil,
                            rulesHash: secret,
                            respondBy: nil,
                            at: Date()
                        )
                    }
                }
            }
            #expect(error.extendedResultCode == 2067)
            #expect(error.resultCode == 19)
            #expect(error.isUniqueConstraintViolation)
            #expect(error.sql?.contains("INSERT INTO cases") == true)
            #expect(error.description.contains("SQLITE_CONSTRAINT_UNIQUE 2067"))
            #expect(error.description.contains("UNIQUE constraint failed: cases.complaint_id"))
            #expect(error.description.contains("INSERT INTO cases"))
            #expect(!error.description.contains("\n"))
            #expect(!error.description.contains(secret))
            #expect(!String(reflecting: error).contains(secret))
        }
    }

    @Test("audit events cannot be changed or deleted, even with raw SQL")
    func eventsAreAppendOnly() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            let eventID = try store.write { transaction in
                try transaction.appendEvent(
                    caseID: nil,
                    at: Date(),
                    actor: "aduand",
                    kind: "rules_loaded",
                    from: nil,
                    to: nil,
                    reason: "startup",
                    data: nil
                )
            }
            store.close()
            let database = try Database(path: path, mode: .readWrite)
            defer { database.close() }
            for sql in ["UPDATE events SET actor = 'intruder' WHERE id = ?1", "DELETE FROM events WHERE id = ?1"] {
                let error = try #require(throws: StoreError.self) { try database.execute(sql, [eventID]) }
                #expect(error.message == "events are append-only")
            }
            #expect(try database.scalar("SELECT actor FROM events WHERE id = ?1", [eventID]) == "aduand")
        }
    }

    @Test("changing a case's state is visible to readers, and an unknown case is an error")
    func updateCaseState() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let caseID = try store.write { try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-1"), in: $0) }
            try store.write { try $0.updateCaseState(caseID: caseID, to: .verified, at: Date()) }
            #expect(try StoreReader(path: path).cases(CaseFilter()).map(\.state) == [.verified])
            let error = try #require(throws: StoreError.self) {
                try store.write { try $0.updateCaseState(caseID: caseID + 1, to: .verified, at: Date()) }
            }
            #expect(error.message == "no case with id \(caseID + 1)")
        }
    }

    @Test("each source poll adds to the totals; a failed poll keeps the cursor and the last success")
    func sourcePollUpsert() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let first = StoreTestFixtures.time("2026-03-17T03:00:00Z")
            let second = StoreTestFixtures.time("2026-03-17T03:01:00Z")
            let third = StoreTestFixtures.time("2026-03-17T03:02:00Z")
            try store.write { transaction in
                try transaction.recordSourcePoll(
                    source: "spool",
                    cursor: "c1",
                    itemsIn: 5,
                    itemsQuarantined: 1,
                    error: nil,
                    at: first
                )
                try transaction.recordSourcePoll(
                    source: "open311",
                    cursor: nil,
                    itemsIn: 0,
                    itemsQuarantined: 0,
                    error: "connection refused",
                    at: first
                )
            }
            try store.write { transaction in
                try transaction.recordSourcePoll(
                    source: "spool",
                    cursor: "c2",
                    itemsIn: 3,
                    itemsQuarantined: 2,
                    error: nil,
                    at: second
                )
            }
            try store.write { transaction in
                try transaction.recordSourcePoll(
                    source: "spool",
                    cursor: nil,
                    itemsIn: 0,
                    itemsQuarantined: 0,
                    error: "inbox not readable",
                    at: third
                )
            }
            let reader = try StoreReader(path: path)
            #expect(
                try reader.sourceHealth() == [
                    SourceHealth(
                        source: "open311",
                        cursor: nil,
                        lastPollAt: first,
                        lastSuccessAt: nil,
                        itemsIn: 0,
                        itemsQuarantined: 0,
                        lastError: "connection refused"
                    ),
                    SourceHealth(
                        source: "spool",
                        cursor: "c2",
                        lastPollAt: third,
                        lastSuccessAt: second,
                        itemsIn: 8,
                        itemsQuarantined: 3,
                        lastError: "inbox not readable"
                    ),
                ]
            )
            try store.write { transaction in
                try transaction.recordSourcePoll(
                    source: "spool",
                    cursor: "c3",
                    itemsIn: 1,
                    itemsQuarantined: 0,
                    error: nil,
                    at: third
                )
            }
            let spool = try #require(try reader.sourceHealth().first { $0.source == "spool" })
            #expect(spool.lastError == nil)
            #expect(spool.lastSuccessAt == third)
            #expect(spool.cursor == "c3")
            #expect(spool.itemsIn == 9)
        }
    }

    @Test("a rule snapshot is kept once per hash, with the text of its first load")
    func ruleSnapshotsByHash() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let files = ["rules/routes.rules": "route \"jalan\" { to = \"dpupr\" }\n"]
            try store.write {
                try $0.saveRuleSnapshot(hash: "h1", files: files, at: StoreTestFixtures.time("2026-03-17T03:00:00Z"))
            }
            try store.write { try $0.saveRuleSnapshot(hash: "h1", files: [:], at: Date()) }
            let database = try Database(path: path, mode: .readOnly)
            var rows: [(Int64, String)] = []
            try database.query("SELECT first_loaded_at, files FROM rule_snapshots") { row in
                rows.append((row[0], row[1]))
            }
            #expect(rows.count == 1)
            #expect(rows.first?.0 == StoreTestFixtures.time("2026-03-17T03:00:00Z").unixSeconds)
            let stored = try JSONDecoder().decode([String: String].self, from: Data((rows.first?.1 ?? "").utf8))
            #expect(stored == files)
        }
    }
}
