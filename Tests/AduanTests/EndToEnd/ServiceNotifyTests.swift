import AduanControl
import Foundation
import Glibc
import Testing

/// sd_notify as systemd sees it: a real datagram socket passed in `NOTIFY_SOCKET` to the real daemon.
@Suite("sd_notify", .serialized)
struct ServiceNotifyTests {
    /// A datagram socket standing in for systemd's notification socket.
    final class NotifySocket {
        let path: String
        let descriptor: Int32

        init(path: String) throws {
            self.path = path
            descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue), 0)
            _ = try UnixSocket.withAddress(path) { address, length in
                try retryingOnInterrupt("bind") { bind(descriptor, address, length) }
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

        deinit { close(descriptor) }
    }

    @Test("READY after start, WATCHDOG pings, RELOADING then READY on SIGHUP, STOPPING on SIGTERM")
    func lifecycle() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let notify = try NotifySocket(path: folder.file("notify.sock"))
        var environment = CommandRun.cleanEnvironment()
        environment["NOTIFY_SOCKET"] = notify.path
        environment["WATCHDOG_USEC"] = "1000000"
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), environment: environment)
        let ready = try #require(notify.next { $0.hasPrefix("READY=1") })
        #expect(ready.contains("STATUS=serving "))
        #expect(notify.next { $0 == "WATCHDOG=1" } != nil)

        kill(daemon.process.processIdentifier, SIGHUP)
        let reloading = try #require(notify.next { $0.hasPrefix("RELOADING=1") })
        let monotonic = reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
        #expect(monotonic.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) } != nil)
        #expect(notify.next { $0.hasPrefix("READY=1") } != nil)

        kill(daemon.process.processIdentifier, SIGTERM)
        #expect(notify.next { $0 == "STOPPING=1" } != nil)
        #expect(daemon.waitForExit() == 0)
    }
}
