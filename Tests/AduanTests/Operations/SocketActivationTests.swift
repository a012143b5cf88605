import AduanControl
import Foundation
import Glibc
import Testing

/// `aduand.socket`: systemd binds the control socket and passes it in; the daemon serves on it.
@Suite("socket activation", .serialized)
struct SocketActivationTests {
    @Test("aduand serves aduanctl on the socket passed as fd 3 and leaves its file in place at stop")
    func servesInheritedSocket() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let activatedPath = folder.file("activated.sock")
        let listener = try makeListeningSocket(at: activatedPath)
        defer { close(listener) }
        let configuredPath = folder.file("configured.sock")
        let daemon = try ActivatedDaemon(
            listener: listener,
            arguments: [
                "--state-dir", folder.file("state"), "--rules", TestPaths.rulesDirectory, "--socket",
                configuredPath,
            ],
            logPath: folder.file("aduand.log")
        )
        var status = try CommandRun.aduanctl(["--socket", activatedPath, "status", "--json"])
        #expect(status.exitCode == 0, "\(status.standardError)\n\(daemon.log)")
        #expect(status.standardOutput.contains("\"uptime_s\""))
        #expect(access(configuredPath, F_OK) != 0, "the daemon bound a socket of its own")
        // The socket serves (the backlog holds the request) before the start-up line that names it is logged.
        #expect(eventually(within: 10) { daemon.log.contains("socket=\(activatedPath)") }, "\(daemon.log)")

        #expect(daemon.stop() == 0, "\(daemon.log)")
        #expect(access(activatedPath, F_OK) == 0, "the daemon removed systemd's socket file")
        // systemd keeps listening after the daemon stops: a connection waits in the backlog for the next start.
        status = try CommandRun.aduanctl(["--socket", configuredPath, "status"])
        #expect(status.exitCode == 69)
    }

    @Test("descriptors meant for another process (LISTEN_PID) are left alone: the daemon binds its own socket")
    func ignoresSocketsForAnotherProcess() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let listener = try makeListeningSocket(at: folder.file("activated.sock"))
        defer { close(listener) }
        let configuredPath = folder.file("configured.sock")
        let daemon = try ActivatedDaemon(
            listener: listener,
            arguments: [
                "--state-dir", folder.file("state"), "--rules", TestPaths.rulesDirectory, "--socket",
                configuredPath,
            ],
            logPath: folder.file("aduand.log"),
            listenPID: 1
        )
        let isServing = eventually(within: 20) {
            (try? CommandRun.aduanctl(["--socket", configuredPath, "status"]).exitCode) == 0
        }
        #expect(isServing, "\(daemon.log)")
        #expect(daemon.stop() == 0)
        #expect(access(configuredPath, F_OK) != 0, "the daemon left its own socket file behind")
    }
}
