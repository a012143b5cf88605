/// Interns the snapshot's phrases, so that a phrase in several lists is matched once and has one id.
struct PhraseCatalog {
    /// Phrases as normalised words, by id.
    private(set) var phrases: [[String]] = []
    private var idsByPhrase: [[String]: Int] = [:]

    /// The id of `words`, adding the phrase if it is new.
    mutating func id(for words: [String]) -> Int {
        if let id = idsByPhrase[words] { return id }
        let id = phrases.count
        phrases.append(words)
        idsByPhrase[words] = id
        return id
    }
}
