import AduanCore
import Foundation

/// A CSV file through the reader and the item decoder, once with the header's own names and a detected delimiter,
/// once with a mapping of renamed columns as a source's config gives one.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let renamed = CSVColumnMapping(columns: [.text: "isi_aduan", .region: "wilayah", .receivedAt: "tanggal"])
    for decoder in [CSVItemDecoder(source: "fuzz"), CSVItemDecoder(source: "fuzz", mapping: renamed)] {
        switch decoder.decode(bytes, receivedDefault: Date(timeIntervalSince1970: 1_773_705_600)) {
        case .failure(let error):
            FuzzExpectation.oneLine(error.description, "CSV file error")
            if error.line < 1 { FuzzExpectation.fail("CSV error on line \(error.line)") }
        case .success(let rows):
            var previousLine = 0
            for row in rows {
                if row.line <= previousLine { FuzzExpectation.fail("CSV rows out of line order") }
                previousLine = row.line
                if case .failure(let error) = row.result {
                    FuzzExpectation.oneLine(error.description, "CSV row error")
                }
            }
        }
    }
    return 0
}
