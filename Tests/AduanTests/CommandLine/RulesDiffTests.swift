import Foundation
import Testing

/// `aduanctl rules diff`: what a rules change does, before it goes live.
@Suite("aduanctl rules diff")
struct RulesDiffTests {
    @Test("a changed budget and a renamed agency are listed, and replay names the complaints whose routing changes")
    func budgetAndReplay() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.copyItem(atPath: TestPaths.rulesDirectory, toPath: folder.file("old"))
        try FileManager.default.copyItem(atPath: TestPaths.rulesDirectory, toPath: folder.file("new"))
        try FileManager.default.copyItem(atPath: TestPaths.seedsDirectory, toPath: folder.file("seeds"))
        let sla = folder.file("new/05-sla.rules")
        try String(contentsOfFile: sla, encoding: .utf8)
            .replacingOccurrences(of: "respond    = 2 working_days", with: "respond    = 3 working_days")
            .write(toFile: sla, atomically: true, encoding: .utf8)
        let run = try CommandRun.aduanctl([
            "rules", "diff", folder.file("old"), folder.file("new"), "--replay",
            TestPaths.seedsDirectory + "/complaints.jsonl",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("05-sla.rules: changed"))
        #expect(run.standardOutput.contains("P2: respond 2 working_days, resolve 5 working_days"))
        #expect(run.standardOutput.contains("→ respond 3 working_days"))
        #expect(run.standardOutput.contains("replayed 203 complaints"))
        #expect(run.standardOutput.contains("seed-014: respond_by 2026-03-04T09:00:00Z → 2026-03-05T09:00:00Z"))
        #expect(!run.standardOutput.contains("seed-001:"))
    }

    @Test("identical directories have no differences and no changed complaints")
    func identical() throws {
        let run = try CommandRun.aduanctl([
            "rules", "diff", TestPaths.rulesDirectory, TestPaths.rulesDirectory, "--replay",
            TestPaths.seedsDirectory + "/complaints.jsonl",
        ])
        #expect(run.exitCode == 0)
        #expect(run.standardOutput.contains("no differences in the rules"))
        #expect(run.standardOutput.contains("0 would change"))
    }

    @Test("--live compares the snapshot the running daemon serves with a new directory")
    func live() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.copyBundledRulesAndSeeds()
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: folder.file("rules"))
        try FileManager.default.copyItem(atPath: folder.file("rules"), toPath: folder.file("new"))
        let routes = folder.file("new/99-otherwise.rules")
        try String(contentsOfFile: routes, encoding: .utf8)
            .replacingOccurrences(of: "\"biro-pemerintahan\"", with: "\"diskominfo\"")
            .write(toFile: routes, atomically: true, encoding: .utf8)
        let run = try CommandRun.aduanctl([
            "--socket", daemon.socketPath, "rules", "diff", "--live", folder.file("new"), "--replay",
            TestPaths.seedsDirectory + "/complaints.jsonl",
        ])
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("99-otherwise.rules: changed"))
        #expect(run.standardOutput.contains("to biro-pemerintahan → diskominfo"))
        #expect(daemon.stop() == 0)
    }
}
