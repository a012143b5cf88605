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
final class ControlServer: Sendable {
    /// Why the server could not start.
    struct Failure: Error, Sendable, CustomStringConvertible {
        let description: String
    }

    /// The socket's path.
    let path: String
    /// A listening socket systemd passed in (`aduand.socket`), served instead of binding `path`.
    private let inherited: SocketActivation.InheritedSocket?
    private let handler: ControlHandler
    private let logger: Logger
    private let maximumConnections: Int
    private let maximumWaitingConnections: Int
    private let maximumRequestBytes: Int
    private let timeout: Double
    private let acceptQueue = DispatchQueue(label: "aduan.control.accept")
    private let listener = Mutex<Listener?>(nil)
    private let admission = Mutex(Admission())

    /// Connections being served and those waiting for a serving thread, oldest first.
    private struct Admission {
        var serving = 0
        var waiting: [Int32] = []
    }

    /// What to do with a newly accepted connection.
    private enum Decision {
        case serve, wait, refuse
    }
    /// The listening socket, its accept source and the socket file's inode (to remove only our own file; `nil`
    /// for an inherited socket, whose file belongs to systemd).
    /// `@unchecked Sendable`: Dispatch sources are thread-safe, and the value moves once from `start` to `stop`.
    private struct Listener: @unchecked Sendable {
        var descriptor: Int32
        var source: any DispatchSourceRead
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
        self.handler = handler
        self.logger = logger
        self.maximumConnections = maximumConnections
        self.maximumWaitingConnections = maximumWaitingConnections
        self.maximumRequestBytes = maximumRequestBytes
        self.timeout = timeout
    }

    /// Binds the socket with mode 0660 and starts accepting.
    ///
    /// A socket file left by a dead daemon is replaced; one that a live daemon answers on is never taken.
    /// An inherited socket is already bound and listening: the server only starts accepting on it.
    func start() throws {
        if let inherited {
            startAccepting(on: inherited.descriptor, inode: nil)
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
        startAccepting(on: descriptor, inode: status.st_ino)
    }

    private func startAccepting(on descriptor: Int32, inode: ino_t?) {
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        let source = DispatchSource.makeReadSource(fileDescriptor: descriptor, queue: acceptQueue)
        source.setEventHandler { [weak self] in self?.acceptPending(descriptor) }
        listener.withLock { $0 = Listener(descriptor: descriptor, source: source, inode: inode) }
        source.resume()
    }

    /// Stops accepting, closes the socket and removes its file if it is still ours (never an inherited one's).
    func stop() {
        guard
            let taken = listener.withLock({ current in
                defer { current = nil }
                return current
            })
        else { return }
        taken.source.cancel()
        acceptQueue.sync {}
        close(taken.descriptor)
        let waiting = admission.withLock { admission in
            defer { admission.waiting.removeAll() }
            return admission.waiting
        }
        for connection in waiting { close(connection) }
        var status = stat()
        if let inode = taken.inode, stat(path, &status) == 0, status.st_ino == inode {
            unlink(path)
        }
    }

    private func acceptPending(_ listener: Int32) {
        while true {
            let connection = aduan_accept_cloexec(listener)
            if connection < 0 {
                if errno == EINTR { continue }
                return
            }
            let decision = admission.withLock { admission -> Decision in
                if admission.serving < maximumConnections {
                    admission.serving += 1
                    return .serve
                }
                guard admission.waiting.count < maximumWaitingConnections else { return .refuse }
                admission.waiting.append(connection)
                return .wait
            }
            switch decision {
            case .serve: startServing(connection)
            case .wait: continue
            case .refuse:
                let open = maximumConnections + maximumWaitingConnections
                refuse(connection, ControlError(.busy, "aduand has \(open) control connections open; try again"))
                close(connection)
            }
        }
    }

    /// Serves `first`, then each waiting connection in turn, until none waits.
    private func startServing(_ first: Int32) {
        // One thread per served connection, not a Dispatch queue: connections block in recv(2), and libdispatch on
        // Linux does not add workers for blocked ones, so a few silent clients would starve all others.
        let thread = Thread { [self] in
            var next: Int32? = first
            while let connection = next {
                serve(connection)
                next = admission.withLock { admission -> Int32? in
                    guard admission.waiting.isEmpty else { return admission.waiting.removeFirst() }
                    admission.serving -= 1
                    return nil
                }
            }
        }
        thread.name = "aduan.control.connection"
        thread.start()
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        UnixSocket.setTimeouts(connection, seconds: timeout)
        var credentials = aduan_peer_credentials()
        let peer = aduan_peer_credentials_of(connection, &credentials) == 0 ? PeerIdentity(credentials) : nil
        var reader = LineReader(descriptor: connection, maximumLineLength: maximumRequestBytes)
        while true {
            let line: [UInt8]
            do {
                guard let next = try reader.nextLine() else { return }
                line = next
            } catch .lineTooLong(let limit) {
                refuse(connection, ControlError(.tooLarge, "request larger than \(limit) bytes"))
                return
            } catch {
                return
            }
            if line.isEmpty { continue }
            var answer = handler.respond(to: line, from: peer)
            answer.append(UInt8(ascii: "\n"))
            do {
                try UnixSocket.writeAll(connection, answer)
            } catch {
                logger.debug("control client went away", ["error": "\(error)"])
                return
            }
        }
    }

    private func refuse(_ connection: Int32, _ error: ControlError) {
        if var line = try? ControlCoding.makeEncoder().encode(
            ControlResponse<ControlEmptyResult>.failure(id: nil, error)
        ) {
            line.append(UInt8(ascii: "\n"))
            try? UnixSocket.writeAll(connection, Array(line))
        }
    }
}

/// Who is at the other end of a control connection, from `SO_PEERCRED`.
struct PeerIdentity: Sendable, Hashable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    init(_ credentials: aduan_peer_credentials) {
        pid = credentials.pid
        uid = credentials.uid
        gid = credentials.gid
    }
}
