import AduanControl
import Foundation
import Glibc

/// Speaks sd_notify(3) to systemd without libsystemd: one datagram per state change to `$NOTIFY_SOCKET`.
///
/// Without `NOTIFY_SOCKET` (not under systemd, or `Type=` other than `notify`) every call does nothing.
struct ServiceNotifier: Sendable {
    private let socketPath: String?

    /// Reads `NOTIFY_SOCKET` from the environment; `@name` is an abstract socket.
    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        socketPath = environment["NOTIFY_SOCKET"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Whether systemd listens.
    var isActive: Bool { socketPath != nil }

    /// The watchdog interval systemd expects pings within, from `WATCHDOG_USEC` (when meant for this process).
    static func watchdogInterval(environment: [String: String] = ProcessInfo.processInfo.environment) -> Double? {
        guard let text = environment["WATCHDOG_USEC"], let microseconds = Double(text), microseconds > 0 else {
            return nil
        }
        if let pid = environment["WATCHDOG_PID"], pid != String(getpid()) { return nil }
        return microseconds / 1_000_000
    }

    /// `READY=1` with a status line.
    func ready(status: String) { send("READY=1\nSTATUS=\(status)") }

    /// `STATUS=` alone.
    func status(_ text: String) { send("STATUS=\(text)") }

    /// `RELOADING=1` with `MONOTONIC_USEC`, as `Type=notify-reload` requires.
    func reloading() {
        send("RELOADING=1\nMONOTONIC_USEC=\(DispatchTime.now().uptimeNanoseconds / 1_000)")
    }

    /// `STOPPING=1`.
    func stopping() { send("STOPPING=1") }

    /// `WATCHDOG=1`.
    func watchdog() { send("WATCHDOG=1") }

    /// Sends one datagram; failures are ignored, as sd_notify(3) callers do: systemd may simply not listen.
    private func send(_ message: String) {
        guard let socketPath else { return }
        let descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { return }
        defer { close(descriptor) }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        var pathBytes = Array(socketPath.utf8)
        // An abstract socket starts with a NUL byte where the name has '@'.
        if pathBytes.first == UInt8(ascii: "@") { pathBytes[0] = 0 }
        guard pathBytes.count < MemoryLayout.size(ofValue: address.sun_path) else { return }
        withUnsafeMutableBytes(of: &address.sun_path) { $0.copyBytes(from: pathBytes) }
        // offsetof(sun_path) + the name's length: sizeof(sockaddr_un) would break abstract names.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        let bytes = Array(message.utf8)
        _ = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { socketAddress in
                bytes.withUnsafeBytes { buffer in
                    sendto(descriptor, buffer.baseAddress, buffer.count, Int32(MSG_NOSIGNAL), socketAddress, length)
                }
            }
        }
    }
}
