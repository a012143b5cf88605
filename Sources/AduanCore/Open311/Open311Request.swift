/// One service request of a GeoReport v2 `GET requests` response; every field but the id may be missing.
///
/// Text fields are trimmed and an empty one is `nil`, so the XML and JSON forms of a response are equal.
/// Date-times are kept as the server wrote them; ``Open311DateTime`` reads them.
public struct Open311Request: Sendable, Hashable {
    /// `service_request_id`: the request's identifier on the server (a number written as text when the server
    /// sends a JSON number).
    public var serviceRequestID: String
    /// `status`: `open` or `closed` in the specification; some servers send others.
    public var status: String?
    /// `status_notes`: why the status changed.
    public var statusNotes: String?
    /// `service_name`: the request type's human-readable name.
    public var serviceName: String?
    /// `service_code`: the request type's identifier.
    public var serviceCode: String?
    /// `description`: the citizen's text.
    public var description: String?
    /// `agency_responsible`.
    public var agencyResponsible: String?
    /// `service_notice`.
    public var serviceNotice: String?
    /// `requested_datetime`, as written.
    public var requestedDatetime: String?
    /// `updated_datetime`, as written.
    public var updatedDatetime: String?
    /// `expected_datetime`, as written.
    public var expectedDatetime: String?
    /// `address`: most specific to most general part.
    public var address: String?
    /// `address_id`.
    public var addressID: String?
    /// `zipcode`.
    public var zipcode: String?
    /// `lat`: WGS 84 latitude.
    public var latitude: Double?
    /// `long`: WGS 84 longitude.
    public var longitude: Double?
    /// `media_url`.
    public var mediaURL: String?

    /// Creates a request with only its id; set the other fields as the server sent them.
    public init(serviceRequestID: String) {
        self.serviceRequestID = serviceRequestID
    }
}
