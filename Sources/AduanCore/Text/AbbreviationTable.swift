/// Abbreviations and what they stand for, as folded words, expanded word by word by ``TextNormalizer``.
///
/// Keys and expansions are folded like complaint text, so `"Jln"` and `"jln"` are the same key. An expansion may be
/// several words (`dll` → `dan lain lain`); expansions are not expanded again.
public struct AbbreviationTable: Sendable {
    private var table = WordTable<[[UInt8]]>()

    /// A table that expands nothing.
    public static let empty = AbbreviationTable()

    private init() {}

    /// Creates a table from abbreviation → expansion pairs, e.g. a file's contents.
    ///
    /// - Throws: ``AbbreviationError`` when an abbreviation is not exactly one word or an expansion has no words.
    public init(_ expansions: [String: String]) throws(AbbreviationError) {
        for (abbreviation, expansion) in expansions {
            var keys: [[UInt8]] = []
            TextNormalizer.forEachFoldedWord(in: abbreviation) { keys.append(Array($0)) }
            guard keys.count == 1 else {
                throw AbbreviationError(abbreviation: abbreviation, reason: "an abbreviation must be exactly one word")
            }
            var words: [[UInt8]] = []
            TextNormalizer.forEachFoldedWord(in: expansion) { words.append(Array($0)) }
            guard !words.isEmpty else {
                throw AbbreviationError(abbreviation: abbreviation, reason: "the expansion has no words")
            }
            table.set(words, for: keys[0])
        }
    }

    /// The words `word` stands for, or `nil` when it is not an abbreviation.
    public func expansion(of word: UnsafeBufferPointer<UInt8>) -> [[UInt8]]? {
        table.value(for: word)
    }

    /// Every abbreviation with its expansion, as folded UTF-8 words, sorted by abbreviation.
    public var entries: [(abbreviation: [UInt8], expansion: [[UInt8]])] {
        table.entries
            .map { (abbreviation: $0.word, expansion: $0.value) }
            .sorted { $0.abbreviation.lexicographicallyPrecedes($1.abbreviation) }
    }
}

/// An abbreviation table entry that cannot be used.
public struct AbbreviationError: Error, Sendable, Hashable {
    /// The abbreviation as given.
    public let abbreviation: String
    /// Why it was refused.
    public let reason: String

    /// Creates an error for `abbreviation`.
    public init(abbreviation: String, reason: String) {
        self.abbreviation = abbreviation
        self.reason = reason
    }
}
