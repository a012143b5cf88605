/// What made a route or priority match, gathered from its condition, for the decision's reason line.
struct RouteEvidence {
    /// Phrase ids in the order the condition names them, without repeats.
    private(set) var phrases: [Int] = []
    /// Channel, region and reporter facts, e.g. `region Kota Serang`, without repeats.
    private(set) var others: [String] = []
    /// Whether an `always` was part of what held.
    var isUnconditional = false

    mutating func add(phrase: Int) {
        if !phrases.contains(phrase) { phrases.append(phrase) }
    }

    mutating func add(other fact: String) {
        if !others.contains(fact) { others.append(fact) }
    }

    /// `route "Jalan rusak" matched phrases "jalan rusak", "berlubang" and region Kota Serang`.
    func reason(route: String, phrases texts: [String]) -> String {
        guard let facts = facts(phrases: texts) else {
            return "route \"\(route)\" matched "
                + (isUnconditional ? "(always)" : "(no phrase, region or channel needed)")
        }
        return "route \"\(route)\" matched " + facts
    }

    /// `priority "P2" matched phrase "banjir"`, or `priority "P3" applies to every complaint`.
    func reason(priority: String, phrases texts: [String]) -> String {
        guard let facts = facts(phrases: texts) else {
            return "priority \"\(priority)\" "
                + (isUnconditional ? "applies to every complaint" : "matched (no phrase, region or channel needed)")
        }
        return "priority \"\(priority)\" matched " + facts
    }

    /// `phrases "jalan rusak", "berlubang" and region Kota Serang`; `nil` when nothing positive was needed.
    func facts(phrases texts: [String]) -> String? {
        var parts: [String] = []
        if !texts.isEmpty {
            let quoted = texts.map { "\"\($0)\"" }.joined(separator: ", ")
            parts.append((texts.count == 1 ? "phrase " : "phrases ") + quoted)
        }
        parts.append(contentsOf: others)
        return parts.isEmpty ? nil : parts.joined(separator: " and ")
    }
}
