import AduanControl
import AduanCore
import Foundation
import Synchronization
import Testing

/// SIGTERM lets the work in progress finish and be recorded; a second SIGTERM ends the daemon at once, and the
/// store it leaves opens whole.
@Suite("graceful stop", .serialized)
struct GracefulStopTests {
    /// A webhook receiver that answers slowly: a delivery is in flight when the stop signal comes.
    final class AnswerCount: Sendable {
        let value = Mutex(0)
    }

    func slowReceiver(delay: UInt32, answered: AnswerCount) throws -> LocalHTTPServer {
        try LocalHTTPServer { _ in
            sleep(delay)
            answered.value.withLock { $0 += 1 }
            return .reply(status: 200)
        }
    }

    func startDaemon(_ folder: TemporaryDirectory, server: LocalHTTPServer) throws -> DaemonProcess {
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try DeliveryHarness.rules.write(toFile: folder.file("rules/a.rules"), atomically: true, encoding: .utf8)
        try "kunci\n".write(toFile: folder.file("hook.key"), atomically: true, encoding: .utf8)
        try """
        daemon {
            stop_timeout = "20s"
        }
        source "spool" {
            kind = "spool"
            path = "\(folder.file("state"))"
            every = "200ms"
        }
        deliver "*" {
            kind = "webhook"
            url = "\(server.url("/aduan"))"
            secret_file = "hook.key"
            timeout = "60s"
            retry_min = "500ms"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        return try DaemonProcess(
            stateDirectory: folder.file("state"),
            arguments: ["--config", folder.file("aduand.conf")],
            rules: folder.file("rules")
        )
    }

    func deliveries(_ daemon: DaemonProcess) throws -> [DeliveryRecord] {
        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "deliveries", "--json"])
        return try ControlCoding.makeDecoder().decode([DeliveryRecord].self, from: Data(run.standardOutput.utf8))
    }

    @Test("SIGTERM waits for the delivery in flight, records it as delivered and exits 0")
    func termDrainsDeliveries() throws {
        let folder = try TemporaryDirectory("aduan-stop")
        defer { folder.remove() }
        let answered = AnswerCount()
        let server = try slowReceiver(delay: 2, answered: answered)
        defer { server.stop() }
        var daemon = try startDaemon(folder, server: server)
        try DaemonEndToEndTests.drop(
            [DaemonEndToEndTests.complaint("j-1", "Jalan rusak di depan sekolah")],
            named: "a.jsonl",
            into: folder.file("state/inbox")
        )
        // The case goes to its agency and, as a copy, to the route's cc agency: two deliveries in flight at once.
        #expect(eventually(within: 10) { server.requests.count == 2 })
        let started = Date()
        #expect(daemon.stop(signal: SIGTERM) == 0)
        #expect(Date().timeIntervalSince(started) >= 1, "the daemon did not wait for the attempts in flight")
        #expect(answered.value.withLock { $0 } == 2)
        #expect(daemon.log.contains("aduand stopped"))

        daemon = try startDaemon(folder, server: server)
        defer { daemon.stop() }
        let records = try deliveries(daemon)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.deliveredAt != nil && $0.attempts == 1 })
        usleep(700_000)
        #expect(server.requests.count == 2, "a delivered document was sent again after the restart")
    }

    @Test("a second SIGTERM ends a stop at once; the store opens whole and the delivery is retried")
    func secondTermForcesExit() throws {
        let folder = try TemporaryDirectory("aduan-stop")
        defer { folder.remove() }
        let answered = AnswerCount()
        let server = try slowReceiver(delay: 30, answered: answered)
        defer { server.stop() }
        var daemon = try startDaemon(folder, server: server)
        try DaemonEndToEndTests.drop(
            [DaemonEndToEndTests.complaint("j-1", "Jalan rusak di depan sekolah")],
            named: "a.jsonl",
            into: folder.file("state/inbox")
        )
        #expect(eventually(within: 10) { !server.requests.isEmpty })
        kill(daemon.process.processIdentifier, SIGTERM)
        usleep(300_000)
        #expect(daemon.process.isRunning, "the first SIGTERM should wait for the delivery in flight")
        let started = Date()
        #expect(daemon.stop(signal: SIGTERM) == 75)
        #expect(Date().timeIntervalSince(started) < 5)
        #expect(daemon.log.contains("second stop signal"))

        daemon = try startDaemon(folder, server: server)
        defer { daemon.stop(signal: SIGKILL) }
        #expect(try daemon.status().complaints == 1)
        let records = try deliveries(daemon)
        #expect(records.count == 2)
        #expect(records.allSatisfy { $0.deliveredAt == nil })
        let verification = try CommandRun.aduanctl(["--socket", daemon.socketPath, "audit", "verify"])
        #expect(verification.exitCode == 0, "\(verification.standardError)")
    }
}
