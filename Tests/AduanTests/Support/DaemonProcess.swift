import AduanControl
import Foundation

/// A real `aduand` child process on a temporary state directory, stopped with a real signal.
final class DaemonProcess {
    let process = Process()
    let stateDirectory: String
    let socketPath: String
    let logPath: String

    /// Starts `aduand` with `arguments` and waits until its socket answers `status`.
    ///
    /// - Parameters:
    ///   - stateDirectory: passed as `--state-dir` unless `arguments` already chooses.
    ///   - waitForReady: wait for the socket; `false` for tests of refused starts.
    ///   - launcher: a command that execs `aduand` (its path and arguments appended), e.g. `setpriv …` or
    ///     `sh -c 'ulimit -n 1024 && exec "$0" "$@"'`; the process id stays the daemon's.
    init(
        stateDirectory: String,
        arguments: [String] = [],
        launcher: [String] = [],
        rules: String = TestPaths.rulesDirectory,
        workingDirectory: String? = nil,
        environment: [String: String]? = nil,
        socketPath: String? = nil,
        waitForReady: Bool = true
    ) throws {
        self.stateDirectory = stateDirectory
        self.socketPath = socketPath ?? stateDirectory + "/aduand.sock"
        logPath = stateDirectory + ".log"
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: TestPaths.aduand)
        var fullArguments = arguments
        if workingDirectory == nil {
            fullArguments += ["--state-dir", stateDirectory, "--rules", rules]
            if let socketPath { fullArguments += ["--socket", socketPath] }
        }
        if let command = launcher.first {
            process.executableURL = URL(fileURLWithPath: command)
            fullArguments = launcher.dropFirst() + [TestPaths.aduand] + fullArguments
        }
        process.arguments = fullArguments
        process.environment = environment ?? CommandRun.cleanEnvironment()
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        try process.run()
        if waitForReady {
            let isReady = eventually(within: 20) {
                !process.isRunning
                    || (try? ControlClient(socketPath: self.socketPath, timeout: 2)
                        .send(ControlRequest(op: .status), expecting: StatusReport.self)) != nil
            }
            guard isReady, process.isRunning else {
                throw DaemonFailure(message: "aduand did not become ready:\n\(log)")
            }
        }
    }

    /// Everything the daemon wrote to stderr and stdout so far.
    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// Waits for the process to end on its own and returns its exit status.
    func waitForExit(within seconds: Double = 20) -> Int32? {
        guard eventually(within: seconds, { !process.isRunning }) else { return nil }
        return process.terminationStatus
    }

    /// Sends `signal` and waits for the process to end; returns its exit status.
    @discardableResult
    func stop(signal: Int32 = SIGTERM) -> Int32? {
        if process.isRunning { kill(process.processIdentifier, signal) }
        return waitForExit()
    }

    /// The status as `aduanctl status --json` would return it.
    func status() throws -> StatusReport {
        try ControlClient(socketPath: socketPath).send(ControlRequest(op: .status), expecting: StatusReport.self)
    }

    deinit {
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(atPath: logPath)
    }
}

struct DaemonFailure: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}
