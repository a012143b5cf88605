/// The response format of a GeoReport v2 endpoint, named by the resource's extension (`requests.xml`).
public enum Open311Format: String, Sendable, Hashable, CaseIterable {
    /// `application/json`; optional for servers.
    case json
    /// `text/xml`; every server has it.
    case xml
}
