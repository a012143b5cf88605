import AduanCore

/// One rules file: its path (as used in diagnostics) and its text.
public struct RuleFile: Sendable, Hashable {
    /// The path as given, e.g. `rules/10-jalan.rules`.
    public var path: String
    /// The file's text.
    public var text: String

    /// Creates a file.
    public init(path: String, text: String) {
        self.path = path
        self.text = text
    }

    /// The last component of ``path``.
    public var name: String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// SHA-256 (hex) over, for each file in order: its name, a 0 byte, the UTF-8 length of its text in decimal,
    /// a 0 byte, and the text.
    ///
    /// Names, not paths, so that the same rules in another directory hash the same.
    public static func snapshotHash(of files: [RuleFile]) -> String {
        var bytes: [UInt8] = []
        for file in files {
            bytes.append(contentsOf: file.name.utf8)
            bytes.append(0)
            bytes.append(contentsOf: String(file.text.utf8.count).utf8)
            bytes.append(0)
            bytes.append(contentsOf: file.text.utf8)
        }
        return SHA256.hexDigest(bytes)
    }
}
