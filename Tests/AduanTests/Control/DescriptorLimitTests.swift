import AduanControl
import Foundation
import Glibc
import Testing

@testable import AduanDaemon

/// The control socket at a low open-file limit: connections beyond what the limit allows are told "busy" instead of
/// being left unanswered, and the daemon keeps the descriptors intake needs.
@Suite("control socket at a low descriptor limit", .serialized)
struct DescriptorLimitTests {
    @Test("at `ulimit -n 1024`, 1,100 silent clients: one more is told busy and intake still reads its inbox")
    func busyAtLowDescriptorLimit() throws {
        // This process holds the 1,100 connections: it needs more than the usual 1,024 itself.
        try #require(DescriptorLimit.raiseToHardLimit() > 1_300, "the test's own descriptor limit is too low")
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.file("state")
        let daemon = try DaemonProcess(
            stateDirectory: state,
            launcher: ["/bin/sh", "-c", #"ulimit -n 1024 && exec "$0" "$@""#]
        )
        let socket = daemon.socketPath
        var silent: [Int32] = []
        defer { for descriptor in silent { close(descriptor) } }
        for _ in 0..<1_100 { silent.append(try UnixSocket.connect(to: socket)) }
        let last = try UnixSocket.connect(to: socket, timeout: 5)
        defer { close(last) }
        UnixSocket.setTimeouts(last, seconds: 5)
        var buffer = [UInt8](repeating: 0, count: 512)
        let count = read(last, &buffer, buffer.count)
        let answer = count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
        #expect(answer.contains(#""busy""#), "one client too many got \(count < 0 ? "nothing" : "'\(answer)'")")
        try DaemonEndToEndTests.drop(
            [DaemonEndToEndTests.complaint("fd-1", "Jalan rusak")],
            named: "a.jsonl",
            into: state + "/inbox"
        )
        #expect(
            eventually(within: 10) { !FileManager.default.fileExists(atPath: state + "/inbox/a.jsonl") },
            "intake could not take a file while the control socket held its connections"
        )
    }
}
