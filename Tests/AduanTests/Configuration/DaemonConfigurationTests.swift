import Foundation
import Testing

@testable import AduanDaemon

/// Where the daemon looks for things: flags > config file > systemd directories > embedded default.
@Suite("daemon configuration")
struct DaemonConfigurationTests {
    @Test("with nothing given, the embedded default uses ./rules, ./.aduan and feeds ./seeds")
    func embeddedDefault() throws {
        let configuration = try DaemonConfiguration.resolve(
            options: DaemonOptions(),
            environment: [:],
            workingDirectory: "/srv/x"
        )
        #expect(configuration.rulesDirectory == "/srv/x/rules")
        #expect(configuration.stateDirectory == "/srv/x/.aduan")
        #expect(configuration.socketPath == "/srv/x/.aduan/aduand.sock")
        #expect(configuration.seedsDirectory == "/srv/x/seeds")
        #expect(configuration.sources.map(\.name) == ["spool"])
        #expect(configuration.sources.first?.path == "/srv/x/.aduan")
    }

    @Test("systemd's directories are used when no flag or config names a place, and samples are not fed")
    func systemdDirectories() throws {
        let configuration = try DaemonConfiguration.resolve(
            options: DaemonOptions(),
            environment: [
                "STATE_DIRECTORY": "/var/lib/aduan", "RUNTIME_DIRECTORY": "/run/aduan",
                "CONFIGURATION_DIRECTORY": "/etc/aduan",
            ],
            workingDirectory: "/"
        )
        #expect(configuration.stateDirectory == "/var/lib/aduan")
        #expect(configuration.socketPath == "/run/aduan/aduand.sock")
        #expect(configuration.rulesDirectory == "/etc/aduan/rules")
        #expect(configuration.seedsDirectory == nil)
    }

    @Test("flags win over the config file, which wins over systemd's directories")
    func precedence() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try """
        daemon {
            state_dir = "state"
            rules = "/etc/aduan/rules-from-config"
            log_level = "debug"
        }
        source "lapor" {
            kind = "spool"
            path = "/var/spool/lapor"
            every = "30s"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        var options = DaemonOptions()
        options.configPath = folder.file("aduand.conf")
        options.rulesDirectory = "/opt/rules-from-flag"
        let configuration = try DaemonConfiguration.resolve(
            options: options,
            environment: ["STATE_DIRECTORY": "/var/lib/aduan", "RUNTIME_DIRECTORY": "/run/aduan"],
            workingDirectory: "/"
        )
        #expect(configuration.rulesDirectory == "/opt/rules-from-flag")
        #expect(configuration.stateDirectory == folder.file("state"))
        #expect(configuration.socketPath == "/run/aduan/aduand.sock")
        #expect(configuration.logLevel == .debug)
        #expect(
            configuration.sources == [
                SourceConfiguration(name: "lapor", kind: .spool, path: "/var/spool/lapor", interval: 30)
            ]
        )
        #expect(configuration.seedsDirectory == nil)
    }

    @Test("a config file's mistakes are all reported with positions and suggestions")
    func configDiagnostics() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let path = folder.file("aduand.conf")
        try """
        daemon {
            state_dri = "/var/lib/aduan"
        }
        source "x" {
            kind = "spoll"
            every = "soon"
        }
        """.write(toFile: path, atomically: true, encoding: .utf8)
        var options = DaemonOptions()
        options.configPath = path
        #expect {
            try DaemonConfiguration.resolve(options: options, environment: [:])
        } throws: { error in
            let text = "\(error)"
            return text.contains("\(path):2:5: error: unknown key 'state_dri'")
                && text.contains("did you mean 'state_dir'?")
                && text.contains("\(path):5:12: error: unknown source kind 'spoll'")
                && text.contains("\(path):6:13: error:")
        }
    }

    @Test(
        "aduand's flags parse, and unknown ones are usage errors",
        arguments: [["--bogus"], ["--rules"], ["--log-level", "loud"]]
    )
    func badFlags(arguments: [String]) {
        #expect(throws: UsageError.self) { try DaemonOptions.parse(arguments) }
    }

    @Test("poll intervals read as durations")
    func intervals() {
        #expect(SourceConfiguration.parseInterval("5s") == 5)
        #expect(SourceConfiguration.parseInterval("500ms") == 0.5)
        #expect(SourceConfiguration.parseInterval("2m") == 120)
        #expect(SourceConfiguration.parseInterval("5") == nil)
        #expect(SourceConfiguration.parseInterval("-1s") == nil)
    }
}
