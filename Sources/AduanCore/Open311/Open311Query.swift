public import Foundation

/// The `GET requests` URL for one poll window of a GeoReport v2 endpoint.
///
/// The window is sent as `start_date`/`end_date` (filters on `requested_datetime`: new requests), or, for servers
/// with the widespread extension, as `updated_after`/`updated_before` (filters on `updated_datetime`: new requests
/// and changes to old ones). Times are RFC 3339 in UTC with `Z`, as the specification's examples.
public struct Open311Query: Sendable, Hashable {
    /// The endpoint, e.g. `https://api.city.gov/dev/v2`; `/requests.<format>` is appended.
    public var baseURL: String
    /// The response format to ask for.
    public var format: Open311Format
    /// `api_key`, when the server wants one.
    public var apiKey: String?
    /// `jurisdiction_id`, when the endpoint serves several jurisdictions.
    public var jurisdictionID: String?
    /// The window's start (inclusive).
    public var start: Date
    /// The window's end.
    public var end: Date
    /// `page` (pagination extension), from 1; `nil` sends none.
    public var page: Int?
    /// `page_size` (pagination extension); `nil` sends none.
    public var pageSize: Int?
    /// Whether the window is sent as `updated_after`/`updated_before` instead of `start_date`/`end_date`.
    public var usesUpdatedAfter: Bool

    /// Creates a query.
    public init(
        baseURL: String,
        format: Open311Format = .json,
        apiKey: String? = nil,
        jurisdictionID: String? = nil,
        start: Date,
        end: Date,
        page: Int? = nil,
        pageSize: Int? = nil,
        usesUpdatedAfter: Bool = false
    ) {
        self.baseURL = baseURL
        self.format = format
        self.apiKey = apiKey
        self.jurisdictionID = jurisdictionID
        self.start = start
        self.end = end
        self.page = page
        self.pageSize = pageSize
        self.usesUpdatedAfter = usesUpdatedAfter
    }

    /// The query's parameters in the order they are sent.
    public var parameters: [(name: String, value: String)] {
        var parameters: [(name: String, value: String)] = []
        if let jurisdictionID { parameters.append(("jurisdiction_id", jurisdictionID)) }
        if let apiKey { parameters.append(("api_key", apiKey)) }
        let (startName, endName) = usesUpdatedAfter ? ("updated_after", "updated_before") : ("start_date", "end_date")
        parameters.append((startName, RFC3339.format(start)))
        parameters.append((endName, RFC3339.format(end)))
        if let page { parameters.append(("page", String(page))) }
        if let pageSize { parameters.append(("page_size", String(pageSize))) }
        return parameters
    }

    /// The full URL: `<base>/requests.<format>?<parameters>`, each value percent-encoded (RFC 3986: everything
    /// but letters, digits, `-._~` and `:`), joined with `&` to a query the base URL may already have.
    public var url: String {
        var base = Substring(baseURL)
        var existingQuery: Substring?
        if let mark = base.firstIndex(of: "?") {
            existingQuery = base[base.index(after: mark)...]
            base = base[..<mark]
        }
        while base.hasSuffix("/") { base.removeLast() }
        let encoded = parameters.map { "\($0.name)=\(Self.percentEncoded($0.value))" }
        let query = ((existingQuery.map { [String($0)] } ?? []).filter { !$0.isEmpty } + encoded)
        return "\(base)/requests.\(format.rawValue)?\(query.joined(separator: "&"))"
    }

    private static func percentEncoded(_ value: String) -> String {
        var encoded = ""
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"), UInt8(ascii: ":"):
                encoded.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                let hex = String(byte, radix: 16, uppercase: true)
                encoded += byte < 16 ? "%0\(hex)" : "%\(hex)"
            }
        }
        return encoded
    }
}
