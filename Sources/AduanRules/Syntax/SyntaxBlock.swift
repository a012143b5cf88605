/// A block: `kind "label" "second label" { key = value  nested { … } }`.
public struct SyntaxBlock: Sendable, Hashable {
    /// The word before the labels, e.g. `route`.
    public var kind: String
    /// Where the kind word is; used for errors about the block as a whole.
    public var location: SourceLocation
    /// The quoted labels after the kind, unescaped.
    public var labels: [String]
    /// Where each label's opening quote is, parallel to ``labels``.
    public var labelLocations: [SourceLocation]
    /// The block's attributes in source order.
    public var attributes: [SyntaxAttribute]
    /// Nested blocks in source order.
    public var blocks: [SyntaxBlock]

    /// Creates a block.
    public init(
        kind: String,
        location: SourceLocation,
        labels: [String],
        labelLocations: [SourceLocation],
        attributes: [SyntaxAttribute],
        blocks: [SyntaxBlock]
    ) {
        self.kind = kind
        self.location = location
        self.labels = labels
        self.labelLocations = labelLocations
        self.attributes = attributes
        self.blocks = blocks
    }
}
