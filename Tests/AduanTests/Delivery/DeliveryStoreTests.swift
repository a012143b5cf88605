import AduanCore
import Foundation
import Testing

@testable import AduanStore

/// The deliveries table on a real SQLite file: dedupe, retries, the CLI listing, and the plans of the hot queries.
@Suite("deliveries in the store")
struct DeliveryStoreTests {
    /// A store with one complaint and its case, and that case's first event.
    func makeStore() throws -> (TemporaryDirectory, Store, caseID: Int64, eventID: Int64) {
        let folder = try TemporaryDirectory()
        let store = try Store(path: folder.file("aduan.db"))
        let now = Date(unixSeconds: 1_770_000_000)
        let (caseID, eventID) = try store.write { transaction in
            let complaintID = try #require(
                try transaction.insertComplaint(
                    Complaint(source: "spool", externalID: "a", text: "Jalan rusak", receivedAt: now),
                    ingestedAt: now
                )
            )
            let caseID = try transaction.insertCase(
                complaintID: complaintID,
                state: .dispatched,
                agency: "dpupr",
                route: "Jalan",
                priority: nil,
                rulesHash: nil,
                respondBy: nil,
                at: now
            )
            let eventID = try transaction.appendEvent(
                caseID: caseID,
                at: now,
                actor: "aduand",
                kind: "routed",
                from: nil,
                to: nil,
                reason: "route \"Jalan\" matched",
                data: nil
            )
            return (caseID, eventID)
        }
        return (folder, store, caseID, eventID)
    }

    @Test("the same case, event and agency is queued once; the payload is built at the first take and then kept")
    func dedupe() throws {
        let (folder, store, caseID, eventID) = try makeStore()
        defer { folder.remove() }
        let now = Date(unixSeconds: 1_770_000_000)
        let ids = try store.write { transaction in
            try (0..<2).map { _ in
                try transaction.insertDelivery(
                    caseID: caseID,
                    eventID: eventID,
                    agency: "dpupr",
                    purpose: .assignment,
                    reason: "routed to dpupr",
                    at: now
                )
            }
        }
        #expect(ids == [1, nil])
        var drafts: [DeliveryDraft] = []
        let due = try store.write { transaction in
            try transaction.dueDeliveries(at: now, limit: 10) { draft in
                drafts.append(draft)
                return #"{"delivery_id":"\#(draft.id)","n":\#(drafts.count)}"#
            }
        }
        #expect(due.map(\.payload) == [#"{"delivery_id":"1","n":1}"#])
        #expect(drafts.map(\.reason) == ["routed to dpupr"])
        #expect(drafts.map(\.createdAt) == [now])
        let again = try store.write { try $0.dueDeliveries(at: now, limit: 10) { _ in "rebuilt" } }
        #expect(again.map(\.payload) == [#"{"delivery_id":"1","n":1}"#])
        #expect(try store.write { try $0.complaint(caseID: caseID)?.externalID } == "a")
        #expect(try store.write { try $0.routingReason(caseID: caseID) } == "route \"Jalan\" matched")
    }

    @Test("a failed attempt waits for its retry and lists as failed; a delivered one leaves the due list")
    func retries() throws {
        let (folder, store, caseID, eventID) = try makeStore()
        defer { folder.remove() }
        let now = Date(unixSeconds: 1_770_000_000)
        try store.write { transaction in
            for agency in ["dpupr", "biro"] {
                try transaction.insertDelivery(
                    caseID: caseID,
                    eventID: eventID,
                    agency: agency,
                    purpose: .carbonCopy,
                    reason: "copy",
                    at: now
                )
            }
            try transaction.markDeliveryFailed(id: 1, error: "HTTP 500", nextAttempt: now.addingTimeInterval(29.2))
            try transaction.markDelivered(id: 2, at: now)
        }
        #expect(
            try store.write { try $0.dueDeliveries(at: now.addingTimeInterval(29), limit: 10) { _ in "{}" } }.isEmpty
        )
        #expect(try store.write { try $0.nextDeliveryAttempt(after: now) } == now.addingTimeInterval(30))
        #expect(
            try store.write { try $0.dueDeliveries(at: now.addingTimeInterval(30), limit: 10) { _ in "{}" } }.map(
                \.attempts
            ) == [1]
        )
        #expect(
            try store.write {
                try $0.dueDeliveries(at: now.addingTimeInterval(30), limit: 10, excludingAgencies: ["dpupr"]) { _ in
                    "{}"
                }
            }.isEmpty
        )
        let reader = try StoreReader(path: folder.file("aduan.db"))
        defer { reader.close() }
        let failed = try reader.deliveries(isFailedOnly: true, limit: 0)
        #expect(failed.map(\.id) == ["1"])
        #expect(failed.first?.lastError == "HTTP 500")
        let all = try reader.deliveries(isFailedOnly: false, limit: 0)
        #expect(all.map(\.id) == ["2", "1"])
        #expect(all.first?.deliveredAt == now)
        #expect(all.first?.nextAttemptAt == nil)
    }

    @Test("the dispatcher's and the CLI's queries walk the partial index of undelivered rows, without a sort")
    func queryPlans() throws {
        let (folder, store, _, _) = try makeStore()
        defer { folder.remove() }
        store.close()
        let database = try Database(path: folder.file("aduan.db"), mode: .readOnly)
        func plan(_ sql: String) throws -> String {
            var details: [String] = []
            try database.query("EXPLAIN QUERY PLAN " + sql) { details.append($0[3]) }
            return details.joined(separator: "; ")
        }
        let due = try plan(
            "SELECT id FROM deliveries WHERE delivered_at IS NULL AND next_attempt_at <= 1 AND agency NOT IN ('x') ORDER BY next_attempt_at LIMIT 8"
        )
        #expect(due.contains("USING INDEX deliveries_due (next_attempt_at<?)"), "\(due)")
        #expect(!due.contains("TEMP B-TREE"), "\(due)")
        let next = try plan(
            "SELECT min(next_attempt_at) FROM deliveries WHERE delivered_at IS NULL AND next_attempt_at > 1"
        )
        #expect(next.contains("deliveries_due"), "\(next)")
        let failed = try plan(
            "SELECT id FROM deliveries INDEXED BY deliveries_due WHERE delivered_at IS NULL AND last_error IS NOT NULL ORDER BY id DESC"
        )
        #expect(failed.contains("deliveries_due"), "\(failed)")
    }
}
