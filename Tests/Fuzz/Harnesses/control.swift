import AduanControl
import Foundation
import Glibc

/// Bytes a client sends on the control socket, framed and decoded as the daemon's connection loop does: lines from
/// a ``LineReader`` over a real socket (a line past the limit ends the connection), empty lines skipped, each other
/// line decoded into a request or a `bad_request` reason. A decoded request survives the client's encoder unchanged.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzControl(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    // One socket buffer holds the whole input, so writing it all before reading cannot block.
    guard size <= 65_536 else { return 0 }
    var pair: [Int32] = [0, 0]
    guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else {
        FuzzExpectation.fail("socketpair: errno \(errno)")
    }
    defer {
        close(pair[0])
        close(pair[1])
    }
    do {
        try UnixSocket.writeAll(pair[0], Array(UnsafeBufferPointer(start: data, count: size)))
    } catch {
        FuzzExpectation.fail("writing the input: \(error)")
    }
    shutdown(pair[0], Int32(SHUT_WR))
    var reader = LineReader(descriptor: pair[1], maximumLineLength: 2_048)
    while true {
        let line: [UInt8]
        do {
            guard let next = try reader.nextLine() else { return 0 }
            line = next
        } catch .lineTooLong {
            return 0
        } catch {
            FuzzExpectation.fail("reading a line: \(error)")
        }
        if line.isEmpty { continue }
        switch ControlRequest.decode(line: line) {
        case .failure(let error):
            FuzzExpectation.oneLine(error.message, "control error")
        case .success(let request):
            let encoded: Data
            do {
                encoded = try ControlCoding.makeEncoder().encode(request)
            } catch {
                FuzzExpectation.fail("cannot encode a decoded request: \(error)")
            }
            guard case .success(let again) = ControlRequest.decode(line: Array(encoded)), again == request else {
                FuzzExpectation.fail("a request changed through the client's encoder: \(request)")
            }
        }
    }
}
