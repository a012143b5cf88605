/// Data files that rules name with `file("…")`, read once each; the text of every file read is kept, since it
/// belongs to the snapshot (its hash and stored sources) as much as the rules do.
struct DataFileCache<Outcome> {
    /// The files read, in the order they were first named.
    private(set) var files: [RuleFile] = []
    private var outcomes: [String: Outcome] = [:]

    /// The outcome for `path`, loading it on first use, and whether this was the first use (to report a problem
    /// once). `load` returns the file's text to keep, or `nil` when it could not be read.
    mutating func read(
        _ path: String,
        load: (String) -> (outcome: Outcome, file: RuleFile?)
    ) -> (
        outcome: Outcome, isFirstRead: Bool
    ) {
        if let outcome = outcomes[path] { return (outcome, false) }
        let (outcome, file) = load(path)
        if let file { files.append(file) }
        outcomes[path] = outcome
        return (outcome, true)
    }
}
