import AduanCore
import Testing

@testable import AduanStore

/// The stored hash format: the chain links and reporter digests of databases written by earlier builds must come out
/// the same, or those databases would no longer verify.
@Suite("audit record hashes")
struct AuditRecordTests {
    static let routed = AuditRecord(
        id: 7,
        caseID: 3,
        at: 1_773_716_400,
        actor: "aduand",
        kind: "routed",
        fromState: "received",
        toState: "routed",
        reason: "route \"Jalan dan jembatan rusak\" matched text has any jalan-rusak (jalan, berlubang); priority P3",
        data:
            #"{"agency":"DPUPR","priority":"P3","rule":"jalan-rusak","sla_hours":72,"snapshot":"9f4390f8d30c2dd92ec9f0"}"#
    )

    /// NULLs, empty text, a negative time and multi-byte UTF-8: each field kind of the canonical form.
    static let note = AuditRecord(
        id: 8,
        caseID: nil,
        at: -86_400,
        actor: "petugas Dinas — Ñoño",
        kind: "note",
        fromState: nil,
        toState: nil,
        reason: "",
        data: nil
    )

    // Expected digests from Python's hashlib over the canonical form built by hand (struct.pack('>q') / ('>I')),
    // and equal to what the chain's first implementation stored.
    @Test("the chain links of known events are the ones earlier builds stored")
    func knownLinks() {
        let first = Self.routed.chainHash(after: AuditRecord.genesis)
        #expect(Hex.string(first) == "c904ba49371b36a3b57411d7efe2a7d918a84d37556043a4d95e6dff1bf1019c")
        #expect(
            Hex.string(Self.note.chainHash(after: first))
                == "dc4041391e12176027ddebc943f064bc0589d7af3157cd794f46172f69596375"
        )
    }

    @Test("the reporter digest of known fields is the one earlier builds stored")
    func knownReporterDigest() {
        let salt = (1...32).map { UInt8($0) }
        #expect(
            ReporterDigest.digest(salt: salt, name: "Siti Aminah", contact: "0812-3456-7890", nik: nil)
                == "afda2f61a71b186947eda9024d3d640955783c5165d392c35c79dbe78951a39a"
        )
    }
}
