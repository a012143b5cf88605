import AduanCore
import Foundation
import Testing

/// CSV rows become the same spool items a JSON line would, through a column mapping.
@Suite("CSV items")
struct CSVItemDecoderTests {
    let now = Date(timeIntervalSince1970: 1_773_716_400)

    func rows(_ text: String, mapping: CSVColumnMapping = .identity) throws -> [CSVItemRow] {
        try CSVItemDecoder(source: "lapor-csv", mapping: mapping).decode(Array(text.utf8), receivedDefault: now).get()
    }

    @Test("identity columns fill every complaint field, with reporter and location")
    func fullComplaint() throws {
        let file = """
            id,text,title,received_at,channel,region,reporter_name,reporter_contact,reporter_kind,lat,lon,address
            c-1,"Jalan rusak, berlubang",Jalan,2026-03-17T10:00:00+07:00,sms,Kab. Lebak,Siti,0812,citizen,-6.3,106.1,Jl. Raya

            """
        let rows = try rows(file)
        #expect(rows.count == 1)
        let expected = Complaint(
            source: "lapor-csv",
            externalID: "c-1",
            title: "Jalan",
            text: "Jalan rusak, berlubang",
            channel: .sms,
            regionText: "Kab. Lebak",
            region: Region(code: "36.02", name: "Kabupaten Lebak"),
            reporter: Reporter(name: "Siti", contact: "0812", kind: "citizen"),
            location: GeoLocation(latitude: -6.3, longitude: 106.1, address: "Jl. Raya"),
            receivedAt: RFC3339.parse("2026-03-17T03:00:00Z")!
        )
        guard case .success(.complaint(let complaint)) = rows[0].result else {
            Issue.record("not a complaint: \(rows[0].result)")
            return
        }
        #expect(complaint == expected)
        #expect(rows[0].line == 2)
    }

    @Test("Indonesian column names map to the fields; ';' files with a decimal comma and local WIB times")
    func indonesianMapping() throws {
        let mapping = CSVColumnMapping(columns: [
            .id: "nomor", .text: "isi_aduan", .region: "wilayah", .receivedAt: "tanggal", .lat: "lintang",
        ])
        let file =
            "Nomor;Isi_Aduan;Wilayah;Tanggal;Lintang\r\n17;Sampah menumpuk;Kota Serang;2026-03-17 08:30:00;-6,12\r\n"
        let rows = try rows(file, mapping: mapping)
        guard case .success(.complaint(let complaint)) = rows.first?.result else {
            Issue.record("not a complaint: \(rows)")
            return
        }
        #expect(complaint.externalID == "17")
        #expect(complaint.text == "Sampah menumpuk")
        #expect(complaint.region?.code == "36.73")
        #expect(complaint.receivedAt == RFC3339.parse("2026-03-17T01:30:00Z"))
        #expect(complaint.location == GeoLocation(latitude: -6.12))
        #expect(complaint.channel == .other)
    }

    @Test("a mapped column missing from the header refuses the file once, naming every missing column")
    func missingMappedColumn() {
        let mapping = CSVColumnMapping(columns: [.id: "nomor", .text: "isi_aduan", .region: "wilayah"])
        let result = CSVItemDecoder(source: "s", mapping: mapping)
            .decode(Array("nomor,isi\n1,a\n".utf8), receivedDefault: now)
        #expect(
            result.failure?.description
                == "line 1: mapped column 'isi_aduan' (for text), 'wilayah' (for region) not in the header; the header has: nomor, isi"
        )
    }

    @Test(
        "a header without the columns items need refuses the file",
        arguments: [
            ("text\nx\n", "line 1: no column for 'id' (map one or name it 'id'); the header has: text"),
            ("id,title\n1,x\n", "line 1: no column for 'text' (map one or name it 'text'); the header has: id, title"),
            ("id,text,ID\n1,x,2\n", "line 1: column 'id' appears 2 times in the header"),
        ]
    )
    func headerErrors(file: String, message: String) {
        let result = CSVItemDecoder(source: "s").decode(Array(file.utf8), receivedDefault: now)
        #expect(result.failure?.description == message)
    }

    @Test("rows with update_for are updates, by case id or by the complaint's source and id")
    func updates() throws {
        let file = """
            id,text,update_for,update_for_source,status,note
            u-1,,42,,in_progress,
            u-2,,L-9,lapor,,dicek petugas
            c-3,Banjir,,,,

            """
        let rows = try rows(file)
        guard case .success(.update(let byCase)) = rows[0].result,
            case .success(.update(let byKey)) = rows[1].result,
            case .success(.complaint(let complaint)) = rows[2].result
        else {
            Issue.record("rows not decoded: \(rows.map(\.result))")
            return
        }
        #expect(byCase.target == .caseID(42))
        #expect(byCase.status == .inProgress)
        #expect(byCase.originalLine == "u-1,,42,,in_progress,")
        #expect(byKey.target == .complaint(source: "lapor", externalID: "L-9"))
        #expect(byKey.note == "dicek petugas")
        #expect(complaint.text == "Banjir")
        #expect(complaint.receivedAt == now)
    }

    @Test(
        "a bad row is refused alone with the spool rules' reason and its line, the others are kept",
        arguments: [
            ("4,,sms", "missing required field 'text'"),
            ("4,x,fax", "unknown channel 'fax'"),
            ("4,x,sms,17/03/2026", "the record has 4 fields, the header has 3"),
            (",x,sms", "missing required field 'id'"),
            ("4,x\"y,sms", "a quote inside unquoted field 2; quote the field and double the quote"),
        ]
    )
    func badRow(row: String, reason: String) throws {
        let rows = try rows("id,text,channel\n1,ok,web\n\(row)\n5,ok,app\n")
        #expect(rows.map(\.line) == [2, 3, 4])
        #expect(rows[1].result.failure?.description.contains(reason) == true, "\(rows[1].result)")
        #expect(rows[1].bytes == Array(row.utf8))
        #expect(rows[0].result.failure == nil)
        #expect(rows[2].result.failure == nil)
    }

    @Test("received_at is RFC 3339 or a local WIB time; anything else names the field")
    func receivedAt() throws {
        let rows = try rows(
            "id,text,received_at\n1,a,2026-03-17 10:00:00\n2,a,2026-03-17T10:00:00Z\n3,a,17/03/2026 10:00\n"
        )
        #expect(rows[0].result.complaint?.receivedAt == RFC3339.parse("2026-03-17T03:00:00Z"))
        #expect(rows[1].result.complaint?.receivedAt == RFC3339.parse("2026-03-17T10:00:00Z"))
        #expect(rows[2].result.failure?.description.contains("'received_at' is not an RFC 3339 date-time") == true)
    }
}

extension Result {
    /// The error, or `nil` on success.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}

extension Result where Success == SpoolItem {
    /// The complaint, or `nil` for an update or an error.
    var complaint: Complaint? {
        if case .success(.complaint(let complaint)) = self { return complaint }
        return nil
    }
}
