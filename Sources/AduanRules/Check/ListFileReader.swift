import Foundation

/// Reads the files that lists and the abbreviations block name with `file("…")`, once each, and keeps their text: like the holiday files, it
/// belongs to the snapshot (its hash and stored sources) as much as the rules do.
struct ListFileReader {
    /// What reading one file gave.
    enum Outcome {
        /// The file's text.
        case text(String)
        /// The file could not be read; nothing is kept.
        case unreadable(reason: String, help: String)
    }

    /// The files read, in the order they were first named.
    private(set) var files: [RuleFile] = []
    private var outcomes: [String: Outcome] = [:]

    /// The outcome for `path`, and whether this is the first time it was asked for (to report a problem once).
    mutating func read(_ path: String) -> (outcome: Outcome, isFirstRead: Bool) {
        if let outcome = outcomes[path] { return (outcome, false) }
        let outcome = load(path)
        outcomes[path] = outcome
        return (outcome, true)
    }

    private mutating func load(_ path: String) -> Outcome {
        switch RuleDataFile.text(at: path, expected: ".csv or .txt") {
        case .success(let text):
            files.append(RuleFile(path: path, text: text))
            return .text(text)
        case .failure(let problem):
            return .unreadable(reason: problem.reason, help: problem.help)
        }
    }
}
