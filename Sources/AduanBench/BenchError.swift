/// Why a benchmark could not run: one readable line.
public struct BenchError: Error, Sendable, CustomStringConvertible {
    /// The message.
    public let description: String

    init(_ description: String) {
        self.description = description
    }
}
