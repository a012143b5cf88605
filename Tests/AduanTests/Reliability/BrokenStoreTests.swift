import AduanBench
import AduanControl
import Foundation
import Glibc
import Testing

/// A database the daemon cannot use: it says so in one line naming the file and what to do, and exits 1.
@Suite("broken store at start", .serialized)
struct BrokenStoreTests {
    /// Runs a daemon once on `state` to create a real database with a few cases, then stops it.
    static func makeDatabase(in folder: TemporaryDirectory) throws -> String {
        let state = folder.file("state")
        let daemon = try DaemonProcess(stateDirectory: state)
        try DaemonEndToEndTests.drop(
            (1...50).map { DaemonEndToEndTests.complaint("b-\($0)", "Jalan rusak di Ciruas nomor \($0)") },
            named: "b.jsonl",
            into: state + "/inbox"
        )
        #expect(try eventually { try daemon.status().complaints == 50 })
        #expect(daemon.stop() == 0)
        return state + "/aduan.db"
    }

    /// Starts the daemon on a broken state and returns its exit status and the lines it wrote.
    static func failedStart(
        _ state: String
    ) throws -> (status: Int32?, reason: Process.TerminationReason, lines: [String]) {
        let daemon = try DaemonProcess(stateDirectory: state, waitForReady: false)
        guard let status = daemon.waitForExit(within: 20) else {
            daemon.stop(signal: SIGKILL)
            throw DaemonFailure(message: "aduand started on a broken store:\n\(daemon.log)")
        }
        let lines = daemon.log.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return (status, daemon.process.terminationReason, lines)
    }

    @Test("a read-only database file: one error line naming the file and the fix, exit 1")
    func readOnlyDatabase() throws {
        let folder = try TemporaryDirectory("aduan-ro")
        defer { folder.remove() }
        let database = try Self.makeDatabase(in: folder)
        // Root writes through a 0444 mode, so as root the file is made read-only by a read-only bind mount.
        let isMounted = getuid() == 0
        if isMounted {
            #expect(try CommandRun.run("/bin/mount", ["--bind", database, database]).exitCode == 0)
            #expect(try CommandRun.run("/bin/mount", ["-o", "remount,bind,ro", database]).exitCode == 0)
        } else {
            #expect(chmod(database, 0o444) == 0)
        }
        defer {
            if isMounted { _ = try? CommandRun.run("/bin/umount", [database]) }
        }
        let (status, reason, lines) = try Self.failedStart(folder.file("state"))
        #expect(reason == .exit && status == 1, "\(reason) \(status ?? -1): \(lines)")
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.hasPrefix("aduand: error: "))
        #expect(line.contains(database))
        #expect(line.contains("read-only"))
        #expect(line.contains("writable"))
    }

    @Test("a database file of garbage bytes: one error line naming the file and the fix, exit 1")
    func garbageDatabase() throws {
        let folder = try TemporaryDirectory("aduan-garbage")
        defer { folder.remove() }
        let state = folder.file("state")
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        var generator = SplitMix64(seed: 7)
        let garbage = (0..<65_536).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try Data(garbage).write(to: URL(fileURLWithPath: state + "/aduan.db"))
        let (status, reason, lines) = try Self.failedStart(state)
        #expect(reason == .exit && status == 1, "\(reason) \(status ?? -1): \(lines)")
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.contains(state + "/aduan.db"))
        #expect(line.contains("not a database") || line.contains("damaged"))
        #expect(line.contains("backup"))
    }

    @Test("a truncated database file: one error line naming the file and the fix, exit 1")
    func truncatedDatabase() throws {
        let folder = try TemporaryDirectory("aduan-truncated")
        defer { folder.remove() }
        let database = try Self.makeDatabase(in: folder)
        // A graceful stop leaves the whole database in its file, with no write-ahead log beside it.
        #expect(!FileManager.default.fileExists(atPath: database + "-wal"))
        let size = try #require(try FileManager.default.attributesOfItem(atPath: database)[.size] as? Int)
        #expect(truncate(database, off_t(size / 3)) == 0)
        let (status, reason, lines) = try Self.failedStart(folder.file("state"))
        #expect(reason == .exit && status == 1, "\(reason) \(status ?? -1): \(lines)")
        #expect(lines.count == 1, "\(lines)")
        let line = try #require(lines.first)
        #expect(line.contains(database))
        #expect(line.contains("damaged"))
        #expect(line.contains("backup"))
    }
}
