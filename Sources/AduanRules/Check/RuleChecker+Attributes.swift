extension RuleChecker {
    /// The block's attributes by key, after reporting unknown and repeated keys and nested blocks.
    mutating func attributes(of block: SyntaxBlock, allowed: [String]) -> [String: SyntaxAttribute] {
        var attributes: [String: SyntaxAttribute] = [:]
        for attribute in block.attributes {
            if allowed.contains(attribute.key) {
                if let first = attributes[attribute.key] {
                    diagnostics.append(
                        .error(
                            "'\(attribute.key)' is set twice in \(describe(block))",
                            at: attribute.location,
                            help: "first set at line \(first.location.line); keep one"
                        )
                    )
                } else {
                    attributes[attribute.key] = attribute
                }
            } else if !attribute.value.isInvalid {
                let suggestion = Suggestion.closest(to: attribute.key, among: allowed)
                diagnostics.append(
                    .error(
                        "unknown key '\(attribute.key)' in \(describe(block))",
                        at: attribute.location,
                        help: suggestion.map { "did you mean '\($0)'?" }
                            ?? "keys of a \(block.kind) block are \(allowed.joined(separator: ", "))"
                    )
                )
                // A misspelt required key is not also reported missing, and its value is still checked.
                if let suggestion, allowed.contains(suggestion), attributes[suggestion] == nil,
                    !block.attributes.contains(where: { $0.key == suggestion })
                {
                    attributes[suggestion] = attribute
                }
            }
        }
        for nested in block.blocks {
            let isTopLevelKind = RuleVocabulary.supportedKinds.contains(nested.kind)
            diagnostics.append(
                .error(
                    "a '\(nested.kind)' block cannot appear inside \(describe(block))",
                    at: nested.location,
                    help: isTopLevelKind
                        ? "is a '}' missing before it?" : "\(block.kind) blocks hold only 'key = value' lines"
                )
            )
        }
        return attributes
    }

    /// The block's one label; reports a missing or extra label.
    mutating func label(of block: SyntaxBlock, example: String) -> String? {
        guard let label = block.labels.first else {
            diagnostics.append(.error("\(block.kind) needs a label", at: block.location, help: "write '\(example)'"))
            return nil
        }
        if block.labels.count > 1 {
            diagnostics.append(
                .error(
                    "\(block.kind) takes one label, found \(block.labels.count)",
                    at: block.labelLocations[1],
                    help: "write '\(example)'"
                )
            )
        }
        if label.isEmpty {
            diagnostics.append(.error("\(block.kind) label is empty", at: block.labelLocations[0]))
            return nil
        }
        return label
    }

    /// The attribute for `key`; reports it missing.
    mutating func required(
        _ key: String,
        in attributes: [String: SyntaxAttribute],
        of block: SyntaxBlock,
        example: String
    ) -> SyntaxAttribute? {
        if let attribute = attributes[key] { return attribute }
        diagnostics.append(
            .error("\(describe(block)) has no '\(key)'", at: block.location, help: "add '\(example)'")
        )
        return nil
    }

    /// The attribute's string value; reports any other kind of value.
    mutating func string(_ attribute: SyntaxAttribute) -> String? {
        if let text = attribute.value.string { return text }
        if attribute.value.isInvalid { return nil }
        let help = attribute.value.identifier.map { "write '\(attribute.key) = \"\($0)\"'" }
        diagnostics.append(
            .error(
                "'\(attribute.key)' must be a string, found \(attribute.value.kindDescription)",
                at: attribute.valueLocation,
                help: help
            )
        )
        return nil
    }
}
