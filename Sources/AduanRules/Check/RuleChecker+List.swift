import AduanCore

extension RuleChecker {
    /// Checks a `list "name" { phrases = … }`, `{ regions = … }` or `{ reporters = … }` block and declares it.
    mutating func checkList(_ block: SyntaxBlock) {
        let name = label(of: block, example: "list \"jalan-rusak\" { phrases = [\"jalan rusak\", \"berlubang\"] }")
        let attributes = attributes(of: block, allowed: RuleVocabulary.listKeys)
        // Keyed by the list key, since a misspelt key (`phrase`) stands for the one it resembles.
        let present = RuleVocabulary.listKeys.compactMap { key in attributes[key].map { (key: key, attribute: $0) } }
            .sorted { $0.attribute.location < $1.attribute.location }
        var content = CheckedList.Content.invalid
        var phraseLocations: [Int: SourceLocation] = [:]
        switch present.first {
        case let first? where present.count > 1:
            diagnostics.append(
                .error(
                    "a list holds one kind of entry: '\(first.key)' and '\(present[1].key)' are both set",
                    at: present[1].attribute.location,
                    help: "make a second list for the \(present[1].key)"
                )
            )
        case let (key, attribute)?:
            guard let items = items(of: attribute, key: key, in: block) else { break }
            switch key {
            case "phrases":
                (content, phraseLocations) = phraseContent(items)
            case "regions":
                content = regions(items).map { .regions($0) } ?? .invalid
            default:
                content = reporterKinds(items).map { .reporters($0) } ?? .invalid
            }
        case nil:
            if block.attributes.isEmpty {
                diagnostics.append(
                    .error(
                        "\(describe(block)) has no 'phrases', 'regions' or 'reporters'",
                        at: block.location,
                        help: "add 'phrases = [\"…\"]', 'regions = [\"Kota Serang\"]' or 'reporters = [\"lansia\"]'"
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
        lists[name] = CheckedList(location: block.location, content: content, phraseLocations: phraseLocations)
        listOrder.append(name)
    }

    /// Whether `name` lexes as one identifier, so that `text has any <name>` can refer to it.
    static func isReferenceable(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first == "_" || first.properties.isAlphabetic else {
            return false
        }
        return name.unicodeScalars.allSatisfy { scalar in
            scalar == "_" || scalar == "-" || scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
        }
    }

    /// The items of a list value, `[…]` or `file("…")`, with the entries of files in a list spliced in; reports
    /// other values and empty lists.
    ///
    /// - Parameters:
    ///   - key: The list key the attribute stands for (`phrases`), also when it is misspelt.
    private mutating func items(
        of attribute: SyntaxAttribute,
        key: String,
        in block: SyntaxBlock
    ) -> [SyntaxValue]? {
        switch attribute.value.kind {
        case .invalid:
            return nil
        case .list(let items) where items.isEmpty:
            diagnostics.append(.error("'\(attribute.key)' is empty", at: attribute.valueLocation))
            return nil
        case .list(let items):
            var expanded: [SyntaxValue] = []
            var isValid = true
            for item in items {
                guard case .call(name: "file", _) = item.kind else {
                    expanded.append(item)
                    continue
                }
                if let entries = listFileEntries(item, key: key, of: block) {
                    expanded += entries
                } else {
                    isValid = false
                }
            }
            return isValid ? expanded : nil
        case .call(name: "file", _):
            return listFileEntries(attribute.value, key: key, of: block)
        default:
            diagnostics.append(
                .error(
                    "'\(attribute.key)' must be a list, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation,
                    help: "write \(attribute.key) = [\"…\", \"…\"] or \(attribute.key) = file(\"\(attribute.key).csv\")"
                )
            )
            return nil
        }
    }

    /// The phrases of a list, and where each distinct phrase is first written.
    private mutating func phraseContent(
        _ items: [SyntaxValue]
    ) -> (content: CheckedList.Content, locations: [Int: SourceLocation]) {
        var ids: [Int] = []
        var isValid = true
        var firstByPhrase: [Int: SourceLocation] = [:]
        for item in items {
            guard let id = phraseID(item) else {
                isValid = false
                continue
            }
            if let first = firstByPhrase[id] {
                let place = first.path == item.location.path ? "line \(first.line)" : "\(first)"
                diagnostics.append(
                    .warning(
                        "phrase \"\(item.string ?? "")\" repeats the phrase at \(place)",
                        at: item.location,
                        help: "phrases are compared after normalisation (lowercase, abbreviations expanded)"
                    )
                )
            } else {
                firstByPhrase[id] = item.location
                ids.append(id)
            }
        }
        guard isValid else { return (.invalid, [:]) }
        phraseLists.append(ids)
        return (.phrases(index: phraseLists.count - 1), firstByPhrase)
    }

    /// The reporter kinds of items, normalised, without repeats; `nil` when any item is not a non-empty string.
    mutating func reporterKinds(_ items: [SyntaxValue]) -> [String]? {
        var kinds: [String] = []
        var isValid = true
        for item in items {
            guard let text = item.string, !RouteEvaluation.normalizedReporterKind(text).isEmpty else {
                diagnostics.append(
                    .error(
                        "a reporter kind must be a non-empty quoted string, found \(item.kindDescription)",
                        at: item.location,
                        help: item.identifier.map { "write \"\($0)\"" } ?? "write e.g. \"lansia\""
                    )
                )
                isValid = false
                continue
            }
            let kind = RouteEvaluation.normalizedReporterKind(text)
            if kinds.contains(kind) {
                diagnostics.append(
                    .warning(
                        "reporter kind \"\(text)\" is listed twice",
                        at: item.location,
                        help: "reporter kinds are compared without case and surrounding spaces"
                    )
                )
            } else {
                kinds.append(kind)
            }
        }
        return isValid ? kinds : nil
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
