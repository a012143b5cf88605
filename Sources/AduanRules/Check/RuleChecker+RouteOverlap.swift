extension RuleChecker {
    /// Warns about each route that an earlier route always takes first: the earlier one has `always`, the same
    /// condition, or a condition whose `and` parts are a subset of the later one's.
    ///
    /// The comparison is syntactic, after names are resolved: `a and b` contains `a`, but `a or b` is not compared
    /// with `a`. Defines are compared by what they stand for.
    mutating func reportShadowedRoutes(_ routes: [LocatedRoute]) {
        let conjunctSets = routes.map { Self.conjuncts(of: $0.route.condition) }
        for (index, later) in routes.enumerated() {
            guard let earlierIndex = conjunctSets[..<index].firstIndex(where: { $0.isSubset(of: conjunctSets[index]) })
            else { continue }
            let earlier = routes[earlierIndex]
            let reason =
                if conjunctSets[earlierIndex].isEmpty {
                    "matches every complaint"
                } else if conjunctSets[earlierIndex] == conjunctSets[index] {
                    "has the same condition"
                } else {
                    "needs only part of its condition"
                }
            diagnostics.append(
                .warning(
                    "route \"\(later.route.label)\" can never match: route \"\(earlier.route.label)\" before it "
                        + reason,
                    at: later.location,
                    help: "\"\(earlier.route.label)\" is at \(earlier.location); move \"\(later.route.label)\" "
                        + "before it, or remove it"
                )
            )
        }
    }

    /// The parts of an `and` chain, without `always` (so `always` alone has none).
    private static func conjuncts(of condition: CompiledCondition) -> Set<CompiledCondition> {
        switch condition {
        case .and(let left, let right): conjuncts(of: left).union(conjuncts(of: right))
        case .always: []
        default: [condition]
        }
    }

    /// Warns about a phrase that is in the lists of routes to two different agencies: the earlier route takes every
    /// complaint with it, which is rarely what the later list's author meant.
    ///
    /// Only phrases of different lists count: one list used by routes to several agencies (say, a region-specific
    /// route before the general one) is deliberate. Negated parts (`not text has any …`) do not count.
    mutating func reportPhrasesOfTwoAgencies(_ routes: [LocatedRoute]) {
        var listsByIndex: [Int: (name: String, list: CheckedList)] = [:]
        for (name, list) in lists {
            if case .phrases(let index) = list.content { listsByIndex[index] = (name, list) }
        }
        // For each phrase, the first route that reaches it through each list, in route order.
        var uses: [Int: [(route: CompiledRoute, list: Int)]] = [:]
        var reported: Set<[Int]> = []
        for located in routes {
            let route = located.route
            for list in Self.positivePhraseLists(in: route.condition) {
                for phrase in phraseLists[list] {
                    let earlierUses = uses[phrase] ?? []
                    if !earlierUses.contains(where: { $0.list == list }) {
                        uses[phrase, default: []].append((route, list))
                    }
                    guard
                        let earlier = earlierUses.first(where: { $0.list != list && $0.route.agency != route.agency }),
                        reported.insert([phrase, earlier.list, list]).inserted,
                        let earlierList = listsByIndex[earlier.list], let laterList = listsByIndex[list],
                        let location = laterList.list.phraseLocations[phrase]
                    else { continue }
                    let words = catalog.phrases[phrase].joined(separator: " ")
                    diagnostics.append(
                        .warning(
                            "phrase \"\(words)\" leads to two agencies: route \"\(earlier.route.label)\" (list "
                                + "'\(earlierList.name)', to \"\(earlier.route.agency)\") and route \"\(route.label)\" "
                                + "(list '\(laterList.name)', to \"\(route.agency)\")",
                            at: location,
                            help: "\"\(earlier.route.label)\" comes first and takes every complaint with this phrase; "
                                + "keep the phrase in the lists of one agency"
                        )
                    )
                }
            }
        }
    }

    /// The phrase lists a condition uses outside `not`, in order, without repeats.
    private static func positivePhraseLists(in condition: CompiledCondition) -> [Int] {
        var found: [Int] = []
        func visit(_ condition: CompiledCondition) {
            switch condition {
            case .anyPhrase(let list), .allPhrases(let list):
                if !found.contains(list) { found.append(list) }
            case .and(let left, let right), .or(let left, let right):
                visit(left)
                visit(right)
            case .phrase, .channel, .region, .reporter, .always, .not:
                break
            }
        }
        visit(condition)
        return found
    }
}
