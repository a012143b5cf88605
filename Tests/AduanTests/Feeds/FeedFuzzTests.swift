import AduanBench
import AduanCore
import Foundation
import Testing

/// Mutated fixtures, a few thousand each, from fixed seeds: the CSV reader and the Open311 decoders never crash or
/// hang, and every refusal has a reason.
@Suite("feed parsers on random input")
struct FeedFuzzTests {
    /// Bytes that matter to the grammars, so mutations reach the interesting paths more often than random noise.
    static let interestingBytes: [UInt8] =
        Array("\"\",;\r\n<>/&#;![]-?:{}[]0x\\ ".utf8) + [0x00, 0x80, 0xC3, 0xEF, 0xBB, 0xBF, 0xFF]

    static func mutations(of fixture: String, count: Int, seed: UInt64) -> [[UInt8]] {
        var generator = SplitMix64(seed: seed)
        let original = Array(fixture.utf8)
        return (0..<count).map { _ in
            var bytes = original
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                let position = Int.random(in: 0...bytes.count, using: &generator)
                let byte = interestingBytes.randomElement(using: &generator)!
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: bytes.insert(byte, at: position)
                case 1 where position < bytes.count: bytes.remove(at: position)
                case 2 where position < bytes.count: bytes[position] = byte
                default: bytes = Array(bytes[..<position])
                }
            }
            return bytes
        }
    }

    static let csvFixture = """
        id;isi_aduan;wilayah;tanggal;update_for;status;note;lat
        1;"Jalan ""rusak""; berlubang
        di depan pasar";Kota Serang;2026-03-17 08:30:00;;;;-6,12
        2;Banjir;Kab. Lebak;2026-03-17T10:00:00+07:00;;;;
        u-1;;;;1;resolved;selesai;

        """

    @Test("CSV files: rows in line order, every refusal with a reason", .timeLimit(.minutes(1)))
    func csv() {
        let mapping = CSVColumnMapping(columns: [.text: "isi_aduan", .region: "wilayah", .receivedAt: "tanggal"])
        let decoder = CSVItemDecoder(source: "fuzz", mapping: mapping)
        var outcomes = (files: 0, rows: 0, rowErrors: 0)
        for bytes in Self.mutations(of: Self.csvFixture, count: 2_000, seed: 311) {
            switch decoder.decode(bytes, receivedDefault: Date(timeIntervalSince1970: 0)) {
            case .failure(let error):
                outcomes.files += 1
                #expect(!error.reason.isEmpty && error.line >= 1)
            case .success(let rows):
                outcomes.rows += rows.count
                outcomes.rowErrors += rows.count { $0.result.failure != nil }
                #expect(zip(rows, rows.dropFirst()).allSatisfy { $0.line < $1.line })
                for case .failure(let error) in rows.map(\.result) {
                    #expect(!error.description.isEmpty)
                }
            }
        }
        #expect(outcomes.files > 0 && outcomes.rowErrors > 0 && outcomes.rows > outcomes.rowErrors, "\(outcomes)")
    }

    @Test(
        "Open311 XML and JSON bodies: requests or a reason",
        .timeLimit(.minutes(1)),
        arguments: Open311Format.allCases
    )
    func open311(format: Open311Format) {
        let fixture = format == .xml ? Open311Fixtures.requestsXML : Open311Fixtures.requestsJSONQuoted
        var outcomes = (accepted: 0, refused: 0)
        for bytes in Self.mutations(of: fixture, count: 1_500, seed: format == .xml ? 7 : 8) {
            switch Open311ResponseDecoder.requests(from: bytes, format: format) {
            case .failure(let error):
                outcomes.refused += 1
                #expect(!error.description.isEmpty)
            case .success(let requests):
                outcomes.accepted += 1
                #expect(requests.allSatisfy { !$0.serviceRequestID.isEmpty })
            }
        }
        #expect(outcomes.accepted > 0 && outcomes.refused > 0, "\(outcomes)")
    }
}
