import AduanCore

/// One `events` row as the hash chain sees it: every column but the hash, exactly as stored.
///
/// The canonical form, hashed after the previous row's 32-byte digest, is each field in column order (`id`,
/// `case_id`, `at`, `actor`, `kind`, `from_state`, `to_state`, `reason`, `data`), each written as a tag byte and a
/// payload: `0x00` for NULL (no payload), `0x01` and 8 bytes big-endian two's complement for an integer, `0x02`, a
/// 4-byte big-endian byte count and the UTF-8 bytes for text. Tags and lengths make the form unambiguous: no two
/// different rows share a byte string, so no edit can keep a row's hash.
struct AuditRecord {
    var id: Int64
    var caseID: Int64?
    var at: Int64
    var actor: String
    var kind: String
    var fromState: String?
    var toState: String?
    var reason: String?
    var data: String?

    /// The hash of the first row's predecessor.
    static let genesis = [UInt8](repeating: 0, count: 32)

    /// The row's link in the chain: SHA-256 over `previous` (32 bytes) and the canonical form.
    func chainHash(after previous: [UInt8]) -> [UInt8] {
        var context = SHA256.Context()
        context.update(previous)
        CanonicalEncoding.append(id, to: &context)
        CanonicalEncoding.append(caseID, to: &context)
        CanonicalEncoding.append(at, to: &context)
        CanonicalEncoding.append(actor, to: &context)
        CanonicalEncoding.append(kind, to: &context)
        CanonicalEncoding.append(fromState, to: &context)
        CanonicalEncoding.append(toState, to: &context)
        CanonicalEncoding.append(reason, to: &context)
        CanonicalEncoding.append(data, to: &context)
        return context.finalize()
    }
}

extension AuditRecord {
    /// The record in a row whose first columns are id, case_id, at, actor, kind, from_state, to_state, reason, data.
    init(row: Row) {
        self.init(
            id: row[0],
            caseID: row[1],
            at: row[2],
            actor: row[3],
            kind: row[4],
            fromState: row[5],
            toState: row[6],
            reason: row[7],
            data: row[8]
        )
    }
}
