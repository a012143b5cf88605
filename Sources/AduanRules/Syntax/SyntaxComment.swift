/// A `#` comment, kept so that a formatter can put it back.
public struct SyntaxComment: Sendable, Hashable {
    /// The text after `#`, up to the end of the line.
    public var text: String
    /// Where the `#` is.
    public var location: SourceLocation

    /// Creates a comment.
    public init(text: String, location: SourceLocation) {
        self.text = text
        self.location = location
    }
}
