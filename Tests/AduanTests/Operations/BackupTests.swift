import AduanControl
import AduanCore
import AduanStore
import Foundation
import Glibc
import Testing

/// `aduanctl backup FILE`: an online copy written by the running daemon.
@Suite("backup", .serialized)
struct BackupTests {
    /// Drops the bundled sample complaints, `copies` times under fresh ids, and waits until the daemon stored them.
    ///
    /// They are received now, so that their deadlines wait in the scheduler instead of firing at once.
    static func ingestSamples(copies: Int, into daemon: DaemonProcess) throws -> Int {
        let now = RFC3339.format(Date())
        let samples = try String(contentsOfFile: TestPaths.seedsDirectory + "/complaints.jsonl", encoding: .utf8)
            .split(separator: "\n")
            .map { $0.replacing(/"received_at": "[^"]*"/, with: #""received_at": "\#(now)""#) }
        var lines: [String] = []
        for copy in 0..<copies {
            lines += samples.map { $0.replacingOccurrences(of: #""id": "seed-"#, with: #""id": "c\#(copy)-"#) }
        }
        try DaemonEndToEndTests.drop(lines, named: "samples.jsonl", into: daemon.stateDirectory + "/inbox")
        let isStored = try eventually(within: 60) { try daemon.status().complaints == lines.count }
        #expect(isStored, "\(daemon.log)")
        return lines.count
    }

    @Test("a backup taken while the daemon runs opens as a store with the same cases, and passes its check")
    func backupWhileRunning() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let stored = try Self.ingestSamples(copies: 5, into: daemon)
        let status = try daemon.status()
        let copyPath = folder.file("aduan-backup.db")

        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "backup", copyPath, "--json"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        let report = try ControlCoding.makeDecoder().decode(BackupReport.self, from: Data(run.standardOutput.utf8))
        #expect(report.integrity == ["ok"])
        #expect(report.complaints == stored)
        #expect(
            report.bytes == (try FileManager.default.attributesOfItem(atPath: copyPath)[.size] as? Int).map(Int64.init)
        )

        // The copy is a working store: opened as the daemon would open it at a restore.
        _ = try Store(path: copyPath)
        let counts = try StoreReader(path: copyPath).caseCounts()
        #expect(counts.byState == status.cases.byState)
        #expect(counts.byAgency == status.cases.byAgency)
        #expect(daemon.stop() == 0)
    }

    @Test("backup refuses an existing file and a relative path, and needs a path at all")
    func refusals() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let existing = folder.file("existing.db")
        try "keep me".write(toFile: existing, atomically: true, encoding: .utf8)

        let overwrite = try CommandRun.aduanctl(["--socket", daemon.socketPath, "backup", existing])
        #expect(overwrite.exitCode == 1)
        #expect(overwrite.standardError.contains("exists; backup never overwrites"))
        #expect(try String(contentsOfFile: existing, encoding: .utf8) == "keep me")

        let relative = try ControlClient(socketPath: daemon.socketPath).sendRaw(op: .backup, path: "relative.db")
        #expect(relative?.code == .badRequest)
        #expect(relative?.message.contains("must be absolute") == true)

        let missing = try CommandRun.aduanctl(["--socket", daemon.socketPath, "backup"])
        #expect(missing.exitCode == 64)
        daemon.stop()
    }
}

extension ControlClient {
    /// Sends a request that `aduanctl` would never build and returns the daemon's refusal, if any.
    func sendRaw(op: ControlOperation, path: String) throws -> ControlError? {
        do {
            _ = try send(ControlRequest(op: op, path: path), expecting: BackupReport.self)
            return nil
        } catch Failure.refused(let error) {
            return error
        }
    }
}
