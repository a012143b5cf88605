public import Foundation

/// The text of a rule snapshot that served, kept by its hash so that a case's recorded routing always resolves.
public struct RuleSnapshot: Sendable, Hashable, Codable {
    /// SHA-256 of the snapshot's files.
    public var hash: String
    /// When it first served.
    public var firstLoadedAt: Date
    /// Each file's name and text.
    public var files: [String: String]

    /// Creates a snapshot record.
    public init(hash: String, firstLoadedAt: Date, files: [String: String]) {
        self.hash = hash
        self.firstLoadedAt = firstLoadedAt
        self.files = files
    }

    private enum CodingKeys: String, CodingKey {
        case hash
        case firstLoadedAt = "first_loaded_at"
        case files
    }
}
