import AduanCore
import Foundation
import Testing

import AduanStore

@Suite("Store reader")
struct StoreReaderTests {
    @Test("a reader sees committed complaints while the writer's transaction is open, never uncommitted ones")
    func readerIsolation() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            try store.write { try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-1"), in: $0) }
            let reader = try StoreReader(path: path)
            defer { reader.close() }
            try store.write { transaction in
                try StoreTestFixtures.ingest(StoreTestFixtures.complaint("a-2"), in: transaction)
                #expect(try reader.complaintCount() == 1)
                #expect(try reader.cases(CaseFilter()).map(\.externalID) == ["a-1"])
            }
            #expect(try reader.complaintCount() == 2)
        }
    }

    @Test("cases are listed oldest first, filtered by state and agency, up to the limit")
    func listCases() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            try store.write { transaction in
                // Inserted out of order: the list follows receipt time, not insertion.
                let rows: [(String, String, CaseState, String?)] = [
                    ("c", "2026-03-17T05:00:00Z", .received, "dpupr"),
                    ("a", "2026-03-17T03:00:00Z", .received, "dpupr"),
                    ("d", "2026-03-17T06:00:00Z", .verified, "dinkes"),
                    ("b", "2026-03-17T04:00:00Z", .verified, "dpupr"),
                    ("e", "2026-03-17T07:00:00Z", .received, nil),
                ]
                for (externalID, receivedAt, state, agency) in rows {
                    let complaint = StoreTestFixtures.complaint(externalID, receivedAt: receivedAt)
                    try StoreTestFixtures.ingest(complaint, state: state, agency: agency, in: transaction)
                }
            }
            let reader = try StoreReader(path: path)
            func ids(_ filter: CaseFilter) throws -> [String] {
                try reader.cases(filter).map(\.externalID)
            }
            #expect(try ids(CaseFilter()) == ["a", "b", "c", "d", "e"])
            #expect(try ids(CaseFilter(state: .received)) == ["a", "c", "e"])
            #expect(try ids(CaseFilter(agency: "dpupr")) == ["a", "b", "c"])
            #expect(try ids(CaseFilter(state: .verified, agency: "dpupr")) == ["b"])
            #expect(try ids(CaseFilter(agency: "nobody")).isEmpty)
            #expect(try ids(CaseFilter(limit: 2)) == ["a", "b"])
            #expect(try ids(CaseFilter(state: .received, limit: 2)) == ["a", "c"])
            #expect(try ids(CaseFilter(limit: 0)) == ["a", "b", "c", "d", "e"])

            let counts = try reader.caseCounts()
            #expect(counts.byState == ["received": 3, "verified": 2])
            #expect(counts.byAgency == ["dpupr": 3, "dinkes": 1])
        }
    }

    @Test("a page of a state or agency that most cases share still lists the oldest cases first")
    func pageOfCommonFilter() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let start = StoreTestFixtures.time("2026-01-01T00:00:00Z")
            // Enough matches that the reader walks receipt order instead of sorting them; inserted newest first.
            let count = 10_050
            try store.write { transaction in
                for number in (0..<count).reversed() {
                    var complaint = StoreTestFixtures.complaint("n-\(number)")
                    complaint.receivedAt = start.addingTimeInterval(Double(number * 60))
                    try StoreTestFixtures.ingest(
                        complaint,
                        state: number % 1_000 == 0 ? .verified : .received,
                        in: transaction
                    )
                }
            }
            let reader = try StoreReader(path: path)
            func ids(_ filter: CaseFilter) throws -> [String] {
                try reader.cases(filter).map(\.externalID)
            }
            #expect(try ids(CaseFilter(state: .received, limit: 3)) == ["n-1", "n-2", "n-3"])
            #expect(try ids(CaseFilter(agency: "dpupr", limit: 2)) == ["n-0", "n-1"])
            #expect(try ids(CaseFilter(state: .received, agency: "dpupr", limit: 2)) == ["n-1", "n-2"])
            #expect(try ids(CaseFilter(state: .verified, limit: 2)) == ["n-0", "n-1000"])
            #expect(try reader.cases(CaseFilter(state: .received, limit: 0)).count == count - 11)
        }
    }

    @Test("a case summary carries the routing, the deadline and the region's official name")
    func caseSummaryFields() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let kotaSerang = try #require(Region.resolve("36.73"))
            let caseID = try store.write { transaction in
                try StoreTestFixtures.ingest(
                    StoreTestFixtures.complaint("a-1", region: kotaSerang, regionText: "serang kota"),
                    in: transaction
                )
                return try StoreTestFixtures.ingest(
                    StoreTestFixtures.complaint("a-2", receivedAt: "2026-03-18T03:00:00Z", regionText: "Serang"),
                    in: transaction
                )
            }
            let summaries = try StoreReader(path: path).cases(CaseFilter())
            #expect(
                summaries.first
                    == CaseSummary(
                        id: String(caseID - 1),
                        externalID: "a-1",
                        source: "spool",
                        state: .received,
                        agency: "dpupr",
                        route: "jalan",
                        priority: "P2",
                        title: "Jalan rusak a-1",
                        region: "Kota Serang",
                        receivedAt: StoreTestFixtures.time("2026-03-17T03:00:00Z"),
                        respondBy: StoreTestFixtures.time("2026-03-18T03:00:00Z")
                    )
            )
            #expect(summaries.last?.id == String(caseID))
            #expect(summaries.last?.region == "Serang")
        }
    }

    @Test("a case's detail holds its complaint as received and its history oldest first")
    func caseDetail() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let complaint = Complaint(
                source: "spool",
                externalID: "a-1",
                title: nil,
                text: "Lampu jalan mati sejak seminggu.",
                channel: .sms,
                regionText: "Kab. Lebak",
                region: Region.resolve("Kab. Lebak"),
                reporter: Reporter(name: "Siti", contact: "0812-0000-1111", kind: "citizen"),
                location: GeoLocation(latitude: -6.36, longitude: 106.25, address: "Jl. Sunan Kalijaga"),
                receivedAt: StoreTestFixtures.time("2026-03-17T03:00:00Z")
            )
            let received = StoreTestFixtures.time("2026-03-17T03:00:05Z")
            let verified = StoreTestFixtures.time("2026-03-17T04:00:00Z")
            let caseID = try store.write { transaction in
                let caseID = try StoreTestFixtures.ingest(complaint, in: transaction)
                _ = try transaction.appendEvent(
                    caseID: caseID,
                    at: received,
                    actor: "aduand",
                    kind: "received",
                    from: nil,
                    to: .received,
                    reason: nil,
                    data: #"{"route":"jalan"}"#
                )
                return caseID
            }
            try store.write { transaction in
                try transaction.updateCaseState(caseID: caseID, to: .verified, at: verified)
                _ = try transaction.appendEvent(
                    caseID: caseID,
                    at: verified,
                    actor: "uid:1000(admin)",
                    kind: "verified",
                    from: .received,
                    to: .verified,
                    reason: "complete report",
                    data: nil
                )
                _ = try transaction.appendEvent(
                    caseID: nil,
                    at: verified,
                    actor: "aduand",
                    kind: "rules_loaded",
                    from: nil,
                    to: nil,
                    reason: nil,
                    data: nil
                )
            }
            let reader = try StoreReader(path: path)
            let detail = try #require(try reader.caseDetail(id: caseID))
            #expect(detail.complaint == complaint)
            #expect(detail.summary.state == .verified)
            #expect(detail.summary.region == "Kabupaten Lebak")
            #expect(detail.events.map(\.kind) == ["received", "verified"])
            #expect(
                detail.events.last
                    == CaseEvent(
                        id: detail.events[1].id,
                        at: verified,
                        actor: "uid:1000(admin)",
                        kind: "verified",
                        fromState: .received,
                        toState: .verified,
                        reason: "complete report"
                    )
            )
            #expect(try reader.caseDetail(id: caseID + 100) == nil)
        }
    }

    @Test("a complaint without reporter or location reads back without them")
    func sparseComplaint() throws {
        try StoreTestFixtures.withDatabasePath { path in
            let store = try Store(path: path)
            defer { store.close() }
            let complaint = StoreTestFixtures.complaint("a-1")
            let caseID = try store.write { try StoreTestFixtures.ingest(complaint, in: $0) }
            let detail = try #require(try StoreReader(path: path).caseDetail(id: caseID))
            #expect(detail.complaint == complaint)
            #expect(detail.events.isEmpty)
        }
    }
}
