/// Why a GeoReport v2 response yields no requests: the server said so, or the body is not a GeoReport response.
public enum Open311Error: Error, Sendable, Hashable, CustomStringConvertible {
    /// The body is an error document (`[{code, description}]`, `{"errors": …}`, `<errors>`).
    case server([Open311ServerMessage])
    /// The body is not valid JSON or XML, or not shaped like a list of service requests.
    case invalidResponse(String)

    /// One line: the server's own words, or what is wrong with the body.
    public var description: String {
        switch self {
        case .server(let messages):
            let text = messages.map { message in
                message.code.map { "\($0) \(message.description)" } ?? message.description
            }
            return "the Open311 server answered with an error: \(text.joined(separator: "; "))"
                .escapingControlCharacters
        case .invalidResponse(let reason):
            return "not a GeoReport v2 response: \(reason)".escapingControlCharacters
        }
    }
}
