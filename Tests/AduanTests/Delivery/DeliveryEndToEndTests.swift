import AduanControl
import AduanCore
import Foundation
import Testing

@testable import AduanDaemon

/// The real `aduand` with a config file delivering every agency's cases to a webhook on 127.0.0.1 that fails the
/// first attempts, stopped and restarted in the middle of the retries.
@Suite("delivery end to end", .serialized)
struct DeliveryEndToEndTests {
    /// What the receiver saw for one delivery: its documents, and the answer it gave each attempt.
    struct Received {
        var payloads: Set<[UInt8]> = []
        var accepted = 0
    }

    @Test("every case reaches its agencies once by Idempotency-Key, signed, through failures and a restart")
    func webhookThroughRestart() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let secret = "kunci-rahasia-webhook"
        let attempts = AttemptCounter()
        let server = try LocalHTTPServer { request in
            // The first attempt of each delivery gets a 500, the second a dropped connection, the rest a 200.
            switch attempts.next(request.header("Idempotency-Key") ?? "") {
            case 1: .reply(status: 500)
            case 2: .dropConnection
            default: .reply(status: 202)
            }
        }
        defer { server.stop() }
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try DeliveryHarness.rules.write(toFile: folder.file("rules/a.rules"), atomically: true, encoding: .utf8)
        try (secret + "\n").write(toFile: folder.file("hook.key"), atomically: true, encoding: .utf8)
        let state = folder.file("state")
        try """
        source "spool" {
            kind = "spool"
            path = "\(state)"
            every = "200ms"
        }
        deliver "*" {
            kind = "webhook"
            url = "\(server.url("/aduan"))"
            secret_file = "hook.key"
            retry_min = "500ms"
            retry_max = "500ms"
        }
        deliver "dishub" {
            kind = "outbox"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        let arguments = ["--config", folder.file("aduand.conf")]
        var daemon = try DaemonProcess(stateDirectory: state, arguments: arguments, rules: folder.file("rules"))
        #expect(daemon.log.contains(#"deliver "dishub" names an agency the rules do not declare"#))
        try DaemonEndToEndTests.drop(
            [
                DaemonEndToEndTests.complaint("j-1", "Jalan rusak di depan sekolah"),
                DaemonEndToEndTests.complaint("s-1", "Sampah menumpuk di pasar"),
                DaemonEndToEndTests.complaint("l-1", "Lampu taman mati"),
            ],
            named: "a.jsonl",
            into: state + "/inbox"
        )
        // Stop once every delivery has failed at least once, then start again on the same state.
        #expect(eventually(within: 10) { Set(server.requests.compactMap { $0.header("Idempotency-Key") }).count == 4 })
        #expect(daemon.stop() == 0)
        daemon = try DaemonProcess(stateDirectory: state, arguments: arguments, rules: folder.file("rules"))
        let ctl = ["--socket", daemon.socketPath]
        func listed() throws -> [DeliveryRecord] {
            let run = try CommandRun.aduanctl(ctl + ["deliveries", "--json"])
            return try ControlCoding.makeDecoder().decode([DeliveryRecord].self, from: Data(run.standardOutput.utf8))
        }
        #expect(try eventually(within: 15) { try listed().count == 4 && listed().allSatisfy { $0.deliveredAt != nil } })

        var received: [String: Received] = [:]
        var seen: [String: Int] = [:]
        for request in server.requests {
            let key = try #require(request.header("Idempotency-Key"))
            seen[key, default: 0] += 1
            received[key, default: Received()].payloads.insert(request.body)
            if seen[key]! >= 3 { received[key]!.accepted += 1 }
            #expect(
                request.header("X-Aduan-Signature")
                    == "sha256=" + HMACSHA256.hexAuthenticationCode(for: request.body, key: Array(secret.utf8))
            )
        }
        #expect(received.values.allSatisfy { $0.payloads.count == 1 && $0.accepted >= 1 })
        let documents = try received.values.map { value in
            try ControlCoding.makeDecoder().decode(DeliveryPayload.self, from: Data(value.payloads.first!))
        }
        let byCase = Set(documents.map { "\($0.complaint.externalID)→\($0.agency) \($0.purpose.rawValue)" })
        #expect(byCase == ["j-1→dpupr case", "j-1→biro cc", "s-1→dinkes case", "l-1→biro case"])
        // Three attempts each, of which the one in flight at the stop may have gone unrecorded.
        #expect(try listed().allSatisfy { $0.kind == "webhook" && $0.attempts >= 2 && $0.lastError == nil })

        let table = try CommandRun.aduanctl(ctl + ["deliveries", "--limit", "2"])
        #expect(table.exitCode == 0, "\(table.standardError)")
        let lines = table.standardOutput.split(separator: "\n")
        #expect(lines.first?.hasPrefix("ID  CASE  AGENCY") == true)
        #expect(lines.count == 3)
        let failed = try CommandRun.aduanctl(ctl + ["deliveries", "--failed"])
        #expect(failed.standardOutput == "no failed deliveries\n")
        let usage = try CommandRun.aduanctl(ctl + ["deliveries", "--limit", "-1"])
        #expect(usage.exitCode == 64)
        #expect(daemon.stop() == 0)
    }
}
