import AduanRules
import Foundation

/// The daemon's config file, in the rules' block syntax:
///
/// ```
/// daemon {
///     state_dir = "/var/lib/aduan"
///     rules     = "/etc/aduan/rules"
///     socket    = "/run/aduan/aduand.sock"
///     log_level = "info"
/// }
/// source "lapor-export" {
///     kind  = "spool"
///     path  = "/var/spool/aduan/lapor"
///     every = "5s"
/// }
/// deliver "dpupr" {
///     kind        = "webhook"
///     url         = "https://dpupr.example/aduan"
///     secret_file = "dpupr.key"
/// }
/// ```
///
/// Relative paths are relative to the file's folder.
struct ConfigurationFile: Sendable, Hashable {
    var stateDirectory: String?
    var rulesDirectory: String?
    var socketPath: String?
    var logLevel: LogLevel?
    var sources: [SourceConfiguration] = []
    var deliveries = DeliverySettings()

    private static let daemonKeys = ["state_dir", "rules", "socket", "log_level"]
    private static let sourceKeys = ["kind", "path", "every"]

    /// Reads and checks the file, reporting every problem at once.
    static func read(path: String) throws(ConfigurationError) -> ConfigurationFile {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8)
        else {
            throw ConfigurationError(
                description: "\(path):1:1: error: cannot read the config file (missing, unreadable or not UTF-8)"
            )
        }
        let (document, syntaxDiagnostics) = SyntaxParser.parse(text, path: path)
        var diagnostics = syntaxDiagnostics
        var file = ConfigurationFile()
        let base = (path as NSString).deletingLastPathComponent
        func absolute(_ value: String) -> String {
            value.hasPrefix("/") ? value : (base as NSString).appendingPathComponent(value)
        }
        func string(_ attribute: SyntaxAttribute) -> String? {
            if let text = attribute.value.string { return text }
            diagnostics.append(
                .error(
                    "'\(attribute.key)' must be a string, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation
                )
            )
            return nil
        }
        for attribute in document.attributes {
            diagnostics.append(
                .error(
                    "'\(attribute.key)' must sit inside a block",
                    at: attribute.location,
                    help: "put it in daemon { … }"
                )
            )
        }
        var sourceNames: Set<String> = []
        var deliverBlocks = DeliverBlockParser(absolute: absolute)
        for block in document.blocks {
            switch block.kind {
            case "daemon":
                for attribute in block.attributes {
                    switch attribute.key {
                    case "state_dir": file.stateDirectory = string(attribute).map(absolute)
                    case "rules": file.rulesDirectory = string(attribute).map(absolute)
                    case "socket": file.socketPath = string(attribute).map(absolute)
                    case "log_level":
                        guard let name = string(attribute) else { break }
                        guard let level = LogLevel(rawValue: name) else {
                            diagnostics.append(
                                .error(
                                    "unknown log level '\(name)'",
                                    at: attribute.valueLocation,
                                    help: Suggestion.didYouMean(name, among: LogLevel.allCases.map(\.rawValue))
                                )
                            )
                            break
                        }
                        file.logLevel = level
                    default:
                        diagnostics.append(unknownKey(attribute, in: "daemon", known: daemonKeys))
                    }
                }
            case "source":
                guard let name = block.labels.first, block.labels.count == 1 else {
                    diagnostics.append(.error("a source needs one name: source \"name\" { … }", at: block.location))
                    continue
                }
                if !sourceNames.insert(name).inserted {
                    diagnostics.append(.error("source \"\(name)\" is declared twice", at: block.location))
                }
                var kind: SourceConfiguration.Kind?
                var sourcePath: String?
                var interval = 5.0
                for attribute in block.attributes {
                    switch attribute.key {
                    case "kind":
                        guard let kindName = string(attribute) else { break }
                        kind = SourceConfiguration.Kind(rawValue: kindName)
                        if kind == nil {
                            let kinds = SourceConfiguration.Kind.allCases.map(\.rawValue)
                            diagnostics.append(
                                .error(
                                    "unknown source kind '\(kindName)'",
                                    at: attribute.valueLocation,
                                    help: Suggestion.didYouMean(kindName, among: kinds)
                                        ?? "known kinds: \(kinds.joined(separator: ", "))"
                                )
                            )
                        }
                    case "path": sourcePath = string(attribute).map(absolute)
                    case "every":
                        guard let text = string(attribute) else { break }
                        guard let seconds = SourceConfiguration.parseInterval(text) else {
                            diagnostics.append(
                                .error(
                                    "'every' must be a duration such as \"5s\", \"2m\" or \"500ms\"",
                                    at: attribute.valueLocation
                                )
                            )
                            break
                        }
                        interval = seconds
                    default:
                        diagnostics.append(unknownKey(attribute, in: "source", known: sourceKeys))
                    }
                }
                if kind == nil, !block.attributes.contains(where: { $0.key == "kind" }) {
                    diagnostics.append(
                        .error("source \"\(name)\" needs 'kind'", at: block.location, help: "kind = \"spool\"")
                    )
                }
                if sourcePath == nil, !block.attributes.contains(where: { $0.key == "path" }) {
                    diagnostics.append(.error("source \"\(name)\" needs 'path'", at: block.location))
                }
                if let kind, let sourcePath {
                    file.sources.append(
                        SourceConfiguration(name: name, kind: kind, path: sourcePath, interval: interval)
                    )
                }
            case "deliver": deliverBlocks.parse(block)
            default:
                diagnostics.append(
                    .error(
                        "unknown block '\(block.kind)' in the daemon config",
                        at: block.location,
                        help: Suggestion.didYouMean(block.kind, among: ["daemon", "source", "deliver"])
                            ?? "the config holds daemon { … }, source \"name\" { … } and deliver \"agency\" { … } blocks"
                    )
                )
            }
        }
        diagnostics += deliverBlocks.diagnostics
        file.deliveries = deliverBlocks.settings()
        let errors = diagnostics.filter(\.isError)
        guard errors.isEmpty else {
            throw ConfigurationError(description: DiagnosticRenderer.render(diagnostics, sources: [path: text]))
        }
        return file
    }

    static func unknownKey(_ attribute: SyntaxAttribute, in block: String, known: [String]) -> Diagnostic {
        .error(
            "unknown key '\(attribute.key)' in \(block) { … }",
            at: attribute.location,
            help: Suggestion.didYouMean(attribute.key, among: known) ?? "known keys: \(known.joined(separator: ", "))"
        )
    }
}
