import AduanCore

extension RouteEvaluation {
    /// The phrases of `condition` found in the complaint, in the order the condition names them, negated parts
    /// included: everything in the complaint the condition looked at.
    func foundPhrases(in condition: CompiledCondition) -> [Int] {
        var phrases: [Int] = []
        func add(_ phrase: Int) {
            if found.contains(phrase) && !phrases.contains(phrase) { phrases.append(phrase) }
        }
        func visit(_ condition: CompiledCondition) {
            switch condition {
            case .anyPhrase(let list), .allPhrases(let list): phraseLists[list].forEach(add)
            case .phrase(let phrase): add(phrase)
            case .channel, .region, .reporter, .always: break
            case .not(let operand): visit(operand)
            case .and(let left, let right), .or(let left, let right):
                visit(left)
                visit(right)
            }
        }
        visit(condition)
        return phrases
    }

    /// What made a satisfied `condition` hold: `phrases "banjir", "tanggul jebol" and region Kota Serang`.
    func whyHolds(_ condition: CompiledCondition, in ruleSet: RuleSet) -> String {
        var evidence = RouteEvidence()
        collect(condition, into: &evidence)
        let phrases = evidence.phrases.map { ruleSet.phraseTexts[$0] }
        return evidence.facts(phrases: phrases)
            ?? (evidence.isUnconditional ? "always" : "no phrase, region or channel needed")
    }

    /// Briefly why an unsatisfied `condition` does not hold: the first failing part of an `and`, both parts of an
    /// `or`.
    func whyNot(_ condition: CompiledCondition, in ruleSet: RuleSet) -> String {
        switch condition {
        case .anyPhrase(let list):
            return "no phrase of list '\(ruleSet.phraseListNames[list])'"
        case .allPhrases(let list):
            let missing = phraseLists[list].filter { !found.contains($0) }.map { "\"\(ruleSet.phraseTexts[$0])\"" }
            return
                "list '\(ruleSet.phraseListNames[list])' needs every phrase; missing \(missing.joined(separator: ", "))"
        case .phrase(let phrase):
            return "no phrase \"\(ruleSet.phraseTexts[phrase])\""
        case .channel(let expected):
            return "channel is \(channel.rawValue), not \(expected.rawValue)"
        case .region(let regions):
            let names = regions.map(\.name).joined(separator: ", ")
            return region.map { "region \($0.name) is not one of \(names)" } ?? "no known region; needs one of \(names)"
        case .reporter(let kinds):
            let names = kinds.joined(separator: ", ")
            return reporterKind.map { "reporter kind \($0) is not one of \(names)" }
                ?? "no reporter kind; needs one of \(names)"
        case .always:
            preconditionFailure("'always' always holds")
        case .not(let operand):
            return "excluded by " + whyHolds(operand, in: ruleSet)
        case .and(let left, let right):
            return isSatisfied(left) ? whyNot(right, in: ruleSet) : whyNot(left, in: ruleSet)
        case .or(let left, let right):
            return whyNot(left, in: ruleSet) + "; " + whyNot(right, in: ruleSet)
        }
    }
}
