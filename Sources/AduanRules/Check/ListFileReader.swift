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

    private var cache = DataFileCache<Outcome>()

    /// The files read, in the order they were first named.
    var files: [RuleFile] { cache.files }

    /// The outcome for `path`, and whether this is the first time it was asked for (to report a problem once).
    mutating func read(_ path: String) -> (outcome: Outcome, isFirstRead: Bool) {
        cache.read(path, load: Self.load)
    }

    private static func load(_ path: String) -> (outcome: Outcome, file: RuleFile?) {
        switch RuleDataFile.text(at: path, expected: ".csv or .txt") {
        case .success(let text): (.text(text), RuleFile(path: path, text: text))
        case .failure(let problem): (.unreadable(reason: problem.reason, help: problem.help), nil)
        }
    }
}
