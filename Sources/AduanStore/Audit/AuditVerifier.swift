import AduanCore

/// Recomputes the audit hash chain over every event in id order and finds the first row that breaks it.
///
/// A mismatching row is told apart with its successor: when the successor still links to the row's recorded hash,
/// the row's content was edited after it was written; when it does not, hashes were rewritten or rows replaced. A
/// jump in ids before a mismatch means rows were deleted. The newest rows' deletion leaves no trace inside the chain,
/// which is why the outcome reports the head hash, for ops to note elsewhere.
enum AuditVerifier {
    private static let eventsSQL = """
        SELECT id, case_id, at, actor, kind, from_state, to_state, reason, data, hash FROM events ORDER BY id
        """

    /// Ends the walk at the first break.
    private struct FoundBreak: Error {}

    /// A row whose hash did not match, waiting for its successor to say why.
    private struct Suspect {
        var id: Int64
        var recordedHash: [UInt8]
    }

    /// Checks the chain; read inside one transaction so that intake cannot move it meanwhile.
    static func verify(_ database: Database) throws -> AuditVerification {
        var previous = EventChain.Head(id: 0, hash: AuditRecord.genesis)
        var verified = 0
        var suspect: Suspect?
        var broken: (id: Int64, problem: String)?
        func check(_ row: Row) throws {
            let record = AuditRecord(row: row)
            let recordedHash = (row[9] as String?).flatMap(Hex.bytes)
            if let suspect {
                let linksToSuspect = recordedHash == record.chainHash(after: suspect.recordedHash)
                broken = (
                    suspect.id,
                    linksToSuspect
                        ? "its content was changed after it was written (the next event still links to its hash)"
                        : "its hash does not match its content and the next event does not link to it "
                            + "(hashes rewritten, or rows replaced or moved)"
                )
                throw FoundBreak()
            }
            let expected = record.chainHash(after: previous.hash)
            if recordedHash == expected {
                previous = EventChain.Head(id: record.id, hash: expected)
                verified += 1
                return
            }
            if record.id != previous.id + 1 {
                let missing =
                    record.id == previous.id + 2
                    ? "event \(previous.id + 1) is" : "events \(previous.id + 1)–\(record.id - 1) are"
                broken = (record.id, "\(missing) missing before it (deleted)")
                throw FoundBreak()
            }
            guard let recordedHash else {
                broken = (record.id, "it has no hash (written without the chain)")
                throw FoundBreak()
            }
            suspect = Suspect(id: record.id, recordedHash: recordedHash)
        }
        do {
            try database.query(eventsSQL) { row in
                try check(row)
            }
        } catch is FoundBreak {
            // The rest of the table cannot change the answer.
        }
        if broken == nil, let suspect {
            broken = (
                suspect.id, "its hash does not match its content (the newest event: edited, or its hash rewritten)"
            )
        }
        if let broken {
            return AuditVerification(
                isIntact: false,
                events: verified,
                head: nil,
                brokenEventID: broken.id,
                problem: broken.problem
            )
        }
        return AuditVerification(
            isIntact: true,
            events: verified,
            head: previous.id == 0 ? nil : Hex.string(previous.hash)
        )
    }
}
