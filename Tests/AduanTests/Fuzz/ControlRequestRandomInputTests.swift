import AduanControl
import Foundation
import Glibc
import Testing

/// Mutated request streams, framed by a ``LineReader`` over a real socket pair and decoded as the daemon does.
@Suite("control requests on random input")
struct ControlRequestRandomInputTests {
    static let originals: [[UInt8]] = [
        #"{"id":1,"op":"status"}"# + "\n" + #"{"id":2,"op":"cases","state":"received","limit":0,"overdue":true}"#,
        #"{"id":3,"op":"case.hold","case_id":"7","note":"menunggu foto"}"# + "\r\n",
        #"{"op":"complaints.export","after_id":100,"since":"2026-03-17T00:00:00Z"}"# + "\n\n"
            + #"{"op":"quarantine.show","source":"spool","name":"batch-1.jsonl"}"#,
        #"{"op":"deliveries","failed":true}"# + "\n" + #"{"op":"backup","path":"/var/backups/aduan.db"}"#,
    ].map { Array($0.utf8) }

    /// The lines of `bytes` as the daemon's connection loop reads them, or `nil` once a line is too long.
    static func lines(of bytes: [UInt8], limit: Int) throws -> [[UInt8]]? {
        var pair: [Int32] = [0, 0]
        guard socketpair(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0, &pair) == 0 else {
            throw SystemCallError(call: "socketpair", errno: errno)
        }
        defer {
            close(pair[0])
            close(pair[1])
        }
        try UnixSocket.writeAll(pair[0], bytes)
        shutdown(pair[0], Int32(SHUT_WR))
        var reader = LineReader(descriptor: pair[1], maximumLineLength: limit)
        var lines: [[UInt8]] = []
        do {
            while let line = try reader.nextLine() { lines.append(line) }
        } catch .lineTooLong {
            return nil
        }
        return lines
    }

    @Test("mutated request lines are requests or one-line bad_request answers, within the time bound")
    func mutations() throws {
        var mutation = RandomMutation(seed: 0x6374_6C00, syntaxBytes: #"{}[]:,"\ 0123456789.\#ntrue"#)
        var outcomes = (requests: 0, refused: 0, tooLong: 0)
        let start = ContinuousClock.now
        for _ in 0..<1_500 {
            let bytes = mutation.next(from: Self.originals)
            guard let lines = try Self.lines(of: bytes, limit: 120) else {
                outcomes.tooLong += 1
                continue
            }
            for line in lines where !line.isEmpty {
                switch ControlRequest.decode(line: line) {
                case .success(let request):
                    outcomes.requests += 1
                    let encoded = try ControlCoding.makeEncoder().encode(request)
                    #expect(try ControlRequest.decode(line: Array(encoded)).get() == request)
                case .failure(let error):
                    outcomes.refused += 1
                    #expect(error.code == .badRequest)
                    #expect(error.message.isOneReadableLine, "\(error.message.debugDescription)")
                }
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(outcomes.requests > 0 && outcomes.refused > 0 && outcomes.tooLong > 0, "\(outcomes)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
