import AduanCore
import Foundation

/// One spool line or `*.json` body through the decoder the spool, CSV and Open311 sources share.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzSpool(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = UnsafeBufferPointer(start: data, count: size)
    let decoder = SpoolItemDecoder(source: "fuzz")
    switch decoder.decode(bytes, receivedDefault: Date(timeIntervalSince1970: 1_773_705_600)) {
    case .success(let item):
        if item.externalID.isEmpty { FuzzExpectation.fail("an item without an id was accepted") }
    case .failure(let error):
        FuzzExpectation.oneLine(error.description, "spool item error")
    }
    return 0
}
