public import AduanCore
public import Foundation

/// A complaint in the spool format of DESIGN.md ("Spool items"), as `aduanctl cases export` writes it and the
/// spool, `rules route` and `rules diff --replay` read it.
public struct SpoolComplaint: Sendable, Hashable, Codable {
    /// The complaint's id within its source.
    public var id: String
    /// The source that delivered it (extra to the spool format; intake ignores it).
    public var source: String
    /// Subject.
    public var title: String?
    /// The complaint.
    public var text: String
    /// When the citizen filed it.
    public var receivedAt: Date
    /// How it arrived.
    public var channel: Channel
    /// The official region name, or the text as given when it was not recognised.
    public var region: String?
    /// Who complained.
    public var reporter: Reporter?
    /// Where the problem is.
    public var location: GeoLocation?

    /// The spool form of a stored complaint.
    public init(_ complaint: Complaint) {
        id = complaint.externalID
        source = complaint.source
        title = complaint.title
        text = complaint.text
        receivedAt = complaint.receivedAt
        channel = complaint.channel
        region = complaint.region?.name ?? complaint.regionText
        reporter = complaint.reporter
        location = complaint.location
    }

    private enum CodingKeys: String, CodingKey {
        case id
        case source
        case title
        case text
        case receivedAt = "received_at"
        case channel
        case region
        case reporter
        case location
    }
}
