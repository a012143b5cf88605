import AduanCore

extension RuleChecker {
    private static let agencyExample = "agency \"dpupr\" { name = \"Dinas Pekerjaan Umum dan Penataan Ruang\" }"

    /// Checks an `agency "id" { name, short, parent, region }` block; parents are checked once all are declared.
    mutating func checkAgency(_ block: SyntaxBlock) -> RuleSet.Agency? {
        let id = label(of: block, example: Self.agencyExample)
        let attributes = attributes(of: block, allowed: RuleVocabulary.agencyKeys)
        var name: String?
        if let attribute = required("name", in: attributes, of: block, example: "name = \"Dinas …\"") {
            name = string(attribute)
        }
        let short = attributes["short"].flatMap { string($0) }
        let parent = attributes["parent"].flatMap { string($0) }
        var region: Region?
        if let attribute = attributes["region"] {
            region = self.region(named: attribute.value)
        }
        guard let id else { return nil }
        if let first = agencyIDs[id] {
            diagnostics.append(
                .error("agency '\(id)' is declared twice", at: block.location, help: "first declared at \(first)")
            )
            return nil
        }
        agencyIDs[id] = block.location
        guard let name else { return nil }
        return RuleSet.Agency(id: id, name: name, short: short, parent: parent, region: region)
    }

    /// Reports a `parent` that names no agency or the agency itself.
    mutating func checkAgencyParents(_ blocks: [SyntaxBlock]) {
        for block in blocks {
            guard let attribute = block.attributes.first(where: { $0.key == "parent" }),
                let parent = attribute.value.string
            else { continue }
            if parent == block.labels.first {
                diagnostics.append(.error("agency '\(parent)' is its own parent", at: attribute.valueLocation))
            } else {
                checkAgencyReference(parent, at: attribute.valueLocation)
            }
        }
    }

    /// Reports an agency id that is not declared, suggesting a close one.
    mutating func checkAgencyReference(_ id: String, at location: SourceLocation) {
        guard agencyIDs[id] == nil else { return }
        diagnostics.append(
            .error(
                "unknown agency '\(id)'",
                at: location,
                help: Suggestion.didYouMean(id, among: agencyIDs.keys.sorted())
                    ?? "declare it with 'agency \"\(id)\" { name = \"…\" }'"
            )
        )
    }

    /// The Banten region a string value names; reports other values, unknown and ambiguous names.
    mutating func region(named value: SyntaxValue) -> Region? {
        if value.isInvalid { return nil }
        guard let name = value.string else {
            diagnostics.append(
                .error(
                    "a region must be a quoted name, found \(value.kindDescription)",
                    at: value.location,
                    help: "write e.g. \"Kota Serang\""
                )
            )
            return nil
        }
        if let region = Region.resolve(name) { return region }
        let candidates = Region.candidates(for: name)
        if candidates.count > 1 {
            let names = candidates.map { "\"\($0.name)\"" }.joined(separator: " or ")
            diagnostics.append(
                .error("region \"\(name)\" is ambiguous", at: value.location, help: "write \(names)")
            )
        } else {
            let help =
                candidates.first.map { "did you mean '\($0.name)'?" }
                ?? Suggestion.didYouMean(name, among: Region.banten.map(\.name))
                ?? "regions of Banten are \(Region.banten.map(\.name).joined(separator: ", "))"
            diagnostics.append(.error("unknown region \"\(name)\"", at: value.location, help: help))
        }
        return nil
    }
}
