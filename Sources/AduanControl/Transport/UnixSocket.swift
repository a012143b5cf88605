public import Glibc

/// Thin helpers over `AF_UNIX` stream sockets shared by the control client and server.
public enum UnixSocket {
    /// The longest path `sockaddr_un` can hold.
    public static let maximumPathLength = MemoryLayout<sockaddr_un>.size - MemoryLayout<sa_family_t>.size - 1

    /// Creates a close-on-exec stream socket.
    public static func makeStreamSocket() throws -> Int32 {
        try retryingOnInterrupt("socket") {
            socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        }
    }

    /// Calls `body` with a `sockaddr_un` for `path` and its exact length.
    public static func withAddress<T>(
        _ path: String,
        _ body: (UnsafePointer<sockaddr>, socklen_t) throws -> T
    ) throws -> T {
        let pathBytes = Array(path.utf8)
        guard !pathBytes.isEmpty, pathBytes.count <= maximumPathLength else {
            throw SystemCallError(call: "socket path '\(path)'", errno: ENAMETOOLONG)
        }
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &address.sun_path) { buffer in
            buffer.copyBytes(from: pathBytes)
        }
        let length = socklen_t(MemoryLayout<sa_family_t>.size + pathBytes.count)
        return try withUnsafePointer(to: &address) { pointer in
            try pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { try body($0, length) }
        }
    }

    /// Connects a new socket to `path`; the caller closes the descriptor.
    ///
    /// - Parameter timeout: seconds to wait for the connection and, afterwards, for each read and write; without
    ///   it a connect to a daemon whose listen backlog is full would wait forever.
    public static func connect(to path: String, timeout: Double? = nil) throws -> Int32 {
        let descriptor = try makeStreamSocket()
        if let timeout { setTimeouts(descriptor, seconds: timeout) }
        do {
            _ = try withAddress(path) { address, length in
                try retryingOnInterrupt("connect") { Glibc.connect(descriptor, address, length) }
            }
            return descriptor
        } catch {
            close(descriptor)
            throw error
        }
    }

    /// Sets the receive and send timeouts of a socket.
    public static func setTimeouts(_ descriptor: Int32, seconds: Double) {
        var time = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        let size = socklen_t(MemoryLayout<timeval>.size)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &time, size)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &time, size)
    }

    /// Writes every byte, retrying short writes; never raises SIGPIPE.
    public static func writeAll(_ descriptor: Int32, _ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            let written = try bytes.withUnsafeBytes { buffer in
                try retryingOnInterrupt("send") {
                    send(descriptor, buffer.baseAddress! + offset, buffer.count - offset, Int32(MSG_NOSIGNAL))
                }
            }
            offset += written
        }
    }
}
