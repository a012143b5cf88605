import AduanCore
public import Foundation

/// What erasing a case's reporter did.
public enum ReporterErasure: Sendable, Hashable {
    /// No case has that id.
    case noSuchCase
    /// The case's complaint holds no personal data: none was given, or it was erased before.
    case nothingToErase
    /// The personal data is gone; the `reporter_erased` event that records it, and the digest of what was erased.
    case erased(eventID: Int64, reporterDigest: String)
}

extension StoreTransaction {
    private static let reporterOfCaseSQL = """
        SELECT reporters.complaint_id, reporters.name, reporters.contact, reporters.nik
        FROM cases JOIN reporters ON reporters.complaint_id = cases.complaint_id WHERE cases.id = ?1
        """

    private static let scrubDeliveriesSQL = """
        UPDATE deliveries SET payload = json_remove(payload, '$.complaint.reporter.name',
            '$.complaint.reporter.contact', '$.complaint.reporter.nik')
        WHERE case_id = ?1 AND json_valid(payload)
        """

    private static let saltSQL = "SELECT value FROM store_secrets WHERE name = ?1"

    /// The salted digest of the personal data of a case's reporter (``ReporterDigest``), for an event that must
    /// refer to it; `nil` when the case holds none.
    public func reporterDigest(caseID: Int64) throws -> String? {
        try reporter(caseID: caseID)?.digest
    }

    /// Deletes the name, contact and NIK of a case's reporter (also from its deliveries' payloads) and appends a `reporter_erased` event that names the
    /// actor and holds only the salted digest, so that the audit chain stays whole and the data is gone.
    ///
    /// The freed space is overwritten with zeros; call ``Store/truncateLog()`` after the commit so that older
    /// copies leave the write-ahead log too.
    public func eraseReporter(caseID: Int64, at: Date, actor: String, reason: String?) throws -> ReporterErasure {
        guard try caseState(caseID: caseID) != nil else { return .noSuchCase }
        guard let reporter = try reporter(caseID: caseID) else { return .nothingToErase }
        try database.execute("PRAGMA secure_delete = ON")
        defer { try? database.execute("PRAGMA secure_delete = OFF") }
        try database.execute("DELETE FROM reporters WHERE complaint_id = ?1", [reporter.complaintID])
        // Delivery payloads carry the complaint as it was sent (or will be retried): the copies kept here lose the
        // reporter's personal data too. Copies agencies already received are theirs to erase.
        try database.execute(Self.scrubDeliveriesSQL, [caseID])
        let data = "{\"reporter_digest\":\"\(reporter.digest)\"}"
        let eventID = try appendEvent(
            caseID: caseID,
            at: at,
            actor: actor,
            kind: "reporter_erased",
            from: nil,
            to: nil,
            reason: reason ?? "reporter's personal data erased",
            data: data
        )
        return .erased(eventID: eventID, reporterDigest: reporter.digest)
    }

    private func reporter(caseID: Int64) throws -> (complaintID: Int64, digest: String)? {
        var found: (complaintID: Int64, name: String?, contact: String?, nik: String?)?
        try database.query(Self.reporterOfCaseSQL, [caseID]) { row in
            found = (row[0], row[1], row[2], row[3])
        }
        guard let found else { return nil }
        guard let salt = try database.scalar(Self.saltSQL, [ReporterDigest.saltName], as: [UInt8].self) else {
            throw StoreError("the store has no reporter salt (store_secrets): restore it from a backup")
        }
        return (
            found.complaintID,
            ReporterDigest.digest(salt: salt, name: found.name, contact: found.contact, nik: found.nik)
        )
    }
}
