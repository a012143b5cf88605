import AduanCore
import Foundation
import Testing

@testable import AduanStore

/// The audit hash chain in the store: written by the single writer, kept across reopen and rollback, and broken
/// visibly by any edit made behind its back.
@Suite("audit hash chain")
struct AuditChainTests {
    private struct Abandoned: Error {}

    /// Appends a plain event, as the workflow does.
    @discardableResult
    static func event(
        _ kind: String,
        caseID: Int64?,
        reason: String? = "why",
        in transaction: StoreTransaction
    ) throws
        -> Int64
    {
        try transaction.appendEvent(
            caseID: caseID,
            at: StoreTestFixtures.time("2026-03-17T03:00:00Z"),
            actor: "aduand",
            kind: kind,
            from: nil,
            to: nil,
            reason: reason,
            data: nil
        )
    }

    /// A store with two cases and six events, closed again; returns nothing, the file is at `path`.
    static func writeHistory(at path: String) throws {
        let store = try Store(path: path)
        defer { store.close() }
        try store.write { transaction in
            for externalID in ["a-1", "a-2"] {
                let caseID = try StoreTestFixtures.ingest(StoreTestFixtures.complaint(externalID), in: transaction)
                try event("received", caseID: caseID, in: transaction)
                try event("routed", caseID: caseID, in: transaction)
            }
        }
        try store.write { try event("note", caseID: 1, reason: "", in: $0) }
        try store.write { try event("rules_reloaded", caseID: nil, reason: nil, in: $0) }
    }

    /// Runs raw SQL on the file without the append-only triggers, as an intruder with file access could.
    static func tamper(_ path: String, _ sql: String) throws {
        let database = try Database(path: path, mode: .readWrite)
        defer { database.close() }
        try database.executeScript("DROP TRIGGER events_no_update; DROP TRIGGER events_no_delete; " + sql)
    }

    @Test("events written over several transactions, a rollback and a reopen form one intact chain")
    func chainSurvivesRollbackAndReopen() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            let store = try Store(path: path)
            #expect(throws: Abandoned.self) {
                try store.write { transaction in
                    try Self.event("note", caseID: 2, in: transaction)
                    throw Abandoned()
                }
            }
            let id = try store.write { try Self.event("note", caseID: 2, in: $0) }
            store.close()
            #expect(id == 7)
            let outcome = try StoreReader(path: path).verifyAuditChain()
            #expect(outcome.isIntact)
            #expect(outcome.events == 7)
            #expect(outcome.head?.count == 64)
        }
    }

    @Test("an edited reason is found at that event, and the next event still vouches for the old content")
    func editedContent() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            try Self.tamper(path, "UPDATE events SET reason = 'nothing happened' WHERE id = 3")
            let outcome = try StoreReader(path: path).verifyAuditChain()
            #expect(!outcome.isIntact)
            #expect(outcome.brokenEventID == 3)
            #expect(outcome.events == 2)
            #expect(outcome.problem?.hasPrefix("its content was changed after it was written") == true)
        }
    }

    @Test("NULL and empty text hash differently, so blanking a reason is found too")
    func nullIsNotEmpty() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            try Self.tamper(path, "UPDATE events SET reason = NULL WHERE id = 5")
            #expect(try StoreReader(path: path).verifyAuditChain().brokenEventID == 5)
        }
    }

    @Test("a deleted event is found at the event after it")
    func deletedRow() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            try Self.tamper(path, "DELETE FROM events WHERE id = 2")
            let outcome = try StoreReader(path: path).verifyAuditChain()
            #expect(outcome.brokenEventID == 3)
            #expect(outcome.problem == "event 2 is missing before it (deleted)")
        }
    }

    @Test("a rewritten hash, or rows swapped between ids, is found where the links stop")
    func rewrittenHashAndSwappedRows() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            try Self.tamper(path, "UPDATE events SET hash = (SELECT hash FROM events WHERE id = 1) WHERE id = 4")
            let rewritten = try StoreReader(path: path).verifyAuditChain()
            #expect(rewritten.brokenEventID == 4)
            #expect(rewritten.problem?.hasPrefix("its hash does not match its content and the next event") == true)
        }
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            try Self.tamper(
                path,
                "UPDATE events SET id = 100 WHERE id = 2; UPDATE events SET id = 2 WHERE id = 3; "
                    + "UPDATE events SET id = 3 WHERE id = 100"
            )
            #expect(try StoreReader(path: path).verifyAuditChain().brokenEventID == 2)
        }
    }

    @Test("an event appended by a second writer behind the store's back makes the next insert fail, not fork")
    func secondWriterCannotFork() throws {
        try StoreTestFixtures.withDatabasePath { path in
            try Self.writeHistory(at: path)
            let store = try Store(path: path)
            defer { store.close() }
            let other = try Store(path: path)
            try other.write { try Self.event("note", caseID: 1, in: $0) }
            other.close()
            let error = try #require(throws: StoreError.self) {
                try store.write { try Self.event("note", caseID: 1, in: $0) }
            }
            #expect(error.codeName == "SQLITE_CONSTRAINT_PRIMARYKEY")
            #expect(try StoreReader(path: path).verifyAuditChain().isIntact)
        }
    }

    @Test("hashing is cheap next to an insert: per-event cost of the chain, measured")
    func chainCost() {
        let record = AuditRecord(
            id: 123_456,
            caseID: 41_152,
            at: 1_773_716_400,
            actor: "aduand",
            kind: "routed",
            fromState: nil,
            toState: nil,
            reason:
                "route \"Jalan dan jembatan rusak\" matched text has any jalan-rusak (jalan, berlubang); priority P3",
            data: nil
        )
        let count = 2_000
        var hash = AuditRecord.genesis
        let start = DispatchTime.now().uptimeNanoseconds
        for _ in 0..<count { hash = record.chainHash(after: hash) }
        let perEvent = Double(DispatchTime.now().uptimeNanoseconds - start) / Double(count) / 1_000
        print("audit chain: \(String(format: "%.2f", perEvent)) µs per event (this build's optimisation)")
        #expect(hash != AuditRecord.genesis)
        // Even an unoptimised build stays well under the ~25 µs an event's share of intake takes.
        #expect(perEvent < 1_000)
    }
}
