import AduanCore

/// A GeoReport v2 `requests.json` body through the response decoder and the mapper to spool items.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOpen311JSON(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Open311Fuzzing.decode(Array(UnsafeBufferPointer(start: data, count: size)), format: .json)
    return 0
}
