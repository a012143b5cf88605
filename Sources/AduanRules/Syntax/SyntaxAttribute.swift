/// An attribute: `key = value`.
public struct SyntaxAttribute: Sendable, Hashable {
    /// The key, e.g. `to`.
    public var key: String
    /// Where the key is.
    public var location: SourceLocation
    /// The value after `=`.
    public var value: SyntaxValue

    /// Creates an attribute.
    public init(key: String, location: SourceLocation, value: SyntaxValue) {
        self.key = key
        self.location = location
        self.value = value
    }

    /// Where the value starts.
    public var valueLocation: SourceLocation { value.location }
}
