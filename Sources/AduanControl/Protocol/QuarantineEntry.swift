public import Foundation

/// One file in a source's quarantine, as `aduanctl quarantine list` shows it.
public struct QuarantineEntry: Sendable, Hashable, Codable {
    /// The source whose quarantine holds it.
    public var source: String
    /// The file's name in that quarantine.
    public var name: String
    /// Its size in bytes.
    public var size: Int
    /// When it was quarantined.
    public var quarantinedAt: Date?
    /// Why, one line per rejected item.
    public var reason: String

    /// Creates an entry.
    public init(source: String, name: String, size: Int, quarantinedAt: Date?, reason: String) {
        self.source = source
        self.name = name
        self.size = size
        self.quarantinedAt = quarantinedAt
        self.reason = reason
    }

    private enum CodingKeys: String, CodingKey {
        case source
        case name
        case size
        case quarantinedAt = "quarantined_at"
        case reason
    }
}

/// A quarantined file's content, for `aduanctl quarantine show`.
public struct QuarantineItem: Sendable, Hashable, Codable {
    /// The file.
    public var entry: QuarantineEntry
    /// Its first bytes as UTF-8 text (invalid bytes replaced), at most ``QuarantineItem/contentLimit``.
    public var content: String
    /// Whether the content was cut at the limit.
    public var isTruncated: Bool

    /// The most content a `show` returns, in bytes.
    public static let contentLimit = 256 * 1024

    /// Creates an item.
    public init(entry: QuarantineEntry, content: String, isTruncated: Bool) {
        self.entry = entry
        self.content = content
        self.isTruncated = isTruncated
    }

    private enum CodingKeys: String, CodingKey {
        case entry
        case content
        case isTruncated = "truncated"
    }
}
