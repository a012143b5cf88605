/// The answer to `reporter.erase`: which case lost its reporter's personal data, and the event that records it.
public struct ReporterErasureReport: Sendable, Hashable, Codable {
    /// The case id (decimal).
    public var caseID: String
    /// The `reporter_erased` event in the case's history.
    public var eventID: Int64
    /// The salted digest of what was erased, as the event holds it.
    public var reporterDigest: String

    /// Creates a report.
    public init(caseID: String, eventID: Int64, reporterDigest: String) {
        self.caseID = caseID
        self.eventID = eventID
        self.reporterDigest = reporterDigest
    }

    private enum CodingKeys: String, CodingKey {
        case caseID = "case_id"
        case eventID = "event_id"
        case reporterDigest = "reporter_digest"
    }
}
