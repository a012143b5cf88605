import AduanCore
import Foundation
import Testing

@testable import AduanDaemon

/// What a spool line must look like, and the one-line reasons the quarantine gives when it does not.
@Suite("spool items")
struct SpoolItemDecoderTests {
    let decoder = SpoolItemDecoder(source: "spool")
    let now = Date(timeIntervalSince1970: 1_773_716_400)

    func decode(_ line: String) -> Result<SpoolItem, SpoolItemError> {
        decoder.decode(Array(line.utf8), receivedDefault: now)
    }

    @Test("a full complaint keeps every field, resolves the region and reads the time with its offset")
    func fullComplaint() throws {
        let line =
            #"{"id":"c-1","title":"Jalan","text":"Jalan rusak","received_at":"2026-03-17T10:00:00+07:00","channel":"sms","region":"Kab. Lebak","reporter":{"name":"Siti","contact":"0812","kind":"citizen"},"location":{"lat":-6.3,"lon":106.1,"address":"Jl. Raya"}}"#
        guard case .success(.complaint(let complaint)) = decode(line) else {
            Issue.record("not decoded: \(decode(line))")
            return
        }
        #expect(complaint.externalID == "c-1")
        #expect(complaint.channel == .sms)
        #expect(complaint.region == Region(code: "36.02", name: "Kabupaten Lebak"))
        #expect(complaint.regionText == "Kab. Lebak")
        #expect(complaint.receivedAt == RFC3339.parse("2026-03-17T03:00:00Z"))
        #expect(complaint.reporter?.name == "Siti")
        #expect(complaint.location?.latitude == -6.3)
    }

    @Test("a complaint without received_at is dated at intake, and numeric ids become strings")
    func defaults() throws {
        guard case .success(.complaint(let complaint)) = decode(#"{"id":42,"text":"Banjir"}"#) else {
            Issue.record("not decoded")
            return
        }
        #expect(complaint.externalID == "42")
        #expect(complaint.receivedAt == now)
        #expect(complaint.channel == .other)
    }

    @Test(
        "invalid items are refused with a reason that names the problem",
        arguments: [
            (#"{"id":"x","text":"a""#, "invalid JSON"),
            (#"["id","text"]"#, "expected a JSON object, found an array"),
            (#"{"text":"a"}"#, "missing required field 'id'"),
            (#"{"id":"x"}"#, "missing required field 'text'"),
            (#"{"id":"x","text":"   "}"#, "missing required field 'text'"),
            (#"{"id":true,"text":"a"}"#, "'id' must be a string or an integer, found a boolean"),
            (#"{"id":"x","text":"a","channel":"fax"}"#, "unknown channel 'fax'"),
            (#"{"id":"x","text":"a","received_at":"17/03/2026"}"#, "'received_at' is not an RFC 3339 date-time"),
            (#"{"id":"x","text":"a","location":{"lat":123}}"#, "'location.lat' must be a number in -90…90"),
            (#"{"id":"u","update_for":"7"}"#, "an update needs 'status' or 'note'"),
            (#"{"id":"u","update_for":"abc","note":"x"}"#, "'update_for' must be a case id"),
            (#"{"id":"u","update_for":"7","status":"done"}"#, "unknown status 'done'"),
        ]
    )
    func invalidItems(line: String, reason: String) {
        guard case .failure(let error) = decode(line) else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(error.description.contains(reason), "\(error.description)")
    }

    @Test("an update names its case by id or by the complaint's source and id")
    func updates() {
        guard case .success(.update(let byID)) = decode(#"{"id":"u1","update_for":"7","status":"in_progress"}"#),
            case .success(.update(let byKey)) = decode(
                #"{"id":"u2","update_for":{"source":"lapor","id":"L-9"},"note":"dicek"}"#
            )
        else {
            Issue.record("updates not decoded")
            return
        }
        #expect(byID.target == .caseID(7))
        #expect(byID.status == .inProgress)
        #expect(byKey.target == .complaint(source: "lapor", externalID: "L-9"))
        #expect(byKey.note == "dicek")
    }

    @Test("only finished spool files are read: hidden and temporary names are left alone")
    func spoolFileNames() {
        #expect(SpoolFile.isSpoolFileName("a.json"))
        #expect(SpoolFile.isSpoolFileName("a.jsonl"))
        #expect(SpoolFile.isSpoolFileName("a.ndjson"))
        #expect(!SpoolFile.isSpoolFileName(".a.jsonl"))
        #expect(!SpoolFile.isSpoolFileName("a.jsonl.tmp"))
        #expect(!SpoolFile.isSpoolFileName("a.csv"))
    }
}
