import AduanControl
import Foundation
import Testing

/// A snapshot whose `test` blocks fail is refused by the real `aduand`: on start, and on reload, where the old
/// snapshot keeps serving.
@Suite("Rule tests gate the daemon", .serialized)
struct RuleTestGateTests {
    static let passingTest = """
        test "Jalan berlubang" {
            complaint { text = "jalan berlubang" }
            expect { to = "dpupr" }
        }

        """

    static let failingTest = """
        test "Jalan berlubang" {
            complaint { text = "jalan berlubang" }
            expect { to = "dlh" }
        }

        """

    @Test("a failing test stops aduand from starting, with the test's position and the failing field")
    func failingTestRefusesStart() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = folder.file("rules")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try (RuleToolFixtures.rules + Self.failingTest).write(
            toFile: rules + "/main.rules",
            atomically: true,
            encoding: .utf8
        )
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: rules, waitForReady: false)
        #expect(daemon.waitForExit() == 1)
        #expect(
            daemon.log.contains(
                rules + "/main.rules:11:1: error: test \"Jalan berlubang\" failed: to: expected \"dlh\", got \"dpupr\""
            ),
            "\(daemon.log)"
        )
    }

    @Test("a reload whose test fails is refused with the diagnostic, and the old snapshot keeps serving")
    func failingTestRefusesReload() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = folder.file("rules")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try (RuleToolFixtures.rules + Self.passingTest).write(
            toFile: rules + "/main.rules",
            atomically: true,
            encoding: .utf8
        )
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: rules)
        let servingHash = try daemon.status().rules.hash
        try (RuleToolFixtures.rules + Self.failingTest).write(
            toFile: rules + "/main.rules",
            atomically: true,
            encoding: .utf8
        )
        let reload = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(reload.exitCode == 1)
        #expect(reload.standardError.contains("test \"Jalan berlubang\" failed: to: expected \"dlh\", got \"dpupr\""))
        let status = try daemon.status()
        #expect(status.rules.hash == servingHash)
        #expect(status.rules.lastReload.ok == false)
        #expect(daemon.stop() == 0)
    }
}
