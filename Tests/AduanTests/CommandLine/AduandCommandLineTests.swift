import Foundation
import Testing

/// `aduand`'s own command line: help, version, usage errors and `--check`.
@Suite("aduand command line")
struct AduandCommandLineTests {
    func aduand(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.run(TestPaths.aduand, arguments, environment: CommandRun.cleanEnvironment())
    }

    @Test("--help and --version print and exit 0")
    func helpAndVersion() throws {
        let help = try aduand(["--help"])
        #expect(help.exitCode == 0)
        #expect(help.standardOutput.hasPrefix("usage: aduand"))
        let version = try aduand(["--version"])
        #expect(version.exitCode == 0)
        #expect(version.standardOutput.hasPrefix("aduand "))
    }

    @Test("an unknown flag exits 64 with one error line")
    func usageError() throws {
        let run = try aduand(["--stat-dir", "/tmp/x"])
        #expect(run.exitCode == 64)
        #expect(run.standardError == "aduand: error: unknown argument '--stat-dir' (see aduand --help)\n")
    }

    @Test("--check validates config and rules without creating any state")
    func check() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let good = try aduand(["--check", "--rules", TestPaths.rulesDirectory, "--state-dir", folder.file("state")])
        #expect(good.exitCode == 0, "\(good.standardError)")
        #expect(good.standardOutput.contains("ok: configuration and rules are valid"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("state")))

        try "route \"x\" { to = \"nowhere\" }\n".write(
            toFile: folder.file("bad.rules"),
            atomically: true,
            encoding: .utf8
        )
        let bad = try aduand(["--check", "--rules", folder.path])
        #expect(bad.exitCode == 1)
        #expect(bad.standardError.contains(folder.file("bad.rules") + ":1:"))
    }

    @Test("SIGINT stops the daemon like SIGTERM: exit 0, socket removed")
    func interruptStops() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        #expect(daemon.stop(signal: SIGINT) == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
        #expect(daemon.log.contains("aduand stopped"))
    }
}
