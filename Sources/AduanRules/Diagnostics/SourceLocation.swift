/// A position in a source file: 1-based line and 1-based column counted in characters, not bytes.
///
/// Line 0 means the file (or directory) as a whole, for problems that have no single position.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as it was given to the parser.
    public var path: String
    /// 1-based line; 0 for the whole file.
    public var line: Int
    /// 1-based column in characters (grapheme clusters); 0 for the whole file.
    public var column: Int

    /// Creates a location.
    public init(path: String, line: Int, column: Int) {
        self.path = path
        self.line = line
        self.column = column
    }

    /// A location that stands for a whole file or directory.
    public static func wholeFile(_ path: String) -> SourceLocation {
        SourceLocation(path: path, line: 0, column: 0)
    }

    /// `path:line:column`, or just `path` for a whole file.
    public var description: String {
        line > 0 ? "\(path):\(line):\(column)" : path
    }

    /// Orders by path (byte order), then line, then column.
    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        if lhs.path != rhs.path { return lhs.path.utf8.lexicographicallyPrecedes(rhs.path.utf8) }
        if lhs.line != rhs.line { return lhs.line < rhs.line }
        return lhs.column < rhs.column
    }
}
