import AduanCore
import Foundation

/// One raw mail (as a Maildir file holds it) through the MIME parser and the mapper to a spool item.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzMail(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let mapper = MailItemMapper(source: "fuzz")
    switch mapper.item(fromMail: bytes, receivedDefault: Date(timeIntervalSince1970: 1_773_705_600)) {
    case .success(let item):
        if item.externalID.isEmpty { FuzzExpectation.fail("a mail without an id was accepted") }
    case .failure(let error):
        FuzzExpectation.oneLine(error.description, "mail error")
    }
    return 0
}
