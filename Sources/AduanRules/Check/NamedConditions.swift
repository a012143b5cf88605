/// The `define` blocks of a snapshot: declared up front so that conditions can name them in any order, compiled
/// once each, on first use, with the chain of names being compiled kept to refuse cycles.
struct NamedConditions {
    /// One `define` block.
    struct Entry {
        /// Where the block is.
        var location: SourceLocation
        /// Its `when`, `nil` when the block has none (already reported).
        var condition: SyntaxAttribute?
        /// The compiled condition once compiled: `.some(nil)` after an error.
        var compiled: CompiledCondition??
        /// Whether a condition names it.
        var isUsed = false
    }

    /// Defines by name.
    var entries: [String: Entry] = [:]
    /// Names in declaration order.
    var order: [String] = []
    /// The defines being compiled, outermost first; a name met again here is a cycle.
    var chain: [String] = []
}
