/// A name declared by a block, such as a priority or an escalation, and whether anything refers to it.
struct DeclaredName {
    /// Where the declaring block is.
    var location: SourceLocation
    /// Whether a route, priority or step names it.
    var isReferenced = false
}
