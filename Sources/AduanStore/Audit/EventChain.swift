import AduanCore

/// The head of the audit hash chain, kept by the single writer so that appending an event never reads one back.
///
/// Confined with its ``Store`` to one serial queue. ``Store/write(_:)`` takes a ``head`` before each transaction and
/// puts it back when the transaction rolls back, so the chain in memory always ends at the last committed row.
final class EventChain {
    /// The last row's id and hash (``AuditRecord/genesis`` and 0 while there is none).
    struct Head: Equatable {
        var id: Int64
        var hash: [UInt8]
    }

    /// Where the next event links.
    var head: Head

    private static let headSQL = "SELECT id, hash FROM events ORDER BY id DESC LIMIT 1"

    /// Reads the head from the last stored row.
    init(database: Database) throws {
        var head = Head(id: 0, hash: AuditRecord.genesis)
        try database.query(Self.headSQL) { row in
            let hex: String? = row[1]
            head = Head(id: row[0], hash: hex.flatMap(Hex.bytes) ?? [])
        }
        self.head = head
    }

    /// The id and hash of the row after the head; call ``advance(to:)`` once the row is stored.
    func next(
        caseID: Int64?,
        at: Int64,
        actor: String,
        kind: String,
        fromState: String?,
        toState: String?,
        reason: String?,
        data: String?
    ) -> Head {
        let record = AuditRecord(
            id: head.id + 1,
            caseID: caseID,
            at: at,
            actor: actor,
            kind: kind,
            fromState: fromState,
            toState: toState,
            reason: reason,
            data: data
        )
        return Head(id: record.id, hash: record.chainHash(after: head.hash))
    }

    /// Moves the head to a row that was just inserted.
    func advance(to next: Head) {
        head = next
    }
}
