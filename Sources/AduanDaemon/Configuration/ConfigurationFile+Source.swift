import AduanCore
import AduanRules
import Foundation

extension ConfigurationFile {
    /// Reads one `source "name" { kind = …, … }` block; `nil` (with diagnostics) when it cannot be used.
    static func readSource(
        _ block: SyntaxBlock,
        base: String,
        diagnostics: inout [Diagnostic]
    ) -> SourceConfiguration? {
        guard let name = block.labels.first, block.labels.count == 1 else {
            diagnostics.append(.error("a source needs one name: source \"name\" { … }", at: block.location))
            return nil
        }
        let errorsBefore = diagnostics.filter(\.isError).count
        let kinds = SourceConfiguration.Kind.allCases.map(\.rawValue)
        // An unknown or missing kind is reported, and the block's other keys are still checked against every
        // kind's, so that one run shows every mistake.
        var kind: SourceConfiguration.Kind?
        if let kindAttribute = block.attributes.first(where: { $0.key == "kind" }) {
            if let kindName = string(kindAttribute, diagnostics: &diagnostics) {
                kind = SourceConfiguration.Kind(rawValue: kindName)
                if kind == nil {
                    diagnostics.append(
                        .error(
                            "unknown source kind '\(kindName)'",
                            at: kindAttribute.valueLocation,
                            help: Suggestion.didYouMean(kindName, among: kinds)
                                ?? "known kinds: \(kinds.joined(separator: ", "))"
                        )
                    )
                }
            }
        } else {
            diagnostics.append(
                .error(
                    "source \"\(name)\" needs 'kind'",
                    at: block.location,
                    help: "one of \(kinds.joined(separator: ", ")), e.g. kind = \"spool\""
                )
            )
        }
        var source = SourceConfiguration(
            name: name,
            kind: kind ?? .spool,
            path: "",
            interval: kind == .open311 ? 300 : 5
        )
        var apiKeyFile: (path: String, attribute: SyntaxAttribute)?
        let kindKeys = kind.map(\.keys) ?? SourceConfiguration.Kind.allCases.flatMap(\.keys)
        let keys = ["kind", "every"] + kindKeys
        for attribute in block.attributes where attribute.key != "kind" {
            guard keys.contains(attribute.key) else {
                let blockName = kind.map { "a \($0.rawValue) source" } ?? "source"
                diagnostics.append(unknownKey(attribute, in: blockName, known: Array(Set(keys)).sorted()))
                continue
            }
            guard let text = string(attribute, diagnostics: &diagnostics) else { continue }
            switch attribute.key {
            case "path": source.path = absolute(text, base: base)
            case "every", "backoff_max", "timeout", "lookback":
                guard let seconds = SourceConfiguration.parseInterval(text) else {
                    diagnostics.append(
                        .error(
                            "'\(attribute.key)' must be a duration such as \"5s\", \"2m\" or \"500ms\"",
                            at: attribute.valueLocation
                        )
                    )
                    continue
                }
                switch attribute.key {
                case "every": source.interval = seconds
                case "backoff_max": source.maximumBackoff = seconds
                case "lookback": source.lookback = seconds
                default: source.timeout = seconds
                }
            case "url":
                guard let url = URL(string: text), let scheme = url.scheme, ["http", "https"].contains(scheme),
                    url.host != nil
                else {
                    diagnostics.append(
                        .error(
                            "'url' must be an http or https URL such as \"https://kota.example/open311/v2\"",
                            at: attribute.valueLocation
                        )
                    )
                    continue
                }
                source.url = url
            case "api_key": source.apiKey = text
            case "api_key_file": apiKeyFile = (absolute(text, base: base), attribute)
            case "jurisdiction_id": source.jurisdictionID = text
            case "updated_after":
                guard text == "true" || text == "false" else {
                    diagnostics.append(
                        .error(
                            "'updated_after' must be \"true\" (the server has the extension) or \"false\"",
                            at: attribute.valueLocation
                        )
                    )
                    continue
                }
                source.usesUpdatedAfter = text == "true"
            case "since":
                guard let start = RFC3339.parse(text) else {
                    diagnostics.append(
                        .error(
                            "'since' must be an RFC 3339 time such as \"2026-01-01T00:00:00+07:00\"",
                            at: attribute.valueLocation
                        )
                    )
                    continue
                }
                source.initialWindowStart = start
            case "delimiter":
                guard text == "," || text == ";" else {
                    diagnostics.append(.error("'delimiter' must be \",\" or \";\"", at: attribute.valueLocation))
                    continue
                }
                source.csvDelimiter = text.utf8.first
            default:
                // column_<field>
                source.csvColumns[String(attribute.key.dropFirst("column_".count))] = text
            }
        }
        if let (path, attribute) = apiKeyFile {
            guard let data = FileManager.default.contents(atPath: path),
                let key = String(data: data, encoding: .utf8)?.trimmingCharacters(in: .whitespacesAndNewlines),
                !key.isEmpty
            else {
                diagnostics.append(
                    .error(
                        "cannot read the API key file \(path) (missing, unreadable or empty)",
                        at: attribute.location
                    )
                )
                return nil
            }
            source.apiKey = key
        }
        switch kind {
        case nil: break
        case .spool, .maildir, .csv:
            if source.path.isEmpty {
                diagnostics.append(.error("source \"\(name)\" needs 'path'", at: block.location))
            }
        case .open311:
            if source.url == nil, !block.attributes.contains(where: { $0.key == "url" }) {
                diagnostics.append(
                    .error(
                        "source \"\(name)\" needs 'url'",
                        at: block.location,
                        help: "url = \"https://kota.example/open311/v2\""
                    )
                )
            }
        }
        return diagnostics.filter(\.isError).count == errorsBefore ? source : nil
    }
}
