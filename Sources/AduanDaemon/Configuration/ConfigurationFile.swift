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
///     stop_timeout = "20s"
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
    var stopTimeout: Double?
    var sources: [SourceConfiguration] = []
    var deliveries = DeliverySettings()

    private static let daemonKeys = ["state_dir", "rules", "socket", "log_level", "stop_timeout"]

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
        func absolute(_ value: String) -> String { Self.absolute(value, base: base) }
        func string(_ attribute: SyntaxAttribute) -> String? { Self.string(attribute, diagnostics: &diagnostics) }
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
                    case "stop_timeout":
                        guard let text = string(attribute) else { break }
                        guard let seconds = SourceConfiguration.parseInterval(text) else {
                            diagnostics.append(
                                .error(
                                    "'stop_timeout' must be a duration such as \"20s\"",
                                    at: attribute.valueLocation,
                                    help: "keep it below the unit's TimeoutStopSec="
                                )
                            )
                            break
                        }
                        file.stopTimeout = seconds
                    default:
                        diagnostics.append(unknownKey(attribute, in: "daemon", known: daemonKeys))
                    }
                }
            case "source":
                guard let source = readSource(block, base: base, diagnostics: &diagnostics) else { continue }
                if !sourceNames.insert(source.name).inserted {
                    diagnostics.append(.error("source \"\(source.name)\" is declared twice", at: block.location))
                }
                file.sources.append(source)
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

    /// `value` as an absolute path, relative ones taken from `base` (the config file's folder).
    static func absolute(_ value: String, base: String) -> String {
        value.hasPrefix("/") ? value : (base as NSString).appendingPathComponent(value)
    }

    /// The attribute's string value, or a diagnostic saying what was found instead.
    static func string(_ attribute: SyntaxAttribute, diagnostics: inout [Diagnostic]) -> String? {
        if let text = attribute.value.string { return text }
        diagnostics.append(
            .error(
                "'\(attribute.key)' must be a string, found \(attribute.value.kindDescription)",
                at: attribute.valueLocation
            )
        )
        return nil
    }

    static func unknownKey(_ attribute: SyntaxAttribute, in block: String, known: [String]) -> Diagnostic {
        .error(
            "unknown key '\(attribute.key)' in \(block) { … }",
            at: attribute.location,
            help: Suggestion.didYouMean(attribute.key, among: known) ?? "known keys: \(known.joined(separator: ", "))"
        )
    }
}
