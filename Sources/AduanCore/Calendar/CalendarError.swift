/// Why hours, a holiday file or a calendar could not be read, with the position when known.
///
/// Reads `path:line:column: message` like every other diagnostic of Aduan, leaving out what is unknown.
public struct CalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the text came from, when it came from a file.
    public var path: String?
    /// The 1-based line within the parsed text, when known.
    public var line: Int?
    /// The 1-based column (in characters) within the line, when known.
    public var column: Int?
    /// What is wrong, and how to fix it when there is an obvious fix.
    public var message: String

    /// Creates an error at an optional position; control characters of quoted input are escaped so that it stays one
    /// line.
    public init(_ message: String, path: String? = nil, line: Int? = nil, column: Int? = nil) {
        self.message = message.escapingControlCharacters
        self.path = path
        self.line = line
        self.column = column
    }

    /// `path:line:column: message`, leaving out the parts that are unknown.
    public var description: String {
        var location: [String] = []
        if let path { location.append(path) }
        if let line { location.append(String(line)) }
        if line != nil, let column { location.append(String(column)) }
        return location.isEmpty ? message : location.joined(separator: ":") + ": " + message
    }
}
