/// Why a CSV file or one of its records cannot be read: one line that says where (the record's first line).
public struct CSVError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line on which the record starts.
    public let line: Int
    /// What is wrong, and how to fix it where that helps.
    public let reason: String

    /// Creates an error for the record that starts on `line`; control characters of quoted input are escaped so that
    /// it stays one line.
    public init(line: Int, reason: String) {
        self.line = line
        self.reason = reason.escapingControlCharacters
    }

    /// `line 4: …`.
    public var description: String { "line \(line): \(reason)" }
}
