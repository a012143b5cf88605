/// Reads one command's arguments: `--flag value`, `--flag=value`, boolean `--flag`s and positionals.
///
/// Every flag must be consumed; ``finish()`` rejects anything left over, so a typo never passes silently.
struct ArgumentScanner {
    private var arguments: [String]
    private let command: String

    /// Creates a scanner for `command` (e.g. `aduanctl cases`, used in error messages).
    init(_ arguments: [String], command: String) {
        self.arguments = arguments
        self.command = command
    }

    /// Whether `--help`/`-h` was given.
    var wantsHelp: Bool { arguments.contains("--help") || arguments.contains("-h") }

    /// Whether `--version` was given.
    var wantsVersion: Bool { arguments.contains("--version") }

    /// Removes a boolean flag and tells whether it was there.
    mutating func flag(_ name: String) -> Bool {
        guard let index = arguments.firstIndex(of: name) else { return false }
        arguments.remove(at: index)
        return true
    }

    /// Removes `--name value` or `--name=value` and returns the value.
    mutating func option(_ name: String) throws(CommandFailure) -> String? {
        if let index = arguments.firstIndex(where: { $0.hasPrefix(name + "=") }) {
            let value = String(arguments[index].dropFirst(name.count + 1))
            arguments.remove(at: index)
            return value
        }
        guard let index = arguments.firstIndex(of: name) else { return nil }
        guard index + 1 < arguments.count, !arguments[index + 1].hasPrefix("--") else {
            throw .usage("\(name) needs a value", help: command)
        }
        let value = arguments[index + 1]
        arguments.removeSubrange(index...index + 1)
        return value
    }

    /// Removes an integer option.
    mutating func integerOption(_ name: String) throws(CommandFailure) -> Int? {
        guard let text = try option(name) else { return nil }
        guard let value = Int(text) else { throw .usage("\(name) needs a number, not '\(text)'", help: command) }
        return value
    }

    /// Removes and returns the next positional argument.
    mutating func positional() throws(CommandFailure) -> String? {
        guard let index = arguments.firstIndex(where: { !$0.hasPrefix("-") || $0 == "-" }) else {
            if let unknown = arguments.first { throw .usage("unknown option '\(unknown)'", help: command) }
            return nil
        }
        return arguments.remove(at: index)
    }

    /// Fails on any argument not consumed.
    func finish() throws(CommandFailure) {
        guard let extra = arguments.first else { return }
        let what = extra.hasPrefix("-") ? "unknown option" : "unexpected argument"
        throw .usage("\(what) '\(extra)'", help: command)
    }
}
