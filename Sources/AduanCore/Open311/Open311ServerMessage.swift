/// One `{code, description}` entry of a GeoReport v2 error response.
public struct Open311ServerMessage: Sendable, Hashable, CustomStringConvertible {
    /// `code`: usually the HTTP status, sometimes the server's own code.
    public var code: String?
    /// `description`: meant for people.
    public var description: String

    /// Creates a message.
    public init(code: String?, description: String) {
        self.code = code
        self.description = description
    }
}
