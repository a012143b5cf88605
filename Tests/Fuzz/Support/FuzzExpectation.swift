import Foundation

/// What every harness demands of a refusal: a reason a person can read on one line (a quarantine `.reason` file, an
/// `error: …` line, one diagnostic). A breach aborts, so libFuzzer keeps the input as a crash.
enum FuzzExpectation {
    /// Aborts unless `message` is non-empty and has no line break.
    static func oneLine(_ message: String, _ what: String) {
        if !message.isEmpty && !message.unicodeScalars.contains(where: isLineBreak) { return }
        fail("\(what) is not one non-empty line: \(String(reflecting: message))")
    }

    /// `Character.isNewline` on scalars: walking grapheme clusters cost a tenth of the rules harness's time.
    private static func isLineBreak(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A...0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// Aborts with `message` on stderr.
    static func fail(_ message: String) -> Never {
        FileHandle.standardError.write(Data("fuzz expectation failed: \(message)\n".utf8))
        abort()
    }
}
