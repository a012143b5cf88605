import Foundation
import Testing

/// `aduanctl`'s contract with scripts: help everywhere, one-line errors, and the exit codes of DESIGN.md.
@Suite("aduanctl")
struct AduanctlTests {
    @Test(
        "--help works at every level and exits 0",
        arguments: [
            ["--help"], ["status", "--help"], ["cases", "--help"], ["case", "--help"], ["case", "show", "--help"],
            ["rules", "--help"], ["rules", "check", "--help"], ["reload", "--help"], ["sla", "due", "--help"],
        ]
    )
    func helpEverywhere(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(arguments)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.hasPrefix("usage: aduanctl"))
    }

    @Test(
        "--version works on every command",
        arguments: [["--version"], ["status", "--version"], ["rules", "check", "--version"]]
    )
    func versionEverywhere(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(arguments)
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.hasPrefix("aduanctl "))
    }

    @Test(
        "a wrong command line exits 64 with one error line",
        arguments: [
            ["frobnicate"], ["cases", "--limit", "many"], ["cases", "--state", "lost"], ["case", "show"],
            ["case", "show", "abc"], ["status", "--jsn"], ["cases", "--agency"],
        ]
    )
    func usageErrors(arguments: [String]) throws {
        let run = try CommandRun.aduanctl(["--socket", "/nonexistent/aduand.sock"] + arguments)
        #expect(run.exitCode == 64)
        #expect(run.standardError.hasPrefix("error: "))
        #expect(run.standardError.filter { $0 == "\n" }.count == 1)
    }

    @Test("no daemon at the socket exits 69 and names the socket")
    func unreachableDaemon() throws {
        let run = try CommandRun.aduanctl(["--socket", "/nonexistent/aduand.sock", "status"])
        #expect(run.exitCode == 69)
        #expect(run.standardError.hasPrefix("error: cannot reach aduand at /nonexistent/aduand.sock"))
    }

    @Test("ADUAN_SOCKET is used when --socket is absent")
    func socketFromEnvironment() throws {
        var environment = CommandRun.cleanEnvironment()
        environment["ADUAN_SOCKET"] = "/nonexistent/from-env.sock"
        let run = try CommandRun.aduanctl(["status"], environment: environment)
        #expect(run.exitCode == 69)
        #expect(run.standardError.contains("/nonexistent/from-env.sock"))
    }

    @Test("rules check passes on the bundled Banten rules and fails with positions on broken ones")
    func rulesCheck() throws {
        let good = try CommandRun.aduanctl(["rules", "check", TestPaths.rulesDirectory])
        #expect(good.exitCode == 0, "\(good.standardError)")
        #expect(good.standardOutput.contains(": ok,"))

        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try """
        agency "dpupr" { name = "Dinas PUPR" }
        route "Jalan" {
            when = text has any jalan
            to = "dpupt"
        }
        otherwise { to = "dpupr" }
        """.write(toFile: folder.file("a.rules"), atomically: true, encoding: .utf8)
        let bad = try CommandRun.aduanctl(["rules", "check", "--rules", folder.path])
        #expect(bad.exitCode == 1)
        #expect(bad.standardError.contains(folder.file("a.rules") + ":3:"))
        #expect(bad.standardError.contains(folder.file("a.rules") + ":4:"))
        #expect(bad.standardError.contains("did you mean 'dpupr'?"))
    }
}
