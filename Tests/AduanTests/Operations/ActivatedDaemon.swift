import AduanControl
import Foundation
import Glibc

/// A real `aduand` started the way systemd starts it from `aduand.socket`: a listening socket as descriptor 3, and
/// `LISTEN_FDS`/`LISTEN_PID` naming it.
///
/// `Process` cannot place a descriptor at 3, so the child is spawned with `posix_spawn` file actions; the PID is
/// only known once the child runs, so a shell sets `LISTEN_PID=$$` and `exec`s the daemon, which keeps that PID.
final class ActivatedDaemon {
    let pid: pid_t
    let logPath: String
    private var exitStatus: Int32?

    /// Spawns `aduand arguments` with `listener` as descriptor 3.
    ///
    /// - Parameter listenPID: what `LISTEN_PID` says; `nil` for the child's own PID, as systemd sets it.
    init(listener: Int32, arguments: [String], logPath: String, listenPID: pid_t? = nil) throws {
        self.logPath = logPath
        let log = open(logPath, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard log >= 0 else { throw SystemCallError(call: "open \(logPath)", errno: errno) }
        defer { close(log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        // dup2 clears close-on-exec on the copy, so the listener reaches the daemon whatever its own flags.
        posix_spawn_file_actions_adddup2(&actions, listener, 3)
        posix_spawn_file_actions_adddup2(&actions, log, 1)
        posix_spawn_file_actions_adddup2(&actions, log, 2)
        let listenPIDText = listenPID.map(String.init) ?? "$$"
        let script = "export LISTEN_PID=\(listenPIDText) LISTEN_FDS=1; exec \"$0\" \"$@\""
        let argv = ["/bin/sh", "-c", script, TestPaths.aduand] + arguments
        let environment = CommandRun.cleanEnvironment().map { "\($0.key)=\($0.value)" }
        var cArguments = argv.map { strdup($0) } + [nil]
        var cEnvironment = environment.map { strdup($0) } + [nil]
        defer {
            for pointer in cArguments + cEnvironment { free(pointer) }
        }
        var childPID: pid_t = 0
        let result = posix_spawn(&childPID, "/bin/sh", &actions, nil, &cArguments, &cEnvironment)
        guard result == 0 else { throw SystemCallError(call: "posix_spawn", errno: result) }
        pid = childPID
    }

    /// Everything the daemon logged so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Sends `signal` and waits up to 20 s for the exit; returns the exit status, `nil` if it did not end.
    func stop(signal: Int32 = SIGTERM) -> Int32? {
        if exitStatus == nil { kill(pid, signal) }
        return waitForExit()
    }

    private func waitForExit() -> Int32? {
        if let exitStatus { return exitStatus }
        _ = eventually(within: 20) {
            var status: Int32 = 0
            guard waitpid(pid, &status, WNOHANG) == pid else { return false }
            // WIFEXITED / WEXITSTATUS, which Glibc does not import as functions.
            exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
            return true
        }
        return exitStatus
    }

    deinit {
        if exitStatus == nil {
            kill(pid, SIGKILL)
            var status: Int32 = 0
            waitpid(pid, &status, 0)
        }
    }
}

/// A bound, listening Unix stream socket, as systemd creates one for `ListenStream=`.
func makeListeningSocket(at path: String) throws -> Int32 {
    let descriptor = try UnixSocket.makeStreamSocket()
    _ = try UnixSocket.withAddress(path) { address, length in
        try retryingOnInterrupt("bind \(path)") { bind(descriptor, address, length) }
    }
    try retryingOnInterrupt("listen") { listen(descriptor, 16) }
    return descriptor
}
