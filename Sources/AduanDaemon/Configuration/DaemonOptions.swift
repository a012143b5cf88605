/// The command line of `aduand`.
public struct DaemonOptions: Sendable, Hashable {
    /// `--state-dir DIR`.
    public var stateDirectory: String?
    /// `--rules DIR`.
    public var rulesDirectory: String?
    /// `--socket PATH`.
    public var socketPath: String?
    /// `--config FILE`.
    public var configPath: String?
    /// `--log-level LEVEL`.
    public var logLevel: LogLevel?
    /// `--check`: validate config and rules, then exit.
    public var isCheckOnly = false
    /// `--version`.
    public var showsVersion = false
    /// `--help`.
    public var showsHelp = false

    /// Creates empty options.
    public init() {}

    /// The `--help` text.
    public static let usage = """
        usage: aduand [--state-dir DIR] [--rules DIR] [--socket PATH] [--config FILE]
                      [--log-level LEVEL] [--check] [--version] [--help]

        Aduan's daemon: takes complaints from its sources, stores each once, routes it to an agency by the
        rules, and answers aduanctl on a Unix socket.

        options:
          --state-dir DIR    database, lock and default spool (default: $STATE_DIRECTORY, else ./.aduan)
          --rules DIR        rule files *.rules (default: config, $CONFIGURATION_DIRECTORY/rules, else ./rules)
          --socket PATH      control socket (default: $RUNTIME_DIRECTORY/aduand.sock, else <state>/aduand.sock)
          --config FILE      daemon config: daemon { … }, source "name" { … } and deliver "agency" { … } blocks
          --log-level LEVEL  debug, info, notice, warning or error (default: info)
          --check            check the config and the rules, print what would run, and exit
          --version          print the version and exit
          --help             print this help and exit

        Flags win over the config file, which wins over systemd's directories, which win over the defaults.
        With none of them, aduand runs on ./rules and ./.aduan and, on its first start, copies the sample
        complaints of ./seeds into its inbox.

        signals: SIGHUP reloads rules; SIGTERM and SIGINT stop after the current batch.
        """

    /// Parses `aduand`'s arguments (without the program name).
    ///
    /// - Throws: ``UsageError`` with one readable line.
    public static func parse(_ arguments: [String]) throws(UsageError) -> DaemonOptions {
        var options = DaemonOptions()
        var remaining = arguments[...]
        while let argument = remaining.popFirst() {
            var flag = argument
            var inlineValue: String?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                flag = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            func value() throws(UsageError) -> String {
                if let inlineValue { return inlineValue }
                guard let next = remaining.popFirst(), !next.hasPrefix("--") else {
                    throw UsageError("\(flag) needs a value")
                }
                return next
            }
            switch flag {
            case "--state-dir": options.stateDirectory = try value()
            case "--rules": options.rulesDirectory = try value()
            case "--socket": options.socketPath = try value()
            case "--config": options.configPath = try value()
            case "--log-level":
                let name = try value()
                guard let level = LogLevel(rawValue: name) else {
                    let names = LogLevel.allCases.map(\.rawValue).joined(separator: ", ")
                    throw UsageError("unknown log level '\(name)': use one of \(names)")
                }
                options.logLevel = level
            case "--check": options.isCheckOnly = true
            case "--version": options.showsVersion = true
            case "--help", "-h": options.showsHelp = true
            default: throw UsageError("unknown argument '\(argument)' (see aduand --help)")
            }
        }
        return options
    }
}

/// A command line that cannot be run: one readable line; the program exits 64.
public struct UsageError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One readable line.
    public let description: String

    /// Creates a usage error.
    public init(_ description: String) {
        self.description = description
    }
}
