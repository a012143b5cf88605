import AduanCore

extension RuleChecker {
    /// Checks a `list "name" { phrases = [...] }` or `list "name" { regions = [...] }` block and declares it.
    mutating func checkList(_ block: SyntaxBlock) {
        let name = label(of: block, example: "list \"jalan-rusak\" { phrases = [\"jalan rusak\", \"berlubang\"] }")
        let attributes = attributes(of: block, allowed: RuleVocabulary.listKeys)
        var content = CheckedList.Content.invalid
        switch (attributes["phrases"], attributes["regions"]) {
        case (let phrases?, nil):
            if let items = items(of: phrases) {
                content = phraseContent(items)
            }
        case (nil, let regions?):
            if let items = items(of: regions), let regions = self.regions(items) {
                content = .regions(regions)
            }
        case (_?, let regions?):
            diagnostics.append(
                .error(
                    "a list holds either phrases or regions, not both",
                    at: regions.location,
                    help: "make a second list for the regions"
                )
            )
        case (nil, nil):
            if block.attributes.isEmpty {
                diagnostics.append(
                    .error(
                        "\(describe(block)) has neither 'phrases' nor 'regions'",
                        at: block.location,
                        help: "add 'phrases = [\"…\"]' or 'regions = [\"Kota Serang\"]'"
                    )
                )
            }
        }
        guard let name else { return }
        if !Self.isReferenceable(name) {
            diagnostics.append(
                .error(
                    "list name '\(name)' cannot be written in a condition",
                    at: block.labelLocations[0],
                    help: "use letters, digits, '_' and '-', starting with a letter, e.g. \"jalan-rusak\""
                )
            )
        }
        if let first = lists[name] {
            diagnostics.append(
                .error(
                    "list '\(name)' is declared twice",
                    at: block.location,
                    help: "first declared at \(first.location)"
                )
            )
            return
        }
        lists[name] = CheckedList(location: block.location, content: content)
        listOrder.append(name)
    }

    /// Whether `name` lexes as one identifier, so that `text has any <name>` can refer to it.
    private static func isReferenceable(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
    }

    /// The items of a list value; reports other values, `file(…)` and empty lists.
    private mutating func items(of attribute: SyntaxAttribute) -> [SyntaxValue]? {
        switch attribute.value.kind {
        case .invalid:
            return nil
        case .list(let items) where items.isEmpty:
            diagnostics.append(.error("'\(attribute.key)' is empty", at: attribute.valueLocation))
            return nil
        case .list(let items):
            return items
        case .call(name: "file", _):
            diagnostics.append(
                .error(
                    "file(…) lists are not supported yet",
                    at: attribute.valueLocation,
                    help: "write the items inline: \(attribute.key) = [\"…\", \"…\"]"
                )
            )
            return nil
        default:
            diagnostics.append(
                .error(
                    "'\(attribute.key)' must be a list, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation,
                    help: "write \(attribute.key) = [\"…\", \"…\"]"
                )
            )
            return nil
        }
    }

    private mutating func phraseContent(_ items: [SyntaxValue]) -> CheckedList.Content {
        var ids: [Int] = []
        var isValid = true
        var firstByPhrase: [Int: SourceLocation] = [:]
        for item in items {
            guard let id = phraseID(item) else {
                isValid = false
                continue
            }
            if let first = firstByPhrase[id] {
                diagnostics.append(
                    .warning(
                        "phrase \"\(item.string ?? "")\" repeats the phrase at line \(first.line)",
                        at: item.location,
                        help: "phrases are compared after normalisation (lowercase, abbreviations expanded)"
                    )
                )
            } else {
                firstByPhrase[id] = item.location
                ids.append(id)
            }
        }
        guard isValid else { return .invalid }
        phraseLists.append(ids)
        return .phrases(index: phraseLists.count - 1)
    }

    /// The id of a phrase value, normalised like complaint text; reports non-strings and phrases without words.
    mutating func phraseID(_ value: SyntaxValue) -> Int? {
        guard let text = value.string else {
            diagnostics.append(
                .error(
                    "a phrase must be a quoted string, found \(value.kindDescription)",
                    at: value.location,
                    help: value.identifier.map { "write \"\($0)\"" }
                )
            )
            return nil
        }
        let words = normalizer.words(in: text)
        guard !words.isEmpty else {
            diagnostics.append(
                .error(
                    "phrase \"\(text)\" has no words",
                    at: value.location,
                    help: "phrases match letters and digits; punctuation is ignored"
                )
            )
            return nil
        }
        return catalog.id(for: words)
    }

    /// The regions that region-name items name, without repeats; `nil` when any name has an error.
    mutating func regions(_ items: [SyntaxValue]) -> [Region]? {
        var regions: [Region] = []
        var isValid = true
        for item in items {
            guard let region = region(named: item) else {
                isValid = false
                continue
            }
            if regions.contains(region) {
                diagnostics.append(.warning("region \"\(region.name)\" is listed twice", at: item.location))
            } else {
                regions.append(region)
            }
        }
        return isValid ? regions : nil
    }
}
