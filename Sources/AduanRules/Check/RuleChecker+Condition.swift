import AduanCore

extension RuleChecker {
    /// Resolves a condition's lists, phrases, channels, regions, reporter kinds and named conditions; reports every
    /// problem in it.
    mutating func compile(_ condition: SyntaxCondition) -> CompiledCondition? {
        switch condition.kind {
        case .textHas(let quantifier, let listName):
            guard let index = phraseList(listName) else { return nil }
            return quantifier == .any ? .anyPhrase(list: index) : .allPhrases(list: index)
        case .textHasPhrase(let phrase):
            return phraseID(phrase).map { .phrase($0) }
        case .channelIs(let value):
            return channel(value).map { .channel($0) }
        case .regionIn(let value):
            return regionSet(value).map { .region($0) }
        case .reporterIn(let value):
            return reporterSet(value).map { .reporter($0) }
        case .always:
            return .always
        case .reference(let name):
            return namedCondition(name, at: condition.location)
        case .not(let operand):
            return compile(operand).map { .not($0) }
        case .and(let left, let right):
            let compiledLeft = compile(left)
            let compiledRight = compile(right)
            guard let compiledLeft, let compiledRight else { return nil }
            return .and(compiledLeft, compiledRight)
        case .or(let left, let right):
            let compiledLeft = compile(left)
            let compiledRight = compile(right)
            guard let compiledLeft, let compiledRight else { return nil }
            return .or(compiledLeft, compiledRight)
        }
    }

    /// The phrase-list index a list name refers to; reports unknown names and region lists.
    private mutating func phraseList(_ value: SyntaxValue) -> Int? {
        guard let name = value.identifier, let list = useList(named: name, at: value.location) else { return nil }
        switch list.content {
        case .phrases(let index):
            return index
        case .regions, .reporters:
            diagnostics.append(
                .error(
                    "list '\(name)' holds \(list.content.noun), not phrases",
                    at: value.location,
                    help: "use it as '\(list.content.usage(of: name))'"
                )
            )
            return nil
        case .invalid:
            return nil
        }
    }

    /// The regions of `region in <list>` or `region in ["…", …]`.
    private mutating func regionSet(_ value: SyntaxValue) -> [Region]? {
        if let items = value.list {
            return regions(items)
        }
        guard let name = value.identifier else {
            diagnostics.append(
                .error(
                    "'region in' needs a list name or [\"…\"], found \(value.kindDescription)",
                    at: value.location,
                    help: value.string.map { "write 'region in [\"\($0)\"]'" }
                )
            )
            return nil
        }
        guard let list = useList(named: name, at: value.location) else { return nil }
        switch list.content {
        case .regions(let regions):
            return regions
        case .phrases, .reporters:
            diagnostics.append(
                .error(
                    "list '\(name)' holds \(list.content.noun), not regions",
                    at: value.location,
                    help: "'region in' needs a list with 'regions = [...]'; use this one as "
                        + "'\(list.content.usage(of: name))'"
                )
            )
            return nil
        case .invalid:
            return nil
        }
    }

    /// The normalised reporter kinds of `reporter in <list>` or `reporter in ["…", …]`.
    private mutating func reporterSet(_ value: SyntaxValue) -> [String]? {
        if let items = value.list {
            if items.isEmpty {
                diagnostics.append(.error("'reporter in' has an empty list", at: value.location))
                return nil
            }
            return reporterKinds(items)
        }
        guard let name = value.identifier else {
            diagnostics.append(
                .error(
                    "'reporter in' needs a list name or [\"…\"], found \(value.kindDescription)",
                    at: value.location,
                    help: value.string.map { "write 'reporter in [\"\($0)\"]'" }
                )
            )
            return nil
        }
        guard let list = useList(named: name, at: value.location) else { return nil }
        switch list.content {
        case .reporters(let kinds):
            return kinds
        case .phrases, .regions:
            diagnostics.append(
                .error(
                    "list '\(name)' holds \(list.content.noun), not reporter kinds",
                    at: value.location,
                    help: "'reporter in' needs a list with 'reporters = [...]'; use this one as "
                        + "'\(list.content.usage(of: name))'"
                )
            )
            return nil
        case .invalid:
            return nil
        }
    }

    /// The list named `name`, marked as used; reports an unknown name.
    private mutating func useList(named name: String, at location: SourceLocation) -> CheckedList? {
        guard var list = lists[name] else {
            diagnostics.append(
                .error(
                    "unknown list '\(name)'",
                    at: location,
                    help: Suggestion.didYouMean(name, among: listOrder)
                        ?? "declare it with 'list \"\(name)\" { phrases = [\"…\"] }'"
                )
            )
            return nil
        }
        list.isUsed = true
        lists[name] = list
        return list
    }

    private mutating func channel(_ value: SyntaxValue) -> Channel? {
        guard let name = value.string else {
            diagnostics.append(
                .error(
                    "a channel must be quoted, found \(value.kindDescription)",
                    at: value.location,
                    help: value.identifier.map { "write 'channel is \"\($0)\"'" }
                )
            )
            return nil
        }
        if let channel = Channel(rawValue: name) { return channel }
        diagnostics.append(
            .error(
                "unknown channel \"\(name)\"",
                at: value.location,
                help: Suggestion.didYouMean(name, among: Channel.allCases.map(\.rawValue))
                    ?? "channels are \(Channel.acceptedNames)"
            )
        )
        return nil
    }
}
