public import Foundation

/// What `aduanctl backup FILE` reports: where the copy is, how big, and whether SQLite finds it sound.
public struct BackupReport: Sendable, Hashable, Codable {
    /// The copy's path.
    public var path: String
    /// Its size in bytes.
    public var bytes: Int64
    /// `PRAGMA integrity_check` on the copy: `["ok"]`, or the problems found.
    public var integrity: [String]
    /// Complaints in the copy.
    public var complaints: Int
    /// Cases in the copy.
    public var cases: Int
    /// How long the copy and the check took.
    public var seconds: Double
    /// When the copy's snapshot was taken.
    public var at: Date

    /// Whether the integrity check passed.
    public var isSound: Bool { integrity == ["ok"] }

    /// Creates a report.
    public init(
        path: String,
        bytes: Int64,
        integrity: [String],
        complaints: Int,
        cases: Int,
        seconds: Double,
        at: Date
    ) {
        self.path = path
        self.bytes = bytes
        self.integrity = integrity
        self.complaints = complaints
        self.cases = cases
        self.seconds = seconds
        self.at = at
    }
}
