import Foundation

/// A place complaints come from: a folder, a Maildir, an Open311 endpoint. A ``SourcePoller`` calls it on the
/// poller's own queue, never two calls at once.
protocol IntakeSource: AnyObject, Sendable {
    /// The source as configured.
    var configuration: SourceConfiguration { get }

    /// Takes in at most one batch (about 1,000 items) and reports whether more is waiting.
    ///
    /// Items end stored (with the source's cursor, in one transaction), in quarantine with a reason, or untouched
    /// for the next poll.
    /// - Throws: when the source cannot be read or the batch cannot be stored; the poller backs off and retries.
    func ingestNextBatch(now: Date) throws -> Bool

    /// Puts a quarantined item (a file in the source's quarantine folder) back where the source reads it.
    func requeue(quarantined path: String) throws
}
