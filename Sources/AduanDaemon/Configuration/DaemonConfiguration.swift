import AduanRules
import Foundation

/// Where the daemon keeps its state, reads its rules and listens, resolved from flags, config file, systemd's
/// directories and the embedded default, in that order of precedence (DESIGN.md "Where things are").
public struct DaemonConfiguration: Sendable, Hashable {
    /// Holds `aduan.db`, `aduand.lock` and the default spool source's folders.
    public var stateDirectory: String
    /// The rule files.
    public var rulesDirectory: String
    /// The control socket.
    public var socketPath: String
    /// Lines below this level are not logged.
    public var logLevel: LogLevel
    /// The intake sources; without any configured, one spool source named `spool` in the state directory.
    public var sources: [SourceConfiguration]
    /// How each agency is reached; without `deliver` blocks, JSON files in `<state>/outbox/<agency>/`.
    public var deliveries: DeliverySettings
    /// Seconds a graceful stop may take (finishing a batch, waiting for deliveries in flight) before the daemon
    /// exits anyway; below systemd's `TimeoutStopSec=` so that the daemon, not SIGKILL, ends it.
    public var stopTimeout: Double
    /// Set only on the embedded default: sample complaints copied into the inbox on the first start.
    public var seedsDirectory: String?

    /// The database file.
    public var databasePath: String { stateDirectory + "/aduan.db" }
    /// The default outbox folder, holding a folder per agency.
    public var outboxDirectory: String { stateDirectory + "/outbox" }
    /// The lock file.
    public var lockPath: String { stateDirectory + "/aduand.lock" }

    /// Resolves the configuration.
    ///
    /// - Parameters:
    ///   - options: the command line.
    ///   - environment: the process environment (`STATE_DIRECTORY`, `RUNTIME_DIRECTORY`, `CONFIGURATION_DIRECTORY`).
    ///   - workingDirectory: where relative defaults (`./rules`, `./.aduan`, `./seeds`) point; default: the current one.
    /// - Throws: ``ConfigurationError`` with diagnostics in the format of DESIGN.md.
    public static func resolve(
        options: DaemonOptions,
        environment: [String: String],
        workingDirectory: String? = nil
    ) throws(ConfigurationError) -> DaemonConfiguration {
        let workingDirectory = workingDirectory ?? FileManager.default.currentDirectoryPath
        func absolute(_ path: String, relativeTo base: String) -> String {
            path.hasPrefix("/") ? path : (base as NSString).appendingPathComponent(path)
        }
        let file = try options.configPath.map { path throws(ConfigurationError) in
            try ConfigurationFile.read(path: absolute(path, relativeTo: workingDirectory))
        }
        let systemdState = environment["STATE_DIRECTORY"].flatMap(Self.firstDirectory)
        let systemdRuntime = environment["RUNTIME_DIRECTORY"].flatMap(Self.firstDirectory)
        let systemdConfiguration = environment["CONFIGURATION_DIRECTORY"].flatMap(Self.firstDirectory)

        let stateDirectory = absolute(
            options.stateDirectory ?? file?.stateDirectory ?? systemdState ?? ".aduan",
            relativeTo: workingDirectory
        )
        let rulesDirectory = absolute(
            options.rulesDirectory ?? file?.rulesDirectory ?? systemdConfiguration.map { $0 + "/rules" } ?? "rules",
            relativeTo: workingDirectory
        )
        let socketPath = absolute(
            options.socketPath ?? file?.socketPath ?? systemdRuntime.map { $0 + "/aduand.sock" }
                ?? stateDirectory + "/aduand.sock",
            relativeTo: workingDirectory
        )
        var sources = file?.sources ?? []
        if sources.isEmpty {
            sources = [SourceConfiguration(name: "spool", kind: .spool, path: stateDirectory, interval: 2)]
        }
        let isEmbeddedDefault =
            options.stateDirectory == nil && options.rulesDirectory == nil && options.socketPath == nil
            && options.configPath == nil && systemdState == nil && systemdRuntime == nil && systemdConfiguration == nil
        return DaemonConfiguration(
            stateDirectory: stateDirectory,
            rulesDirectory: rulesDirectory,
            socketPath: socketPath,
            logLevel: options.logLevel ?? file?.logLevel ?? .info,
            sources: sources,
            deliveries: file?.deliveries ?? DeliverySettings(),
            stopTimeout: file?.stopTimeout ?? 20,
            seedsDirectory: isEmbeddedDefault ? absolute("seeds", relativeTo: workingDirectory) : nil
        )
    }

    /// systemd passes several directories separated by `:` when a unit lists several; the first is ours.
    private static func firstDirectory(_ value: String) -> String? {
        value.split(separator: ":").first.map(String.init)
    }
}

/// A config file that cannot be used: every diagnostic, rendered.
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The diagnostics in DESIGN.md's format, one after another.
    public let description: String
}
