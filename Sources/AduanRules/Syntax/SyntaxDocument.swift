/// One parsed file: top-level attributes and blocks in source order, and its comments.
public struct SyntaxDocument: Sendable, Hashable {
    /// The path given to the parser.
    public var path: String
    /// `key = value` lines outside any block (the daemon's config file has them; rule files must not).
    public var attributes: [SyntaxAttribute]
    /// Top-level blocks in source order.
    public var blocks: [SyntaxBlock]
    /// Every comment of the file in source order.
    public var comments: [SyntaxComment]

    /// Creates a document.
    public init(path: String, attributes: [SyntaxAttribute], blocks: [SyntaxBlock], comments: [SyntaxComment]) {
        self.path = path
        self.attributes = attributes
        self.blocks = blocks
        self.comments = comments
    }
}
