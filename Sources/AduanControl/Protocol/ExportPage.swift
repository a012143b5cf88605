/// One page of `complaints.export`: complaints in spool format and where the next page starts.
public struct ExportPage: Sendable, Hashable, Codable {
    /// The complaints, in the order they were stored.
    public var complaints: [SpoolComplaint]
    /// Pass as `after_id` for the next page; `nil` when this was the last.
    public var nextAfterID: Int64?

    /// Creates a page.
    public init(complaints: [SpoolComplaint], nextAfterID: Int64?) {
        self.complaints = complaints
        self.nextAfterID = nextAfterID
    }

    private enum CodingKeys: String, CodingKey {
        case complaints
        case nextAfterID = "next_after_id"
    }
}
