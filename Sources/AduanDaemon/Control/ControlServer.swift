import AduanControl
import CAduanShims
import Dispatch
import Foundation
import Glibc
import Synchronization

/// Listens on the control socket and answers JSON-line requests, one connection per client.
///
/// Bounded so that a stuck or hostile client cannot stall the daemon: at most `maximumConnections` served at once,
/// requests of at most `maximumRequestBytes`, and `timeout` seconds of silence before a connection is closed.
/// A burst of clients queues instead of failing: connections beyond the served ones wait, oldest first, for a
/// serving thread (at most `maximumWaitingConnections`; past that a client is told "busy" at once and `aduanctl`
/// retries briefly), and the listen backlog is the kernel's largest, so the accept loop never turns clients away.
///
/// Connections are served on threads, not Dispatch queues: they block in recv(2), and libdispatch on Linux does not
/// add workers for blocked ones, so a few silent clients would starve all others. The accept thread and the serving
/// threads are kept from request to request and wake with a short time slice (``ThreadScheduling``), so that
/// `status` is answered in a few milliseconds while intake keeps both cores busy.
final class ControlServer: Sendable {
    /// Why the server could not start.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The socket's path.
    let path: String
    /// A listening socket systemd passed in (`aduand.socket`), served instead of binding `path`.
    private let inherited: SocketActivation.InheritedSocket?
    private let logger: Logger
    private let maximumConnections: Int
    private let maximumWaitingConnections: Int
    private let listener = Mutex<Listener?>(nil)
    private let hasWarnedOfDescriptors = Atomic(false)
    private let connections: ConnectionQueue

    /// The listening socket, the pipe that wakes its accept thread to stop, the signal that the thread has ended,
    /// and the socket file's inode (to remove only our own file; `nil` for an inherited socket, whose file belongs
    /// to systemd).
    /// `@unchecked Sendable`: a semaphore is thread-safe, and the value moves once from `start` to `stop`.
    private struct Listener: @unchecked Sendable {
        var descriptor: Int32
        var wakeReader: Int32
        var wakeWriter: Int32
        var acceptEnded: DispatchSemaphore
        var inode: ino_t?
    }

    /// Creates a server; nothing listens until ``start()``.
    ///
    /// - Parameter inherited: a listening socket passed by systemd; the server serves on it and never removes
    ///   its file, and `path` becomes the path it is bound to.
    init(
        path: String,
        inherited: SocketActivation.InheritedSocket? = nil,
        handler: ControlHandler,
        logger: Logger,
        maximumConnections: Int = 32,
        maximumWaitingConnections: Int = 1_024,
        maximumRequestBytes: Int = 1 << 20,
        timeout: Double = 10
    ) {
        self.path = inherited?.path ?? path
        self.inherited = inherited
        self.logger = logger
        self.maximumConnections = maximumConnections
        // Each waiting connection holds a descriptor: past the open-file limit `accept` fails and nobody could even
        // be told "busy", so fewer wait when the limit is low.
        self.maximumWaitingConnections = DescriptorLimit.waitingConnections(
            wanted: maximumWaitingConnections,
            serving: maximumConnections
        )
        let session = ControlSession(
            handler: handler,
            logger: logger,
            maximumRequestBytes: maximumRequestBytes,
            timeout: timeout
        )
        connections = ConnectionQueue(
            maximumServing: maximumConnections,
            maximumWaiting: self.maximumWaitingConnections,
            prepareThread: { ThreadScheduling.preferPromptWakeups(logger: logger) },
            serve: session.serve
        )
    }

    /// Binds the socket with mode 0660 and starts accepting.
    ///
    /// A socket file left by a dead daemon is replaced; one that a live daemon answers on is never taken.
    /// An inherited socket is already bound and listening: the server only starts accepting on it.
    func start() throws {
        if let inherited {
            try startAccepting(on: inherited.descriptor, inode: nil)
            return
        }
        if access(path, F_OK) == 0 {
            if let probe = try? UnixSocket.connect(to: path) {
                close(probe)
                throw Failure(description: "another aduand is answering on \(path); refusing to take its socket")
            }
            unlink(path)
        }
        let descriptor: Int32
        do {
            descriptor = try UnixSocket.makeStreamSocket()
            let previousMask = umask(0o117)
            defer { umask(previousMask) }
            _ = try UnixSocket.withAddress(path) { address, length in
                try retryingOnInterrupt("bind \(path)") { bind(descriptor, address, length) }
            }
            try retryingOnInterrupt("listen") { listen(descriptor, SOMAXCONN) }
        } catch {
            throw Failure(description: "cannot listen on \(path): \(error)")
        }
        var status = stat()
        stat(path, &status)
        do {
            try startAccepting(on: descriptor, inode: status.st_ino)
        } catch {
            close(descriptor)
            unlink(path)
            throw error
        }
    }

    /// Accepts on a thread of its own, not a Dispatch worker: a thread that keeps the control threads' scheduling,
    /// so that a client's connection is taken at once even while intake keeps every core busy.
    private func startAccepting(on descriptor: Int32, inode: ino_t?) throws {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        var wake: [Int32] = [-1, -1]
        do {
            try retryingOnInterrupt("pipe") { pipe(&wake) }
        } catch {
            throw Failure(description: "cannot start accepting on \(path): \(error)")
        }
        for end in wake { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
        let wakeReader = wake[0]
        let ended = DispatchSemaphore(value: 0)
        listener.withLock {
            $0 = Listener(
                descriptor: descriptor,
                wakeReader: wakeReader,
                wakeWriter: wake[1],
                acceptEnded: ended,
                inode: inode
            )
        }
        Thread.detachNewThread { [self] in
            Thread.current.name = "aduan.accept"
            ThreadScheduling.preferPromptWakeups(logger: logger)
            acceptUntilWoken(descriptor, wake: wakeReader)
            ended.signal()
        }
    }

    /// Accepts connections as they come until a byte arrives on `wake`.
    private func acceptUntilWoken(_ descriptor: Int32, wake: Int32) {
        var watched = [
            pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0),
            pollfd(fd: wake, events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if poll(&watched, nfds_t(watched.count), -1) < 0 {
                if errno == EINTR { continue }
                logger.error("control socket stopped accepting", ["error": String(cString: strerror(errno))])
                return
            }
            if watched[1].revents != 0 { return }
            if watched[0].revents != 0, !acceptPending(descriptor) {
                // Out of descriptors: the pending connection stays in the backlog. Listening again at once would
                // spin on it; wait a moment (or for the stop) while connections close.
                if poll(&watched[1], 1, 100) > 0 { return }
            }
        }
    }

    /// Stops accepting, closes the socket and removes its file if it is still ours (never an inherited one's).
    func stop() {
        guard
            let taken = listener.withLock({ current in
                defer { current = nil }
                return current
            })
        else { return }
        var byte: UInt8 = 0
        _ = write(taken.wakeWriter, &byte, 1)
        taken.acceptEnded.wait()
        close(taken.wakeReader)
        close(taken.wakeWriter)
        close(taken.descriptor)
        for connection in connections.stop() { close(connection) }
        var status = stat()
        if let inode = taken.inode, stat(path, &status) == 0, status.st_ino == inode {
            unlink(path)
        }
    }

    /// Accepts every pending connection; `false` when the process ran out of descriptors.
    private func acceptPending(_ listener: Int32) -> Bool {
        while true {
            let connection = aduan_accept_cloexec(listener)
            if connection < 0 {
                switch errno {
                case EINTR: continue
                case EMFILE, ENFILE:
                    if !hasWarnedOfDescriptors.exchange(true, ordering: .relaxed) {
                        logger.warning(
                            "control socket: out of file descriptors; connections wait in the backlog",
                            ["error": String(cString: strerror(errno))]
                        )
                    }
                    return false
                default: return true
                }
            }
            if !connections.admit(connection) {
                let open = maximumConnections + maximumWaitingConnections
                ControlSession.refuse(
                    connection,
                    ControlError(.busy, "aduand has \(open) control connections open; try again")
                )
                close(connection)
            }
        }
    }
}
