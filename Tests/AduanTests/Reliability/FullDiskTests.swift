import AduanControl
import Foundation
import Glibc
import Testing

@testable import AduanStore

/// The state directory on a small tmpfs that fills up while complaints arrive: intake pauses and says so, nothing
/// is lost, moved or quarantined for it, and intake resumes by itself when space returns.
@Suite(
    "full disk",
    .serialized,
    .enabled(if: getuid() == 0, "needs root to mount a small tmpfs as the state directory (CI runs as root)")
)
struct FullDiskTests {
    @Test("a full state disk pauses intake without losing or moving anything, says so, and resumes when space returns")
    func pausesAndResumes() throws {
        let fixture = try ReliabilityFixture(label: "aduan-full", every: "200ms")
        defer { fixture.remove() }
        let state = fixture.stateDirectory
        try FileManager.default.createDirectory(atPath: state, withIntermediateDirectories: true)
        let mount = try CommandRun.run("/bin/mount", ["-t", "tmpfs", "-o", "size=160m", "tmpfs", state])
        try #require(mount.exitCode == 0, "cannot mount a tmpfs: \(mount.standardError)")
        defer { _ = try? CommandRun.run("/bin/umount", ["-l", state]) }
        let notify = try ServiceNotifyTests.NotifySocket(address: fixture.folder.file("notify.sock"))
        var environment = CommandRun.cleanEnvironment()
        environment["NOTIFY_SOCKET"] = notify.address
        let daemon = try fixture.startDaemon(environment: environment)
        #expect(notify.next { $0.contains("READY=1") } != nil)

        let now = Date()
        let (drops, expected, bad) = fixture.drops(count: 2_000, receivedAt: { _ in now }, badItems: 4)
        let firstHalf = drops.enumerated().filter { $0.offset % 2 == 0 }.map(\.element)
        let secondHalf = drops.enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
        for drop in firstHalf { try drop.write() }
        #expect(eventually(within: 30) { fixture.waitingFiles().isEmpty })
        let storedBefore = try daemon.status().complaints
        #expect(storedBefore > 0)

        // Empty the write-ahead log first: the daemon checkpoints only every ~40 MiB, so a WAL that grew during the
        // first half would take the whole second half into space it already owns and the disk would never look full.
        // Then fill the disk to the last byte and hand the sources more work.
        let checkpoint = try Database(path: fixture.databasePath, mode: .readWrite)
        // The first column is 1 when a reader or the writer kept the checkpoint from finishing.
        let wasBlocked = try checkpoint.scalar("PRAGMA wal_checkpoint(TRUNCATE)", as: Int.self)
        checkpoint.close()
        #expect(wasBlocked == 0, "the daemon's store was busy; the WAL was not emptied")
        let filler = state + "/filler"
        _ = try CommandRun.run("/bin/dd", ["if=/dev/zero", "of=\(filler)", "bs=64k"])
        for drop in secondHalf { try drop.write() }
        #expect(try eventually(within: 30) { try daemon.status().intakePaused })
        let paused = try daemon.status()
        #expect(paused.intakeError?.contains("SQLITE_FULL") == true || paused.intakeError?.contains("space") == true)
        let pauseNotice = notify.next { ServiceNotifyTests.field("STATUS", in: $0)?.contains("intake paused") == true }
        #expect(pauseNotice != nil, "no STATUS= for the pause:\n\(daemon.log.suffix(2_000))")
        let shown = try CommandRun.aduanctl(["--socket", daemon.socketPath, "status"])
        #expect(shown.standardOutput.contains("PAUSED"), "\(shown.standardOutput)")

        // While paused: still running, the waiting files stay in place, nothing good goes to quarantine.
        let waitingWhilePaused = Set(fixture.waitingFiles())
        usleep(3_000_000)
        #expect(daemon.process.isRunning)
        #expect(Set(fixture.waitingFiles()) == waitingWhilePaused, "files moved while the disk was full")
        #expect(!waitingWhilePaused.isEmpty)
        #expect(try daemon.status().intakePaused)

        #expect(unlink(filler) == 0)
        #expect(try eventually(within: 30) { try !daemon.status().intakePaused })
        let resumeNotice = notify.next {
            ServiceNotifyTests.field("STATUS", in: $0)?.contains("intake resumed") == true
        }
        #expect(resumeNotice != nil)
        let isDrained = eventually(within: 60) {
            fixture.waitingFiles().isEmpty && (try? daemon.status().complaints) == expected.count
        }
        let storedAfter = try daemon.status().complaints
        #expect(isDrained, "\(storedAfter) of \(expected.count) stored; waiting \(fixture.waitingFiles().prefix(3))")
        let audit = try CommandRun.aduanctl(["--socket", daemon.socketPath, "audit", "verify"])
        #expect(audit.exitCode == 0, "\(audit.standardError)")
        #expect(daemon.stop() == 0, "\(daemon.log.suffix(2_000))")

        let stored = try fixture.storedKeys()
        #expect(Set(stored.keys) == expected)
        #expect(stored.values.allSatisfy { $0 == 1 })
        #expect(try fixture.database().scalar("PRAGMA integrity_check", as: String.self) == "ok")
        // Quarantine holds the bad items, each once with its reason, and no good one.
        var quarantinedLines: [String] = []
        for source in ReliabilityFixture.spoolSources + [ReliabilityFixture.csvSource] {
            let names = fixture.files(in: source, "quarantine")
            let items = names.filter { !$0.hasSuffix(".reason") }
            #expect(Set(names.filter { $0.hasSuffix(".reason") }) == Set(items.map { $0 + ".reason" }), "\(names)")
            for name in items {
                let text = try String(
                    contentsOfFile: fixture.folder.file("\(source)/quarantine/\(name)"),
                    encoding: .utf8
                )
                quarantinedLines += text.split(separator: "\n").map(String.init).filter {
                    $0 != ReliabilityFixture.csvHeader.trimmingCharacters(in: .newlines)
                }
            }
        }
        #expect(
            quarantinedLines.count == bad && quarantinedLines.allSatisfy { $0.contains("-bad-") },
            "\(quarantinedLines)"
        )
    }
}
