extension RuleChecker {
    /// Checks `route` and `otherwise` blocks in load order; `otherwise` must come once, after every route.
    mutating func checkRoutes(_ blocks: [SyntaxBlock], lastPath: String) -> [CompiledRoute] {
        var routes: [CompiledRoute] = []
        var located: [LocatedRoute] = []
        var labels: [String: SourceLocation] = [:]
        var otherwise: (block: SyntaxBlock, route: CompiledRoute?)?
        for block in blocks {
            if block.kind == RuleVocabulary.otherwise {
                let route = checkOtherwise(block)
                if let first = otherwise {
                    diagnostics.append(
                        .error(
                            "a second 'otherwise'",
                            at: block.location,
                            help: "the first is at \(first.block.location); keep one, at the end of the last file"
                        )
                    )
                } else {
                    otherwise = (block, route)
                }
                continue
            }
            let route = checkRoute(block, labels: &labels)
            if let first = otherwise {
                diagnostics.append(
                    .error(
                        "\(describe(block)) comes after 'otherwise' and can never match",
                        at: block.location,
                        help: "move 'otherwise' (\(first.block.location)) to the end; files load in name order"
                    )
                )
            }
            if let route {
                routes.append(route)
                located.append(LocatedRoute(route: route, location: block.location))
            }
        }
        reportShadowedRoutes(located)
        reportPhrasesOfTwoAgencies(located)
        guard let otherwise else {
            diagnostics.append(
                .error(
                    "the rules have no 'otherwise'",
                    at: .wholeFile(lastPath),
                    help: "add 'otherwise { to = \"agency-id\" }' at the end of the last file"
                )
            )
            return routes
        }
        if let route = otherwise.route { routes.append(route) }
        return routes
    }

    private mutating func checkRoute(_ block: SyntaxBlock, labels: inout [String: SourceLocation]) -> CompiledRoute? {
        var label = self.label(of: block, example: "route \"Jalan rusak\" { when = …, to = \"dpupr\" }")
        if label == RuleVocabulary.otherwise {
            diagnostics.append(
                .error(
                    "the route label 'otherwise' is reserved",
                    at: block.labelLocations[0],
                    help: "write an 'otherwise { to = … }' block, or choose another label"
                )
            )
            label = nil
        }
        if let name = label, !declare(name, at: block.location, in: &labels) {
            label = nil
        }
        let attributes = attributes(of: block, allowed: RuleVocabulary.routeKeys)
        var condition: CompiledCondition?
        if let attribute = required("when", in: attributes, of: block, example: "when = text has any <list>") {
            condition = self.condition(of: attribute)
        }
        let agency = destination(attributes, of: block)
        let cc = carbonCopies(attributes["cc"], to: agency)
        let verify = verifyMode(attributes["verify"])
        let priority = forcedPriority(attributes["priority"])
        guard let label, let condition, let agency, let cc, let verify, let priority else { return nil }
        return CompiledRoute(
            label: label,
            condition: condition,
            agency: agency,
            cc: cc,
            verify: verify,
            priority: priority
        )
    }

    private mutating func checkOtherwise(_ block: SyntaxBlock) -> CompiledRoute? {
        if !block.labels.isEmpty {
            diagnostics.append(
                .error(
                    "'otherwise' takes no label",
                    at: block.labelLocations[0],
                    help: "write 'otherwise { to = \"agency-id\" }'"
                )
            )
        }
        let attributes = attributes(of: block, allowed: RuleVocabulary.otherwiseKeys)
        let agency = destination(attributes, of: block)
        let cc = carbonCopies(attributes["cc"], to: agency)
        let verify = verifyMode(attributes["verify"])
        let priority = forcedPriority(attributes["priority"])
        guard let agency, let cc, let verify, let priority else { return nil }
        return CompiledRoute(
            label: RuleVocabulary.otherwise,
            condition: .always,
            agency: agency,
            cc: cc,
            verify: verify,
            priority: priority
        )
    }

    /// The condition of a `when` attribute; reports other values and every problem in the condition.
    mutating func condition(of attribute: SyntaxAttribute) -> CompiledCondition? {
        guard case .condition(let condition) = attribute.value.kind else {
            if !attribute.value.isInvalid {
                diagnostics.append(
                    .error(
                        "'when' must be a condition, found \(attribute.value.kindDescription)",
                        at: attribute.valueLocation,
                        help: "write e.g. 'when = text has any <list>'"
                    )
                )
            }
            return nil
        }
        return compile(condition)
    }

    /// The agency id of `to`; reports a missing key, a non-string and an unknown agency.
    private mutating func destination(_ attributes: [String: SyntaxAttribute], of block: SyntaxBlock) -> String? {
        guard let attribute = required("to", in: attributes, of: block, example: "to = \"agency-id\""),
            let agency = string(attribute)
        else { return nil }
        checkAgencyReference(agency, at: attribute.valueLocation)
        return agencyIDs[agency] == nil ? nil : agency
    }

    /// The agency ids of `cc = ["…", …]`, `[]` when absent; reports other values, unknown agencies, repeats and the
    /// route's own `to`.
    private mutating func carbonCopies(_ attribute: SyntaxAttribute?, to agency: String?) -> [String]? {
        guard let attribute else { return [] }
        if attribute.value.isInvalid { return nil }
        guard let items = attribute.value.list else {
            diagnostics.append(
                .error(
                    "'cc' must be a list of agency ids, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation,
                    help: "write cc = [\"\(attribute.value.string ?? "agency-id")\"]"
                )
            )
            return nil
        }
        if items.isEmpty {
            diagnostics.append(.warning("'cc' is empty", at: attribute.valueLocation, help: "remove it"))
        }
        var ids: [String] = []
        var isValid = true
        for item in items {
            guard let id = item.string else {
                diagnostics.append(
                    .error(
                        "an agency id must be a quoted string, found \(item.kindDescription)",
                        at: item.location,
                        help: item.identifier.map { "write \"\($0)\"" }
                    )
                )
                isValid = false
                continue
            }
            guard agencyIDs[id] != nil else {
                checkAgencyReference(id, at: item.location)
                isValid = false
                continue
            }
            if id == agency {
                diagnostics.append(
                    .warning(
                        "agency '\(id)' is already the 'to' of this route",
                        at: item.location,
                        help: "remove it from 'cc'"
                    )
                )
            } else if ids.contains(id) {
                diagnostics.append(.warning("agency '\(id)' is in 'cc' twice", at: item.location, help: "remove one"))
            } else {
                ids.append(id)
            }
        }
        return isValid ? ids : nil
    }

    /// The priority a route sets with `priority = "P1"`: `.some(nil)` when it sets none, `nil` after an error.
    private mutating func forcedPriority(_ attribute: SyntaxAttribute?) -> String?? {
        guard let attribute else { return .some(nil) }
        guard let name = string(attribute), referencePriority(name, at: attribute.valueLocation) else { return nil }
        return name
    }

    /// `verify = auto|manual`, `auto` when absent.
    private mutating func verifyMode(_ attribute: SyntaxAttribute?) -> VerifyMode? {
        guard let attribute else { return .auto }
        if attribute.value.isInvalid { return nil }
        let word = attribute.value.identifier ?? attribute.value.string
        if let word, let mode = VerifyMode(rawValue: word), attribute.value.identifier != nil {
            return mode
        }
        let help =
            word.flatMap { word in
                VerifyMode(rawValue: word) != nil
                    ? "write 'verify = \(word)' without quotes"
                    : Suggestion.didYouMean(word, among: VerifyMode.allCases.map(\.rawValue))
            } ?? "write 'verify = auto' or 'verify = manual'"
        diagnostics.append(
            .error(
                "'verify' must be auto or manual, found \(attribute.value.kindDescription)",
                at: attribute.valueLocation,
                help: help
            )
        )
        return nil
    }

    /// Records the route label `name` as declared at `location`; reports a second use and returns false.
    private mutating func declare(
        _ name: String,
        at location: SourceLocation,
        in declared: inout [String: SourceLocation]
    ) -> Bool {
        if let first = declared[name] {
            diagnostics.append(
                .error("route '\(name)' is declared twice", at: location, help: "first declared at \(first)")
            )
            return false
        }
        declared[name] = location
        return true
    }
}
