import AduanCore

/// A GeoReport v2 `requests.xml` body through the response decoder and the mapper to spool items.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzOpen311XML(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    Open311Fuzzing.decode(Array(UnsafeBufferPointer(start: data, count: size)), format: .xml)
    return 0
}
