import Foundation

/// What every harness demands of a refusal: a reason a person can read on one line (a quarantine `.reason` file, an
/// `error: …` line, one diagnostic). A breach aborts, so libFuzzer keeps the input as a crash.
enum FuzzExpectation {
    /// Aborts unless `message` is non-empty and has no line break.
    static func oneLine(_ message: String, _ what: String) {
        if !message.isEmpty && !message.contains(where: \.isNewline) { return }
        fail("\(what) is not one non-empty line: \(String(reflecting: message))")
    }

    /// Aborts with `message` on stderr.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz expectation failed: \(message)\n".utf8))
        abort()
    }
}
