import AduanRules
import Foundation

/// `deliver "agency-id" { kind = "outbox" | "webhook" | "sendmail", … }` and `deliver "*" { … }`: how each agency is
/// reached, read with the rest of the daemon config.
///
/// A webhook's `secret_file` is read here, when the config is read, so that a missing key stops the start with its
/// location instead of failing every delivery later.
struct DeliverBlockParser {
    /// Keys every kind accepts.
    static let commonKeys = ["kind", "retry_min", "retry_max"]
    /// Keys by kind.
    static let kindKeys: [DeliveryTarget.Kind: [String]] = [
        .outbox: ["path"],
        .webhook: ["url", "secret_file", "timeout"],
        .sendmail: ["command", "to", "from"],
    ]

    /// The block's label for the default target.
    static let fallbackLabel = "*"

    private struct Parsed {
        var channel: DeliveryTarget.Channel
        var retryMinimum: Double?
        var retryMaximum: Double?
    }

    private var parsed: [String: Parsed] = [:]
    /// Problems found so far, in file order.
    private(set) var diagnostics: [Diagnostic] = []
    private let absolute: (String) -> String

    /// Creates a parser; `absolute` resolves paths relative to the config file's folder.
    init(absolute: @escaping (String) -> String) {
        self.absolute = absolute
    }

    /// Reads one `deliver` block.
    mutating func parse(_ block: SyntaxBlock) {
        guard let label = block.labels.first, block.labels.count == 1 else {
            diagnostics.append(
                .error("a deliver block needs one agency id (or \"*\"): deliver \"dpupr\" { … }", at: block.location)
            )
            return
        }
        if parsed[label] != nil {
            diagnostics.append(.error("deliver \"\(label)\" is declared twice", at: block.location))
            return
        }
        var values: [String: (text: String, attribute: SyntaxAttribute)] = [:]
        for attribute in block.attributes {
            guard let text = attribute.value.string else {
                diagnostics.append(
                    .error(
                        "'\(attribute.key)' must be a string, found \(attribute.value.kindDescription)",
                        at: attribute.valueLocation
                    )
                )
                continue
            }
            values[attribute.key] = (text, attribute)
        }
        guard let kindValue = values["kind"] else {
            diagnostics.append(
                .error(
                    "deliver \"\(label)\" needs 'kind'",
                    at: block.location,
                    help: "kind = \"outbox\", \"webhook\" or \"sendmail\""
                )
            )
            return
        }
        guard let kind = DeliveryTarget.Kind(rawValue: kindValue.text) else {
            let kinds = DeliveryTarget.Kind.allCases.map(\.rawValue)
            diagnostics.append(
                .error(
                    "unknown delivery kind '\(kindValue.text)'",
                    at: kindValue.attribute.valueLocation,
                    help: Suggestion.didYouMean(kindValue.text, among: kinds)
                        ?? "known kinds: \(kinds.joined(separator: ", "))"
                )
            )
            return
        }
        let known = Self.commonKeys + (Self.kindKeys[kind] ?? [])
        for attribute in block.attributes where !known.contains(attribute.key) {
            diagnostics.append(
                ConfigurationFile.unknownKey(attribute, in: "deliver (kind \(kind.rawValue))", known: known)
            )
        }
        let retryMinimum = duration(values["retry_min"])
        let retryMaximum = duration(values["retry_max"])
        if let retryMinimum, let retryMaximum, retryMinimum > retryMaximum, let attribute = values["retry_max"] {
            diagnostics.append(.error("'retry_max' is shorter than 'retry_min'", at: attribute.attribute.valueLocation))
        }
        guard let channel = channel(kind, values, label: label, block: block) else { return }
        parsed[label] = Parsed(channel: channel, retryMinimum: retryMinimum, retryMaximum: retryMaximum)
    }

    /// The settings: agency blocks take the default block's retry policy where they set none.
    func settings() -> DeliverySettings {
        let defaults = parsed[Self.fallbackLabel]
        let standard = DeliveryTarget.standard
        let minimum = defaults?.retryMinimum ?? standard.retryMinimum
        let maximum = defaults?.retryMaximum ?? max(standard.retryMaximum, minimum)
        func target(_ block: Parsed) -> DeliveryTarget {
            let blockMinimum = block.retryMinimum ?? minimum
            return DeliveryTarget(
                channel: block.channel,
                retryMinimum: blockMinimum,
                retryMaximum: block.retryMaximum ?? max(maximum, blockMinimum)
            )
        }
        var agencies: [String: DeliveryTarget] = [:]
        for (label, block) in parsed where label != Self.fallbackLabel { agencies[label] = target(block) }
        return DeliverySettings(agencies: agencies, fallback: defaults.map(target) ?? standard)
    }

    private mutating func channel(
        _ kind: DeliveryTarget.Kind,
        _ values: [String: (text: String, attribute: SyntaxAttribute)],
        label: String,
        block: SyntaxBlock
    ) -> DeliveryTarget.Channel? {
        switch kind {
        case .outbox:
            return .outbox(directory: values["path"].map { absolute($0.text) })
        case .webhook:
            guard let url = required("url", values, label: label, block: block),
                let secretFile = required("secret_file", values, label: label, block: block)
            else { return nil }
            guard let parsedURL = URL(string: url.text), ["http", "https"].contains(parsedURL.scheme ?? ""),
                parsedURL.host != nil
            else {
                diagnostics.append(
                    .error("'url' must be an http:// or https:// URL", at: url.attribute.valueLocation)
                )
                return nil
            }
            let path = absolute(secretFile.text)
            guard let data = FileManager.default.contents(atPath: path) else {
                diagnostics.append(
                    .error(
                        "cannot read the webhook secret \(path) (missing or unreadable)",
                        at: secretFile.attribute.valueLocation,
                        help: "create it with: head -c 32 /dev/urandom | base64 > \(path)"
                    )
                )
                return nil
            }
            var secret = [UInt8](data)
            while let last = secret.last, last == UInt8(ascii: "\n") || last == UInt8(ascii: "\r") {
                secret.removeLast()
            }
            if secret.isEmpty {
                diagnostics.append(
                    .error("the webhook secret \(path) is empty", at: secretFile.attribute.valueLocation)
                )
                return nil
            }
            return .webhook(url: parsedURL, secret: secret, timeout: duration(values["timeout"]) ?? 10)
        case .sendmail:
            guard let to = required("to", values, label: label, block: block) else { return nil }
            let command = (values["command"]?.text ?? "/usr/sbin/sendmail -t").split(separator: " ").map(String.init)
            guard let program = command.first, program.hasPrefix("/") else {
                diagnostics.append(
                    .error(
                        "'command' must start with an absolute path",
                        at: values["command"]?.attribute.valueLocation ?? block.location,
                        help: "command = \"/usr/sbin/sendmail -t\""
                    )
                )
                return nil
            }
            return .sendmail(command: command, to: to.text, from: values["from"]?.text ?? "aduan@localhost")
        }
    }

    private mutating func required(
        _ key: String,
        _ values: [String: (text: String, attribute: SyntaxAttribute)],
        label: String,
        block: SyntaxBlock
    ) -> (text: String, attribute: SyntaxAttribute)? {
        guard let value = values[key] else {
            diagnostics.append(.error("deliver \"\(label)\" needs '\(key)'", at: block.location))
            return nil
        }
        return value
    }

    private mutating func duration(_ value: (text: String, attribute: SyntaxAttribute)?) -> Double? {
        guard let value else { return nil }
        guard let seconds = SourceConfiguration.parseInterval(value.text) else {
            diagnostics.append(
                .error(
                    "'\(value.attribute.key)' must be a duration such as \"30s\", \"5m\", \"1h\" or \"500ms\"",
                    at: value.attribute.valueLocation
                )
            )
            return nil
        }
        return seconds
    }
}
