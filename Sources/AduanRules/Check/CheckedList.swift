import AduanCore

/// A declared `list` block after checking its items.
struct CheckedList {
    /// What a list holds.
    enum Content {
        /// Phrases; the index of its distinct phrase ids in ``RuleProgram/phraseLists``.
        case phrases(index: Int)
        /// Resolved regions.
        case regions([Region])
        /// Reporter kinds, normalised with ``RouteEvaluation/normalizedReporterKind(_:)``.
        case reporters([String])
        /// The list had errors; references to it are not reported again.
        case invalid

        /// What the list holds, for messages: `phrases`, `regions`, `reporter kinds`.
        var noun: String {
            switch self {
            case .phrases: "phrases"
            case .regions: "regions"
            case .reporters: "reporter kinds"
            case .invalid: "nothing usable"
            }
        }

        /// How a condition uses a list of this kind, e.g. `text has any jalan`.
        func usage(of name: String) -> String {
            switch self {
            case .phrases, .invalid: "text has any \(name)"
            case .regions: "region in \(name)"
            case .reporters: "reporter in \(name)"
            }
        }
    }

    var location: SourceLocation
    var content: Content
    /// Where each phrase of a phrase list is written (its first occurrence), by phrase id.
    var phraseLocations: [Int: SourceLocation] = [:]
    var isUsed = false
}
