public import Foundation

/// A source's row in `source_cursors`: its cursor and how its polls went (the control protocol's `SourceStatus`
/// adds what only the running poller knows).
public struct SourceHealth: Sendable, Hashable {
    /// The source's name.
    public var source: String
    /// Where the next poll resumes, in the source's own terms.
    public var cursor: String?
    /// When the source was last polled, successfully or not.
    public var lastPollAt: Date?
    /// When a poll last succeeded.
    public var lastSuccessAt: Date?
    /// Items taken in, over the source's whole life.
    public var itemsIn: Int
    /// Items set aside in quarantine, over the source's whole life.
    public var itemsQuarantined: Int
    /// Why the last poll failed; `nil` when it succeeded.
    public var lastError: String?

    /// Creates a health report.
    public init(
        source: String,
        cursor: String?,
        lastPollAt: Date?,
        lastSuccessAt: Date?,
        itemsIn: Int,
        itemsQuarantined: Int,
        lastError: String?
    ) {
        self.source = source
        self.cursor = cursor
        self.lastPollAt = lastPollAt
        self.lastSuccessAt = lastSuccessAt
        self.itemsIn = itemsIn
        self.itemsQuarantined = itemsQuarantined
        self.lastError = lastError
    }
}
