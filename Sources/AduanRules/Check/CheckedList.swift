import AduanCore

/// A declared `list` block after checking its items.
struct CheckedList {
    /// What a list holds.
    enum Content {
        /// Phrases; the index of its distinct phrase ids in ``RuleProgram/phraseLists``.
        case phrases(index: Int)
        /// Resolved regions.
        case regions([Region])
        /// The list had errors; references to it are not reported again.
        case invalid
    }

    var location: SourceLocation
    var content: Content
    var isUsed = false
}
