import AduanControl
import Dispatch
import Foundation
import Glibc
import Testing

/// sd_notify as systemd sees it: a real datagram socket passed in `NOTIFY_SOCKET` to the real daemon.
@Suite("sd_notify", .serialized)
struct ServiceNotifyTests {
    /// A datagram socket standing in for systemd's notification socket: a path, or an abstract `@name`.
    final class NotifySocket {
        /// What goes in `NOTIFY_SOCKET`.
        let address: String
        let descriptor: Int32

        init(address: String) throws {
            self.address = address
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
            var socketAddress = sockaddr_un()
            socketAddress.sun_family = sa_family_t(AF_UNIX)
            var nameBytes = Array(address.utf8)
            // An abstract name starts with a NUL byte where NOTIFY_SOCKET has '@', and has no trailing NUL.
            if nameBytes.first == UInt8(ascii: "@") { nameBytes[0] = 0 }
            withUnsafeMutableBytes(of: &socketAddress.sun_path) { $0.copyBytes(from: nameBytes) }
            let length = socklen_t(MemoryLayout<sa_family_t>.size + nameBytes.count)
            _ = try withUnsafePointer(to: &socketAddress) { pointer in
                try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bound in
                    try retryingOnInterrupt("bind \(address)") { bind(descriptor, bound, length) }
                }
            }
            UnixSocket.setTimeouts(descriptor, seconds: 20)
        }

        /// The next datagram, or `nil` after the timeout.
        func next() -> String? {
            var buffer = [UInt8](repeating: 0, count: 4_096)
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : nil
        }

        /// Reads datagrams until one satisfies `condition`.
        func next(where condition: (String) -> Bool) -> String? {
            while let message = next() {
                if condition(message) { return message }
            }
            return nil
        }

        /// Every datagram that arrives within `seconds`.
        func collect(for seconds: Double) -> [String] {
            let deadline = Date().addingTimeInterval(seconds)
            var messages: [String] = []
            while case let remaining = deadline.timeIntervalSinceNow, remaining > 0.01 {
                UnixSocket.setTimeouts(descriptor, seconds: remaining)
                guard let message = next() else { break }
                messages.append(message)
            }
            UnixSocket.setTimeouts(descriptor, seconds: 20)
            return messages
        }

        deinit { close(descriptor) }
    }

    /// The value of `KEY=` in a notification, e.g. `STATUS`.
    static func field(_ key: String, in message: String) -> String? {
        message.split(separator: "\n").first { $0.hasPrefix(key + "=") }.map { String($0.dropFirst(key.count + 1)) }
    }

    /// Starts `aduand` with `NOTIFY_SOCKET` set and returns without waiting for its socket.
    static func startDaemon(
        in folder: TemporaryDirectory,
        notify: NotifySocket,
        rules: String = TestPaths.rulesDirectory,
        extraEnvironment: [String: String] = [:]
    ) throws -> DaemonProcess {
        var environment = CommandRun.cleanEnvironment()
        environment["NOTIFY_SOCKET"] = notify.address
        environment.merge(extraEnvironment) { _, new in new }
        return try DaemonProcess(
            stateDirectory: folder.file("state"),
            rules: rules,
            environment: environment,
            waitForReady: false
        )
    }

    @Test(
        "READY=1 with a STATUS line arrives only once the socket answers; STOPPING=1 at SIGTERM",
        arguments: ["path", "abstract"]
    )
    func readyAndStopping(addressKind: String) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let address =
            addressKind == "path" ? folder.file("notify.sock") : "@aduan-test-\(UUID().uuidString.prefix(8))"
        let notify = try NotifySocket(address: address)
        let daemon = try Self.startDaemon(in: folder, notify: notify)
        let ready = try #require(notify.next { $0.contains("READY=1") }, "\(daemon.log)")
        // No retry: when READY arrives, store, rules and socket are up, so the first request is answered.
        let status = try ControlClient(socketPath: daemon.socketPath, timeout: 5)
            .send(ControlRequest(op: .status), expecting: StatusReport.self)
        #expect(status.sources.map(\.name) == ["spool"])
        let statusLine = try #require(Self.field("STATUS", in: ready))
        #expect(statusLine.hasPrefix("serving \(status.rules.routes) routes (rules \(status.rules.hash.prefix(12)))"))
        #expect(statusLine.hasSuffix(daemon.socketPath))

        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(notify.next { $0 == "STOPPING=1" } != nil)
        #expect(daemon.waitForExit() == 0)
    }

    @Test("WATCHDOG=1 pings come at half of WATCHDOG_USEC")
    func watchdogPings() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notify = try NotifySocket(address: folder.file("notify.sock"))
        let daemon = try Self.startDaemon(in: folder, notify: notify, extraEnvironment: ["WATCHDOG_USEC": "400000"])
        _ = try #require(notify.next { $0.contains("READY=1") }, "\(daemon.log)")
        // 2 s at one ping per 200 ms is 10; the bounds leave room for a loaded machine, not for the wrong period
        // (the full 400 ms would give 5, none at all 0, a busy loop hundreds).
        let pings = notify.collect(for: 2).filter { $0 == "WATCHDOG=1" }.count
        #expect((7...14).contains(pings), "\(pings) pings in 2 s")
        daemon.stop()
    }

    @Test("no WATCHDOG=1 pings when WATCHDOG_PID names another process")
    func watchdogForAnotherProcess() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notify = try NotifySocket(address: folder.file("notify.sock"))
        let daemon = try Self.startDaemon(
            in: folder,
            notify: notify,
            extraEnvironment: ["WATCHDOG_USEC": "200000", "WATCHDOG_PID": "1"]
        )
        _ = try #require(notify.next { $0.contains("READY=1") }, "\(daemon.log)")
        #expect(!notify.collect(for: 0.6).contains("WATCHDOG=1"))
        daemon.stop()
    }

    @Test("RELOADING=1 with MONOTONIC_USEC, then READY=1, around aduanctl reload and SIGHUP; a refused reload says so")
    func reloading() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = try folder.copyBundledRulesAndSeeds()
        let notify = try NotifySocket(address: folder.file("notify.sock"))
        let daemon = try Self.startDaemon(in: folder, notify: notify, rules: rules)
        _ = try #require(notify.next { $0.contains("READY=1") }, "\(daemon.log)")

        func expectReloadNotifications(refused: Bool) throws {
            let before = DispatchTime.now().uptimeNanoseconds / 1_000
            let reloading = try #require(notify.next { $0.hasPrefix("RELOADING=1") })
            let after = DispatchTime.now().uptimeNanoseconds / 1_000
            let monotonic = try #require(Self.field("MONOTONIC_USEC", in: reloading).flatMap { UInt64($0) })
            // CLOCK_MONOTONIC of the moment the reload began: before this test saw the datagram.
            #expect(monotonic <= after && monotonic + 30_000_000 >= before)
            let ready = try #require(notify.next { $0.hasPrefix("READY=1") })
            #expect(Self.field("STATUS", in: ready)?.hasSuffix("; last reload refused") == refused)
        }

        let reload = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(reload.exitCode == 0, "\(reload.standardError)")
        try expectReloadNotifications(refused: false)

        kill(daemon.process.processIdentifier, SIGHUP)
        try expectReloadNotifications(refused: false)

        try "route \"broken\" { to = }\n".write(toFile: rules + "/50-broken.rules", atomically: true, encoding: .utf8)
        let refused = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(refused.exitCode == 1)
        try expectReloadNotifications(refused: true)
        daemon.stop()
    }

    @Test("under journald (JOURNAL_STREAM set) every log line starts with a <N> syslog priority")
    func journalPriorityPrefix() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notify = try NotifySocket(address: folder.file("notify.sock"))
        let daemon = try Self.startDaemon(in: folder, notify: notify, extraEnvironment: ["JOURNAL_STREAM": "8:12345"])
        _ = try #require(notify.next { $0.contains("READY=1") }, "\(daemon.log)")
        #expect(daemon.stop() == 0)
        let lines = daemon.log.split(separator: "\n")
        #expect(lines.contains("<5>aduand stopped"))
        let unprefixed = lines.filter { $0.wholeMatch(of: /<[0-7]>\S.*/) == nil }
        #expect(unprefixed.isEmpty, "lines without a priority: \(unprefixed)")
    }
}
