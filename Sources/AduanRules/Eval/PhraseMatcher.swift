import AduanCore

/// Finds every phrase of a snapshot in a text in one pass: an Aho–Corasick automaton over word ids.
///
/// Built once per snapshot; matching costs one table lookup and a few automaton steps per word of the complaint,
/// however many routes and phrases the snapshot has.
struct PhraseMatcher: Sendable {
    /// A folded word's meaning: `count` word ids at `start` in `wordIDs` (several when it is an abbreviation).
    private struct WordCode: Sendable {
        var start: Int32
        var count: Int32
    }

    /// Folded word → its ids, for phrase words and abbreviations; any other word is unknown to every phrase.
    private let vocabulary: WordTable<WordCode>
    /// Word ids (or -1 for a word that is in no phrase) referenced by `vocabulary`.
    private let wordIDs: [Int32]
    /// Transition of the root state for each word id; 0 when no phrase starts with that word.
    private let rootTransitions: [Int32]
    /// Transitions of state `s` are at `edgeStarts[s]..<edgeStarts[s + 1]`, sorted by word.
    private let edgeStarts: [Int32]
    private let edgeWords: [Int32]
    private let edgeTargets: [Int32]
    /// Longest proper suffix state of each state.
    private let failures: [Int32]
    /// Phrases recognised on entering state `s` are `outputs[outputStarts[s]..<outputStarts[s + 1]]`.
    private let outputStarts: [Int32]
    private let outputs: [Int32]
    /// The number of phrases.
    let phraseCount: Int

    /// Builds the matcher for `phrases`, each a non-empty list of normalised words.
    init(phrases: [[String]], abbreviations: AbbreviationTable) {
        phraseCount = phrases.count
        var idsByWord: [String: Int32] = [:]
        var phraseIDs: [[Int32]] = []
        for phrase in phrases {
            phraseIDs.append(
                phrase.map { word in
                    if let id = idsByWord[word] { return id }
                    let id = Int32(idsByWord.count)
                    idsByWord[word] = id
                    return id
                }
            )
        }

        var vocabulary = WordTable<WordCode>()
        var wordIDs: [Int32] = []
        for (word, id) in idsByWord.sorted(by: { $0.value < $1.value }) {
            vocabulary.set(WordCode(start: Int32(wordIDs.count), count: 1), for: Array(word.utf8))
            wordIDs.append(id)
        }
        for (abbreviation, expansion) in abbreviations.entries {
            let code = WordCode(start: Int32(wordIDs.count), count: Int32(expansion.count))
            for word in expansion {
                wordIDs.append(idsByWord[String(decoding: word, as: UTF8.self)] ?? -1)
            }
            vocabulary.set(code, for: abbreviation)
        }
        self.vocabulary = vocabulary
        self.wordIDs = wordIDs

        let trie = Trie(phrases: phraseIDs)
        var rootTransitions = [Int32](repeating: 0, count: idsByWord.count)
        for (word, target) in trie.children[0] {
            rootTransitions[Int(word)] = target
        }
        self.rootTransitions = rootTransitions
        var edgeStarts: [Int32] = []
        var edgeWords: [Int32] = []
        var edgeTargets: [Int32] = []
        var outputStarts: [Int32] = []
        var outputs: [Int32] = []
        for state in trie.children.indices {
            edgeStarts.append(Int32(edgeWords.count))
            for (word, target) in trie.children[state].sorted(by: { $0.key < $1.key }) {
                edgeWords.append(word)
                edgeTargets.append(target)
            }
            outputStarts.append(Int32(outputs.count))
            outputs.append(contentsOf: trie.outputs[state])
        }
        edgeStarts.append(Int32(edgeWords.count))
        outputStarts.append(Int32(outputs.count))
        self.edgeStarts = edgeStarts
        self.edgeWords = edgeWords
        self.edgeTargets = edgeTargets
        self.outputStarts = outputStarts
        self.outputs = outputs
        self.failures = trie.failures
    }

    /// The phrases found in `texts`, as a set of phrase ids; no phrase spans two texts.
    func matches(in texts: [String]) -> PhraseSet {
        var found = PhraseSet(capacity: phraseCount)
        for text in texts {
            var state: Int32 = 0
            TextNormalizer.forEachFoldedWord(in: text) { word in
                guard let code = vocabulary.value(for: word) else {
                    state = 0
                    return
                }
                for offset in 0..<Int(code.count) {
                    let id = wordIDs[Int(code.start) + offset]
                    state = id < 0 ? 0 : step(from: state, word: id)
                    let firstOutput = Int(outputStarts[Int(state)])
                    let endOutput = Int(outputStarts[Int(state) + 1])
                    for index in firstOutput..<endOutput {
                        found.insert(Int(outputs[index]))
                    }
                }
            }
        }
        return found
    }

    private func step(from state: Int32, word: Int32) -> Int32 {
        var current = state
        while current != 0 {
            if let target = transition(from: current, word: word) { return target }
            current = failures[Int(current)]
        }
        return rootTransitions[Int(word)]
    }

    private func transition(from state: Int32, word: Int32) -> Int32? {
        var low = Int(edgeStarts[Int(state)])
        var high = Int(edgeStarts[Int(state) + 1])
        while low < high {
            let middle = (low + high) / 2
            let middleWord = edgeWords[middle]
            if middleWord == word { return edgeTargets[middle] }
            if middleWord < word { low = middle + 1 } else { high = middle }
        }
        return nil
    }
}

/// The trie of phrases with failure links and outputs, before it is packed into arrays.
private struct Trie {
    var children: [[Int32: Int32]] = [[:]]
    var failures: [Int32] = [0]
    var outputs: [[Int32]] = [[]]

    init(phrases: [[Int32]]) {
        for (phraseID, words) in phrases.enumerated() {
            var state: Int32 = 0
            for word in words {
                if let next = children[Int(state)][word] {
                    state = next
                } else {
                    let next = Int32(children.count)
                    children.append([:])
                    failures.append(0)
                    outputs.append([])
                    children[Int(state)][word] = next
                    state = next
                }
            }
            outputs[Int(state)].append(Int32(phraseID))
        }
        linkFailures()
    }

    /// Breadth-first, so that a state's failure target is complete (with its outputs) before the state itself.
    private mutating func linkFailures() {
        var queue: [Int32] = children[0].values.sorted()
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            for (word, child) in children[Int(state)].sorted(by: { $0.key < $1.key }) {
                var fallback = failures[Int(state)]
                while fallback != 0 && children[Int(fallback)][word] == nil {
                    fallback = failures[Int(fallback)]
                }
                let target = children[Int(fallback)][word] ?? 0
                failures[Int(child)] = target
                outputs[Int(child)].append(contentsOf: outputs[Int(target)])
                queue.append(child)
            }
        }
    }
}
