import AduanCore
import AduanStore
import Foundation
import Testing

/// Helpers shared by the store's tests: a throwaway database file and sample complaints.
enum StoreTestFixtures {
    /// Runs `body` with the path of a database file in a fresh temporary directory, removed afterwards.
    static func withDatabasePath<Result>(_ body: (String) throws -> Result) throws -> Result {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("aduan-store-test-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        return try body(directory.appendingPathComponent("aduan.db").path)
    }

    /// A moment in whole seconds, as the store keeps times.
    static func time(_ text: String) -> Date {
        RFC3339.parse(text)!
    }

    /// A complaint from the `spool` source.
    static func complaint(
        _ externalID: String,
        receivedAt: String = "2026-03-17T03:00:00Z",
        region: Region? = nil,
        regionText: String? = nil
    ) -> Complaint {
        Complaint(
            source: "spool",
            externalID: externalID,
            title: "Jalan rusak \(externalID)",
            text: "Jalan berlubang di depan sekolah, mohon segera diperbaiki.",
            channel: .web,
            regionText: regionText,
            region: region,
            receivedAt: time(receivedAt)
        )
    }

    /// Stores a complaint and opens its case, as intake does; returns the case id.
    @discardableResult
    static func ingest(
        _ complaint: Complaint,
        state: CaseState = .received,
        agency: String? = "dpupr",
        in transaction: StoreTransaction
    ) throws -> Int64 {
        let inserted = try transaction.insertComplaint(complaint, ingestedAt: complaint.receivedAt)
        let complaintID = try #require(inserted, "complaint \(complaint.externalID) was stored already")
        return try transaction.insertCase(
            complaintID: complaintID,
            state: state,
            agency: agency,
            route: agency == nil ? nil : "jalan",
            priority: "P2",
            rulesHash: "abc123",
            respondBy: complaint.receivedAt.addingTimeInterval(86_400),
            at: complaint.receivedAt
        )
    }
}
