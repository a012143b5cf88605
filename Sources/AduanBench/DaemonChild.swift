import AduanControl
import Foundation
import Glibc

/// A real `aduand` child on a state directory, its output in `<state>.log`, stopped with SIGTERM.
final class DaemonChild {
    private let process = Process()
    /// The control socket.
    let socketPath: String
    /// Where its stderr and stdout go.
    let logPath: String
    /// Seconds from launch until the socket first answered `status`.
    private(set) var secondsToReady = 0.0
    /// Started at launch, for measurements that start with the process.
    let launchedAt: Stopwatch

    /// Launches `aduand` (the binary at `daemonPath`) on `stateDirectory` and the rules in `rulesDirectory`; does not
    /// wait for it (see ``waitUntilReady(timeout:)``).
    init(daemonPath: String, stateDirectory: String, rulesDirectory: String) throws {
        socketPath = stateDirectory + "/aduand.sock"
        logPath = stateDirectory + ".log"
        guard FileManager.default.createFile(atPath: logPath, contents: nil),
            let log = FileHandle(forWritingAtPath: logPath)
        else { throw BenchError("cannot create \(logPath)") }
        process.executableURL = URL(fileURLWithPath: daemonPath)
        process.arguments = ["--state-dir", stateDirectory, "--rules", rulesDirectory, "--socket", socketPath]
        // Not under systemd: no NOTIFY_SOCKET, no JOURNAL_STREAM, no LISTEN_FDS inherited from the caller.
        process.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"]
        process.standardError = log
        process.standardOutput = log
        launchedAt = Stopwatch()
        do {
            try process.run()
        } catch {
            throw BenchError("cannot start \(daemonPath): \(error) (build it: swift build -c release)")
        }
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
    }

    /// Polls the socket every 20 ms until it answers `status`.
    ///
    /// - Throws: ``BenchError`` with the daemon's log when it exits or does not answer within `timeout` seconds.
    func waitUntilReady(timeout: Double = 120) throws {
        while launchedAt.seconds < timeout {
            guard process.isRunning else { throw BenchError("aduand exited at start:\n\(log)") }
            if (try? status()) != nil {
                secondsToReady = launchedAt.seconds
                return
            }
            usleep(20_000)
        }
        throw BenchError("aduand did not answer within \(Int(timeout)) s:\n\(log)")
    }

    /// `aduanctl status`, in process.
    func status() throws -> StatusReport {
        try ControlClient(socketPath: socketPath, timeout: 10).send(
            ControlRequest(op: .status),
            expecting: StatusReport.self
        )
    }

    /// The daemon's resident memory (VmRSS of /proc/PID/status), in MiB.
    func residentMiB() throws -> Double {
        let path = "/proc/\(process.processIdentifier)/status"
        guard let status = try? String(contentsOfFile: path, encoding: .utf8),
            let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmRSS:") }),
            let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Double($0) })
        else { throw BenchError("cannot read VmRSS from \(path)") }
        return kilobytes / 1_024
    }

    /// Everything the daemon logged so far.
    var log: String {
        (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
    }

    /// Stops the daemon with SIGTERM and waits for it.
    func stop() {
        guard process.isRunning else { return }
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
    }
}
