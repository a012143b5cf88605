import AduanControl
import Foundation
import Glibc
import Testing

/// The control socket itself, spoken to with raw JSON lines as `socat` would.
@Suite("control socket", .serialized)
struct ControlSocketTests {
    /// Sends raw bytes and reads one line back.
    static func exchange(_ path: String, _ bytes: [UInt8]) throws -> String {
        let descriptor = try UnixSocket.connect(to: path)
        defer { close(descriptor) }
        UnixSocket.setTimeouts(descriptor, seconds: 10)
        // The daemon may answer and close before it has read everything (a refused oversized request), so a
        // failed write is not the end: the answer is still there to read.
        try? UnixSocket.writeAll(descriptor, bytes)
        var reader = LineReader(descriptor: descriptor, maximumLineLength: 1 << 24)
        return String(decoding: try reader.nextLine() ?? [], as: UTF8.self)
    }

    @Test("the socket is mode 0660 and answers JSON lines, echoing the request id, several per connection")
    func jsonLines() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        var status = stat()
        #expect(stat(daemon.socketPath, &status) == 0)
        #expect(status.st_mode & 0o777 == 0o660)

        let descriptor = try UnixSocket.connect(to: daemon.socketPath)
        defer { close(descriptor) }
        try UnixSocket.writeAll(
            descriptor,
            Array("{\"id\":7,\"op\":\"status\"}\n{\"id\":8,\"op\":\"cases\",\"limit\":0}\n".utf8)
        )
        var reader = LineReader(descriptor: descriptor, maximumLineLength: 1 << 20)
        let first = String(decoding: try #require(try reader.nextLine()), as: UTF8.self)
        let second = String(decoding: try #require(try reader.nextLine()), as: UTF8.self)
        #expect(first.contains("\"id\":7") && first.contains("\"ok\":true") && first.contains("\"uptime_s\""))
        #expect(second.contains("\"id\":8") && second.contains("\"result\":[]"))
        #expect(daemon.stop() == 0)
    }

    @Test("bad requests get a one-line error naming the problem, and the daemon keeps serving")
    func badRequests() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let garbage = try Self.exchange(daemon.socketPath, Array("hello\n".utf8))
        #expect(garbage.contains("\"code\":\"bad_request\""))
        let unknown = try Self.exchange(daemon.socketPath, Array("{\"op\":\"explode\"}\n".utf8))
        #expect(unknown.contains("\"code\":\"bad_request\"") && unknown.contains("status, cases, case.show"))
        let missing = try Self.exchange(
            daemon.socketPath,
            Array("{\"id\":3,\"op\":\"case.show\",\"case_id\":\"12\"}\n".utf8)
        )
        #expect(missing.contains("\"id\":3") && missing.contains("\"code\":\"not_found\""))
        let huge = [UInt8]("{\"op\":\"status\",\"pad\":\"".utf8) + [UInt8](repeating: 0x61, count: 2 << 20)
        let refused = try Self.exchange(daemon.socketPath, huge)
        #expect(refused.contains("\"code\":\"too_large\""))
        #expect(try daemon.status().complaints == 0)
        #expect(daemon.stop() == 0)
    }

    @Test("a client that connects and says nothing does not stall other clients")
    func silentClientDoesNotStall() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let silent = try (0..<5).map { _ in try UnixSocket.connect(to: daemon.socketPath) }
        defer { silent.forEach { close($0) } }
        let client = ControlClient(socketPath: daemon.socketPath, timeout: 3)
        #expect(try client.send(ControlRequest(op: .status), expecting: StatusReport.self).complaints == 0)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "a caller outside the socket's and the admin group is refused with exit 77; root may read and change",
        .enabled(if: getuid() == 0, "runs aduanctl as nobody through runuser, which needs root (CI runs as root)")
    )
    func permissions() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), socketPath: folder.file("aduand.sock"))
        // Let anyone connect, so that the daemon's own check is what refuses.
        #expect(chmod(daemon.socketPath, 0o666) == 0)
        let asNobody = ["-u", "nobody", "--", TestPaths.aduanctl, "--socket", daemon.socketPath]
        let read = try CommandRun.run(
            "/usr/sbin/runuser",
            asNobody + ["status"],
            environment: CommandRun.cleanEnvironment()
        )
        #expect(read.exitCode == 77)
        #expect(read.standardError.hasPrefix("error: permission denied for uid 65534 (nobody): reading needs"))
        let change = try CommandRun.run(
            "/usr/sbin/runuser",
            asNobody + ["case", "resolve", "1"],
            environment: CommandRun.cleanEnvironment()
        )
        #expect(change.exitCode == 77)
        #expect(change.standardError.contains("changes need root, the daemon's user or the aduan-admin group"))
        let asRoot = try CommandRun.aduanctl(["--socket", daemon.socketPath, "status"])
        #expect(asRoot.exitCode == 0)
        #expect(daemon.stop() == 0)
    }
}
