import AduanCore
import Foundation

extension RuleChecker {
    private static let testExample =
        "test \"Jalan berlubang\" { complaint { text = \"…\" } expect { route = \"…\", to = \"agency-id\" } }"
    private static let complaint = "complaint"
    private static let expect = "expect"
    private static let complaintKeys = ["text", "title", "region", "channel", "received"]
    private static let expectKeys = ["route", "to", "priority", "respond_by"]
    /// The word for "no priority" and "no respond deadline" in an `expect` block.
    private static let none = "none"
    private static let timeExample = "\"2026-03-17T10:00:00+07:00\""

    /// Checks `test` blocks against the declared agencies, priorities and routes (`routes` holds the `route` and
    /// `otherwise` blocks); a test is compiled only when it has no error.
    mutating func checkTests(_ blocks: [SyntaxBlock], routes: [SyntaxBlock]) -> [RuleTest] {
        let routeLabels =
            routes.filter { $0.kind == RuleVocabulary.route }.compactMap(\.labels.first) + [RuleVocabulary.otherwise]
        var declared: [String: SourceLocation] = [:]
        var tests: [RuleTest] = []
        for block in blocks {
            var label = self.label(of: block, example: Self.testExample)
            if let name = label {
                if let first = declared[name] {
                    diagnostics.append(
                        .error(
                            "test '\(name)' is declared twice",
                            at: block.location,
                            help: "first declared at \(first)"
                        )
                    )
                    label = nil
                } else {
                    declared[name] = block.location
                }
            }
            let (complaintBlock, expectBlock) = testParts(of: block)
            let complaint = complaintBlock.flatMap { testComplaint($0) }
            // Without a checked complaint there is nothing to plan from, and its errors are reported already.
            let hasReceivedTime = complaint.map { $0.receivedAt != nil } ?? true
            let expectations = expectBlock.flatMap {
                testExpectations($0, routeLabels: routeLabels, hasReceivedTime: hasReceivedTime)
            }
            guard let label, let complaint, let expectations else { continue }
            tests.append(
                RuleTest(
                    label: label,
                    location: block.location,
                    input: complaint.input,
                    receivedAt: complaint.receivedAt,
                    expectations: expectations
                )
            )
        }
        return tests
    }

    /// The test's `complaint` and `expect` blocks; reports attributes outside them, other blocks, repeats and
    /// missing ones.
    private mutating func testParts(of block: SyntaxBlock) -> (complaint: SyntaxBlock?, expect: SyntaxBlock?) {
        for attribute in block.attributes where !attribute.value.isInvalid {
            let part = Self.expectKeys.contains(attribute.key) ? Self.expect : Self.complaint
            diagnostics.append(
                .error(
                    "'\(attribute.key)' cannot be set on \(describe(block)) itself",
                    at: attribute.location,
                    help: "put it in its \(part) { … } block"
                )
            )
        }
        var parts: [String: SyntaxBlock] = [:]
        for nested in block.blocks {
            guard nested.kind == Self.complaint || nested.kind == Self.expect else {
                diagnostics.append(
                    .error(
                        "unknown block '\(nested.kind)' in \(describe(block))",
                        at: nested.location,
                        help: Suggestion.didYouMean(nested.kind, among: [Self.complaint, Self.expect])
                            ?? "a test holds one complaint { … } and one expect { … } block"
                    )
                )
                continue
            }
            if let labelLocation = nested.labelLocations.first {
                diagnostics.append(
                    .error(
                        "'\(nested.kind)' takes no label",
                        at: labelLocation,
                        help: "write '\(nested.kind) { key = value, … }'"
                    )
                )
            }
            if let first = parts[nested.kind] {
                diagnostics.append(
                    .error(
                        "a second '\(nested.kind)' block in \(describe(block))",
                        at: nested.location,
                        help: "the first is at line \(first.location.line); keep one"
                    )
                )
            } else {
                parts[nested.kind] = nested
            }
        }
        if parts[Self.complaint] == nil {
            diagnostics.append(
                .error(
                    "\(describe(block)) has no 'complaint' block",
                    at: block.location,
                    help: "add 'complaint { text = \"…\", region = \"Kota Serang\" }'"
                )
            )
        }
        if parts[Self.expect] == nil {
            diagnostics.append(
                .error(
                    "\(describe(block)) has no 'expect' block",
                    at: block.location,
                    help: "add 'expect { route = \"…\", to = \"agency-id\" }'"
                )
            )
        }
        return (parts[Self.complaint], parts[Self.expect])
    }

    /// The complaint of `complaint { text, title, region, channel, received }`; `nil` after an error.
    private mutating func testComplaint(_ block: SyntaxBlock) -> (input: RoutingInput, receivedAt: Date?)? {
        let attributes = attributes(of: block, allowed: Self.complaintKeys)
        var isValid = true
        var text: String?
        if let attribute = required("text", in: attributes, of: block, example: "text = \"Jalan berlubang di …\"") {
            text = string(attribute)
            if let written = text, written.allSatisfy(\.isWhitespace) {
                diagnostics.append(.error("'text' is empty", at: attribute.valueLocation, help: "write the complaint"))
                text = nil
            }
        }
        var title: String?
        if let attribute = attributes["title"] {
            title = string(attribute)
            isValid = isValid && title != nil
        }
        var region: Region?
        if let attribute = attributes["region"] {
            region = self.region(named: attribute.value)
            isValid = isValid && region != nil
        }
        var channel = Channel.other
        if let attribute = attributes["channel"] {
            let named = testChannel(attribute)
            channel = named ?? .other
            isValid = isValid && named != nil
        }
        var receivedAt: Date?
        if let attribute = attributes["received"] {
            receivedAt = time(attribute)
            isValid = isValid && receivedAt != nil
        }
        guard isValid, let text else { return nil }
        return (RoutingInput(text: text, title: title, channel: channel, region: region), receivedAt)
    }

    /// The expectations of `expect { route, to, priority, respond_by }`; `nil` after an error.
    private mutating func testExpectations(
        _ block: SyntaxBlock,
        routeLabels: [String],
        hasReceivedTime: Bool
    ) -> [RuleTestExpectation]? {
        let attributes = attributes(of: block, allowed: Self.expectKeys)
        if block.attributes.isEmpty {
            diagnostics.append(
                .error(
                    "'expect' is empty",
                    at: block.location,
                    help: "expect at least one of \(Self.expectKeys.joined(separator: ", "))"
                )
            )
            return nil
        }
        var isValid = true
        var expectations: [RuleTestExpectation] = []
        func add(_ expectation: RuleTestExpectation?) {
            if let expectation { expectations.append(expectation) } else { isValid = false }
        }
        if let attribute = attributes["route"] {
            add(expectedRoute(attribute, labels: routeLabels).map { .route($0) })
        }
        if let attribute = attributes["to"] {
            add(expectedAgency(attribute).map { .agency($0) })
        }
        if let attribute = attributes["priority"] {
            add(expectedPriority(attribute).map { .priority($0) })
        }
        if let attribute = attributes["respond_by"] {
            if !hasReceivedTime {
                diagnostics.append(
                    .error(
                        "'respond_by' needs the complaint's 'received' time",
                        at: attribute.location,
                        help: "add 'received = \(Self.timeExample)' to the complaint block"
                    )
                )
            }
            add(hasReceivedTime ? expectedRespondBy(attribute) : nil)
        }
        return isValid && !expectations.isEmpty ? expectations : nil
    }

    private mutating func expectedRoute(_ attribute: SyntaxAttribute, labels: [String]) -> String? {
        guard let label = string(attribute) else { return nil }
        guard labels.contains(label) else {
            diagnostics.append(
                .error(
                    "unknown route '\(label)'",
                    at: attribute.valueLocation,
                    help: Suggestion.didYouMean(label, among: labels)
                        ?? "write the label of a route, or \"\(RuleVocabulary.otherwise)\""
                )
            )
            return nil
        }
        return label
    }

    private mutating func expectedAgency(_ attribute: SyntaxAttribute) -> String? {
        guard let agency = string(attribute) else { return nil }
        checkAgencyReference(agency, at: attribute.valueLocation)
        return agencyIDs[agency] == nil ? nil : agency
    }

    /// `"P2"`, or `none` (`.some(nil)`); `nil` after an error.
    private mutating func expectedPriority(_ attribute: SyntaxAttribute) -> String?? {
        if attribute.value.identifier == Self.none { return .some(nil) }
        guard let name = noneOrString(attribute, example: "priority = \"P2\"") else { return nil }
        guard priorityNames[name] != nil else {
            diagnostics.append(
                .error(
                    "unknown priority '\(name)'",
                    at: attribute.valueLocation,
                    help: Suggestion.didYouMean(name, among: priorityNames.keys.sorted())
                        ?? "declare it with 'priority \"\(name)\" { … }', or write 'priority = none'"
                )
            )
            return nil
        }
        return name
    }

    private mutating func expectedRespondBy(_ attribute: SyntaxAttribute) -> RuleTestExpectation? {
        if attribute.value.identifier == Self.none { return .respondBy(nil, written: Self.none) }
        guard noneOrString(attribute, example: "respond_by = \(Self.timeExample)") != nil,
            let date = time(attribute), let written = attribute.value.string
        else { return nil }
        return .respondBy(date, written: written)
    }

    /// The string value of a key that also takes the word `none`; reports any other value.
    private mutating func noneOrString(_ attribute: SyntaxAttribute, example: String) -> String? {
        if let text = attribute.value.string { return text }
        if !attribute.value.isInvalid {
            diagnostics.append(
                .error(
                    "'\(attribute.key)' must be a string or none, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation,
                    help: "write '\(example)' or '\(attribute.key) = none'"
                )
            )
        }
        return nil
    }

    /// An RFC 3339 time; reports other values.
    private mutating func time(_ attribute: SyntaxAttribute) -> Date? {
        guard let text = string(attribute) else { return nil }
        if let date = RFC3339.parse(text) { return date }
        diagnostics.append(
            .error(
                "'\(attribute.key)' is not an RFC 3339 time: \"\(text)\"",
                at: attribute.valueLocation,
                help: "write a date, a time and an offset, e.g. \(Self.timeExample)"
            )
        )
        return nil
    }

    private mutating func testChannel(_ attribute: SyntaxAttribute) -> Channel? {
        guard let name = string(attribute) else { return nil }
        if let channel = Channel(rawValue: name) { return channel }
        diagnostics.append(
            .error(
                "unknown channel \"\(name)\"",
                at: attribute.valueLocation,
                help: Suggestion.didYouMean(name, among: Channel.allCases.map(\.rawValue))
                    ?? "channels are \(Channel.acceptedNames)"
            )
        )
        return nil
    }
}
