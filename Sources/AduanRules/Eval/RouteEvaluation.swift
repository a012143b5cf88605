import AduanCore
import Foundation

/// Evaluates compiled conditions against what one complaint matched.
struct RouteEvaluation {
    /// Phrase ids found in the complaint.
    let found: PhraseSet
    /// For each phrase list, how many of its distinct phrases were found.
    let listHits: [Int]
    /// The distinct phrase ids of each phrase list.
    let phraseLists: [[Int]]
    let channel: Channel
    let region: Region?
    /// The reporter's kind, normalised; `nil` when the complaint names no reporter or no kind.
    let reporterKind: String?

    /// How reporter kinds compare: without surrounding white space and case, so that `Lansia ` is `lansia`.
    static func normalizedReporterKind(_ kind: String) -> String {
        kind.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
    }

    func isSatisfied(_ condition: CompiledCondition) -> Bool {
        switch condition {
        case .anyPhrase(let list): listHits[list] > 0
        case .allPhrases(let list): listHits[list] == phraseLists[list].count
        case .phrase(let phrase): found.contains(phrase)
        case .channel(let expected): channel == expected
        case .region(let regions): region.map { actual in regions.contains { $0.code == actual.code } } ?? false
        case .reporter(let kinds): reporterKind.map { kinds.contains($0) } ?? false
        case .always: true
        case .not(let operand): !isSatisfied(operand)
        case .and(let left, let right): isSatisfied(left) && isSatisfied(right)
        case .or(let left, let right): isSatisfied(left) || isSatisfied(right)
        }
    }

    /// Records what made a satisfied `condition` true; negated parts prove nothing and are left out.
    func collect(_ condition: CompiledCondition, into evidence: inout RouteEvidence) {
        switch condition {
        case .anyPhrase(let list):
            for phrase in phraseLists[list] where found.contains(phrase) {
                evidence.add(phrase: phrase)
            }
        case .allPhrases(let list):
            for phrase in phraseLists[list] {
                evidence.add(phrase: phrase)
            }
        case .phrase(let phrase):
            evidence.add(phrase: phrase)
        case .channel(let channel):
            evidence.add(other: "channel \(channel.rawValue)")
        case .region:
            if let region { evidence.add(other: "region \(region.name)") }
        case .reporter:
            if let reporterKind { evidence.add(other: "reporter \(reporterKind)") }
        case .always:
            evidence.isUnconditional = true
        case .not:
            break
        case .and(let left, let right):
            collect(left, into: &evidence)
            collect(right, into: &evidence)
        case .or(let left, let right):
            if isSatisfied(left) { collect(left, into: &evidence) }
            if isSatisfied(right) { collect(right, into: &evidence) }
        }
    }
}
