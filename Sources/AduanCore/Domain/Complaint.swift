public import Foundation

/// A citizen's complaint as it arrived from a source, before any routing.
public struct Complaint: Sendable, Hashable, Codable {
    /// Name of the source that delivered it (e.g. `spool`).
    public var source: String
    /// The item's identifier within its source; `(source, externalID)` is unique.
    public var externalID: String
    /// Short subject, when the channel has one.
    public var title: String?
    /// The complaint itself, in the citizen's words.
    public var text: String
    /// How it reached the province.
    public var channel: Channel
    /// The region as the citizen or source named it.
    public var regionText: String?
    /// The region resolved to a Banten regency or city, when the name was recognised.
    public var region: Region?
    /// Who complained; personal data, never logged unmasked.
    public var reporter: Reporter?
    /// Where the problem is.
    public var location: GeoLocation?
    /// When the citizen filed it (UTC).
    public var receivedAt: Date

    /// Creates a complaint.
    public init(
        source: String,
        externalID: String,
        title: String? = nil,
        text: String,
        channel: Channel = .other,
        regionText: String? = nil,
        region: Region? = nil,
        reporter: Reporter? = nil,
        location: GeoLocation? = nil,
        receivedAt: Date
    ) {
        self.source = source
        self.externalID = externalID
        self.title = title
        self.text = text
        self.channel = channel
        self.regionText = regionText
        self.region = region
        self.reporter = reporter
        self.location = location
        self.receivedAt = receivedAt
    }

    private enum CodingKeys: String, CodingKey {
        case source
        case externalID = "external_id"
        case title
        case text
        case channel
        case regionText = "region_text"
        case region
        case reporter
        case location
        case receivedAt = "received_at"
    }
}

/// The person who filed a complaint; name, contact and NIK are personal data, stored apart and erasable.
public struct Reporter: Sendable, Hashable, Codable {
    /// Full name, if given.
    public var name: String?
    /// Phone number or e-mail address.
    public var contact: String?
    /// Kind of reporter, e.g. `citizen`, `anonymous`, `official`; not personal data, the rules route on it.
    public var kind: String?
    /// Nomor Induk Kependudukan, the 16-digit national identity number, if given.
    public var nik: String?

    /// Creates a reporter.
    public init(name: String? = nil, contact: String? = nil, kind: String? = nil, nik: String? = nil) {
        self.name = name
        self.contact = contact
        self.kind = kind
        self.nik = nik
    }
}

/// Where the problem a complaint describes is.
public struct GeoLocation: Sendable, Hashable, Codable {
    /// WGS 84 latitude.
    public var latitude: Double?
    /// WGS 84 longitude.
    public var longitude: Double?
    /// Street address as written.
    public var address: String?

    /// Creates a location.
    public init(latitude: Double? = nil, longitude: Double? = nil, address: String? = nil) {
        self.latitude = latitude
        self.longitude = longitude
        self.address = address
    }

    private enum CodingKeys: String, CodingKey {
        case latitude = "lat"
        case longitude = "lon"
        case address
    }
}
