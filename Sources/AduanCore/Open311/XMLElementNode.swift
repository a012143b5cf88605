/// An element of a small XML document: its name, its text and its child elements (attributes are dropped).
struct XMLElementNode: Sendable, Hashable {
    /// The tag name as written, prefix included.
    var name: String
    /// The element's own text (entities and CDATA resolved), its pieces between children joined.
    var text: String
    /// Child elements in document order.
    var children: [XMLElementNode]
}
