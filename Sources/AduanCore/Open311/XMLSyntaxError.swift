/// Why a document is not well-formed XML, with the line where reading stopped.
struct XMLSyntaxError: Error, Sendable, Hashable, CustomStringConvertible {
    /// 1-based line.
    var line: Int
    /// What is wrong.
    var reason: String

    var description: String { "invalid XML at line \(line): \(reason)" }
}
