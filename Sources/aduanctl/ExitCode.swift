/// `aduanctl`'s exit codes (DESIGN.md "Interfaces").
enum ExitCode: Int32 {
    case ok = 0
    case failure = 1
    case usage = 64
    case unreachable = 69
    case permissionDenied = 77
}

/// Ends the command with one readable line on stderr.
struct CommandFailure: Error {
    var message: String
    var exitCode: ExitCode

    init(_ message: String, exitCode: ExitCode = .failure) {
        self.message = message
        self.exitCode = exitCode
    }

    static func usage(_ message: String, help: String) -> CommandFailure {
        CommandFailure("\(message) (see \(help) --help)", exitCode: .usage)
    }
}
