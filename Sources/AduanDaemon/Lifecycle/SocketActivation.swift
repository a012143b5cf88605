import Foundation
import Glibc

/// Takes the listening control socket systemd passes in (sd_listen_fds(3) protocol, `aduand.socket`).
///
/// systemd passes sockets as descriptors 3, 4, … and says so in `LISTEN_FDS`, with `LISTEN_PID` naming the process
/// they are meant for: a child that inherited the environment must not take them too.
enum SocketActivation {
    /// The first descriptor systemd passes (`SD_LISTEN_FDS_START`).
    static let firstDescriptor: Int32 = 3

    /// An inherited listening socket and the path it is bound to.
    struct InheritedSocket: Sendable, Hashable {
        var descriptor: Int32
        var path: String
    }

    /// Why the passed descriptors cannot be used: one readable line.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The passed listening `AF_UNIX` stream socket, or `nil` when systemd passed none to this process.
    ///
    /// Removes `LISTEN_PID`, `LISTEN_FDS` and `LISTEN_FDNAMES` from the environment and marks the passed
    /// descriptors close-on-exec, so that commands the daemon runs (sendmail) inherit neither.
    /// - Throws: ``Failure`` when descriptors were passed but none is a listening Unix stream socket.
    static func takeListeningSocket() throws -> InheritedSocket? {
        let environment = ProcessInfo.processInfo.environment
        defer {
            for name in ["LISTEN_PID", "LISTEN_FDS", "LISTEN_FDNAMES"] { unsetenv(name) }
        }
        guard let pidText = environment["LISTEN_PID"], let pid = pid_t(pidText), pid == getpid(),
            let countText = environment["LISTEN_FDS"], let count = Int32(countText), count > 0
        else { return nil }
        let descriptors = firstDescriptor..<(firstDescriptor + count)
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFD, fcntl(descriptor, F_GETFD) | FD_CLOEXEC)
        }
        guard let descriptor = descriptors.first(where: isListeningUnixStream) else {
            throw Failure(
                description: "systemd passed \(count) socket(s) (LISTEN_FDS) but none is a listening Unix stream "
                    + "socket: check ListenStream= in aduand.socket"
            )
        }
        return InheritedSocket(descriptor: descriptor, path: boundPath(of: descriptor) ?? "fd \(descriptor)")
    }

    private static func isListeningUnixStream(_ descriptor: Int32) -> Bool {
        integerOption(SO_DOMAIN, of: descriptor) == AF_UNIX
            && integerOption(SO_TYPE, of: descriptor) == Int32(SOCK_STREAM.rawValue)
            && integerOption(SO_ACCEPTCONN, of: descriptor) == 1
    }

    private static func integerOption(_ option: Int32, of descriptor: Int32) -> Int32? {
        var value: Int32 = 0
        var length = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(descriptor, SOL_SOCKET, option, &value, &length) == 0 ? value : nil
    }

    /// The filesystem path the socket is bound to; `nil` for an abstract or unnamed socket.
    private static func boundPath(of descriptor: Int32) -> String? {
        var address = sockaddr_un()
        var length = socklen_t(MemoryLayout<sockaddr_un>.size)
        let result = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        let pathLength = Int(length) - MemoryLayout<sa_family_t>.size
        guard result == 0, pathLength > 0 else { return nil }
        let bytes = withUnsafeBytes(of: &address.sun_path) { Array($0.prefix(pathLength)) }
        guard bytes.first != 0 else { return nil }
        return String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
    }
}
