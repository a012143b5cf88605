import Foundation

/// The outcome of running a program to its end.
struct CommandRun {
    var exitCode: Int32
    var standardOutput: String
    var standardError: String

    /// Runs `executable` with `arguments` and waits for it; output goes through files so that it never blocks.
    static func run(
        _ executable: String,
        _ arguments: [String],
        environment: [String: String]? = nil,
        workingDirectory: String? = nil,
        input: String? = nil
    ) throws -> CommandRun {
        let folder = try TemporaryDirectory("aduan-run")
        defer { folder.remove() }
        _ = FileManager.default.createFile(atPath: folder.file("out"), contents: nil)
        _ = FileManager.default.createFile(atPath: folder.file("err"), contents: nil)
        _ = FileManager.default.createFile(atPath: folder.file("in"), contents: Data((input ?? "").utf8))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let environment { process.environment = environment }
        if let workingDirectory { process.currentDirectoryURL = URL(fileURLWithPath: workingDirectory) }
        process.standardOutput = FileHandle(forWritingAtPath: folder.file("out"))
        process.standardError = FileHandle(forWritingAtPath: folder.file("err"))
        process.standardInput = FileHandle(forReadingAtPath: folder.file("in"))
        try process.run()
        process.waitUntilExit()
        return CommandRun(
            exitCode: process.terminationStatus,
            standardOutput: (try? String(contentsOfFile: folder.file("out"), encoding: .utf8)) ?? "",
            standardError: (try? String(contentsOfFile: folder.file("err"), encoding: .utf8)) ?? ""
        )
    }

    /// Runs the built `aduanctl`.
    static func aduanctl(_ arguments: [String], environment: [String: String]? = nil) throws -> CommandRun {
        try run(TestPaths.aduanctl, arguments, environment: environment ?? cleanEnvironment())
    }

    /// The test's environment without the variables that would point the binaries at a system install.
    static func cleanEnvironment() -> [String: String] {
        var environment = ProcessInfo.processInfo.environment
        for key in ["ADUAN_SOCKET", "STATE_DIRECTORY", "RUNTIME_DIRECTORY", "CONFIGURATION_DIRECTORY", "NOTIFY_SOCKET"]
        {
            environment.removeValue(forKey: key)
        }
        return environment
    }
}

/// Polls `condition` every 50 ms until it holds or `seconds` pass; returns whether it held.
func eventually(within seconds: Double = 10, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if try condition() { return true }
        usleep(50_000)
    }
    return try condition()
}
