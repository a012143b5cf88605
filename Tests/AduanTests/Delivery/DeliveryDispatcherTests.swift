import AduanControl
import AduanCore
import Foundation
import Testing

@testable import AduanDaemon

/// The dispatcher in-process against real files, a real HTTP server on 127.0.0.1 and a real mail command.
@Suite("delivery dispatcher", .serialized)
struct DeliveryDispatcherTests {
    @Test("the default outbox holds <agency>/<case>-<event>.json for the agency and each cc, written whole")
    func outboxFiles() throws {
        let harness = try DeliveryHarness()
        try harness.ingest([("a", "Jalan rusak di Ciruas", "Jalan rusak"), ("b", "Sampah menumpuk", nil)])
        #expect(try eventually(within: 5) { try harness.deliveries().allSatisfy { $0.deliveredAt != nil } })
        let deliveries = try harness.deliveries()
        #expect(deliveries.map(\.agency).sorted() == ["biro", "dinkes", "dpupr"])
        // Case 1's events: received (1), routed (2); case 2's: received (3), routed (4).
        let outbox = harness.folder.file("outbox")
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox + "/dpupr") == ["1-2.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox + "/biro") == ["1-2.json"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: outbox + "/dinkes") == ["2-4.json"])
        let text = try String(contentsOfFile: outbox + "/dpupr/1-2.json", encoding: .utf8)
        #expect(text.hasSuffix("}\n"))
        let payload = try ControlCoding.makeDecoder().decode(DeliveryPayload.self, from: Data(text.utf8))
        #expect(payload.purpose == .assignment)
        #expect(payload.summary.agency == "dpupr")
        #expect(payload.route.label == "Jalan")
        #expect(payload.route.why?.contains("jalan rusak") == true)
        #expect(payload.complaint.reporter?.contact == "0812-0000-0001")
        #expect(payload.clocks.contains { $0.kind == .respond })
        let copy = try String(contentsOfFile: outbox + "/biro/1-2.json", encoding: .utf8)
        #expect(copy.contains(#""purpose":"cc""#))
        #expect(deliveries.allSatisfy { $0.attempts == 1 && $0.lastError == nil })
    }

    @Test("a webhook that answers 500, then drops the connection, gets each delivery once more with the same key")
    func webhookRetries() throws {
        let secret = "s3kret-key"
        let attempts = AttemptCounter()
        let server = try LocalHTTPServer { request in
            switch attempts.next(request.header("Idempotency-Key") ?? "") {
            case 1: .reply(status: 500)
            case 2: .dropConnection
            default: .ok
            }
        }
        defer { server.stop() }
        let harness = try DeliveryHarness(
            config: """
                deliver "*" {
                    kind = "webhook"
                    url = "\(server.url("/aduan?v=1"))"
                    secret_file = "key"
                    retry_min = "100ms"
                    retry_max = "200ms"
                }
                """,
            files: ["key": secret + "\n"]
        )
        try harness.ingest([("a", "Jalan rusak di Ciruas", "Jalan rusak"), ("b", "Sampah menumpuk", nil)])
        #expect(try eventually(within: 10) { try harness.deliveries().allSatisfy { $0.deliveredAt != nil } })
        let requests = server.requests
        #expect(requests.count == 9)
        let keys = Dictionary(grouping: requests) { $0.header("Idempotency-Key") ?? "" }
        #expect(keys.keys.sorted() == ["1", "2", "3"])
        for (key, sent) in keys {
            // Every retry sends the same bytes, and the signature of those bytes checks out with the key file.
            #expect(Set(sent.map(\.body)).count == 1)
            let body = try #require(sent.first?.body)
            #expect(sent.allSatisfy { $0.method == "POST" && $0.target == "/aduan?v=1" })
            #expect(sent.allSatisfy { $0.header("Content-Type") == "application/json" })
            #expect(
                sent.allSatisfy {
                    $0.header("X-Aduan-Signature")
                        == "sha256=" + HMACSHA256.hexAuthenticationCode(for: body, key: Array(secret.utf8))
                }
            )
            let payload = try ControlCoding.makeDecoder().decode(DeliveryPayload.self, from: Data(body))
            #expect(payload.deliveryID == key)
        }
        #expect(try harness.deliveries().allSatisfy { $0.attempts == 3 && $0.lastError == nil })
    }

    @Test("a delivery that keeps failing stays due and never holds up the other agencies")
    func failingDeliveryDoesNotBlock() throws {
        let server = try LocalHTTPServer { _ in
            usleep(300_000)
            return .reply(status: 503)
        }
        defer { server.stop() }
        let harness = try DeliveryHarness(
            config: """
                deliver "dpupr" {
                    kind = "webhook"
                    url = "\(server.url())"
                    secret_file = "key"
                    retry_min = "1s"
                }
                """,
            files: ["key": "k"]
        )
        try harness.ingest([("a", "Jalan rusak di Ciruas", nil), ("b", "Sampah menumpuk", nil)])
        #expect(
            try eventually(within: 5) {
                try harness.deliveries().filter { $0.agency != "dpupr" }.allSatisfy { $0.deliveredAt != nil }
                    && harness.deliveries(isFailedOnly: true).count == 1
            }
        )
        let failed = try #require(try harness.deliveries(isFailedOnly: true).first)
        #expect(failed.agency == "dpupr")
        #expect(failed.deliveredAt == nil)
        #expect(failed.lastError?.contains("HTTP 503") == true)
        #expect(failed.nextAttemptAt != nil)
    }

    @Test("sendmail gets an RFC 5322 message: headers, an encoded non-ASCII subject, the JSON in quoted-printable")
    func sendmail() throws {
        let harness = try DeliveryHarness(
            config: """
                deliver "dinkes" {
                    kind = "sendmail"
                    command = "/bin/sh {dir}/capture.sh {dir}/mail.eml"
                    to = "pengaduan@dinkes.example"
                    from = "aduan@bantenprov.example"
                }
                """,
            files: ["capture.sh": "cat > \"$1\"\n"]
        )
        try harness.ingest([("b", "Sampah menumpuk — baunya menyengat", "Sampah di pasar — tolong")])
        #expect(try eventually(within: 5) { try harness.deliveries().first?.deliveredAt != nil })
        let mail = try String(contentsOfFile: harness.folder.file("mail.eml"), encoding: .utf8)
        let (head, body) = try #require(MailParts.split(mail))
        #expect(head["From"] == "aduan@bantenprov.example")
        #expect(head["To"] == "pengaduan@dinkes.example")
        #expect(head["Message-ID"] == "<1@aduan>")
        #expect(head["MIME-Version"] == "1.0")
        #expect(head["Content-Type"] == "text/plain; charset=utf-8")
        #expect(head["Content-Transfer-Encoding"] == "quoted-printable")
        #expect(head["Date"]?.hasSuffix("+0000") == true)
        let subject = try #require(head["Subject"])
        #expect(subject.hasPrefix("=?UTF-8?B?"))
        #expect(
            MailParts.decodeWords(subject)
                == "[Aduan #1] Aduan untuk ditindaklanjuti / Complaint to act on: Sampah di pasar — tolong"
        )
        #expect(body.split(separator: "\n").allSatisfy { $0.utf8.count <= 76 })
        let decoded = MailParts.decodeQuotedPrintable(body)
        #expect(decoded.contains("Kasus / Case: 1 (dispatched), instansi / agency: dinkes"))
        #expect(decoded.contains("Sampah menumpuk — baunya menyengat"))
        let json = try #require(decoded.split(separator: "\n").last { $0.hasPrefix("{") })
        let payload = try ControlCoding.makeDecoder().decode(DeliveryPayload.self, from: Data(json.utf8))
        #expect(payload.deliveryID == "1")
        #expect(payload.complaint.title == "Sampah di pasar — tolong")
    }
}

/// Counts attempts per idempotency key, from the server's threads.
final class AttemptCounter: @unchecked Sendable {
    // `lock` guards `counts`.
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    /// Records one more attempt for `key` and returns how many there were, this one included.
    func next(_ key: String) -> Int {
        lock.withLock {
            counts[key, default: 0] += 1
            return counts[key]!
        }
    }
}

/// A received mail split into header fields (unfolded) and body, with the decoders a mail reader would apply.
enum MailParts {
    static func split(_ mail: String) -> (headers: [String: String], body: String)? {
        guard let blank = mail.range(of: "\n\n") else { return nil }
        var headers: [String: String] = [:]
        var lastName: String?
        for line in mail[..<blank.lowerBound].split(separator: "\n") {
            if line.hasPrefix(" "), let lastName {
                headers[lastName, default: ""] += String(line)
            } else if let colon = line.firstIndex(of: ":") {
                let name = String(line[..<colon])
                headers[name] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                lastName = name
            }
        }
        return (headers, String(mail[blank.upperBound...]))
    }

    /// RFC 2047 `B` words back to text; the space between two encoded words is not part of the text.
    static func decodeWords(_ text: String) -> String {
        text.split(separator: " ").map { word -> String in
            guard word.hasPrefix("=?UTF-8?B?"), word.hasSuffix("?=") else { return String(word) }
            let encoded = word.dropFirst(10).dropLast(2)
            return Data(base64Encoded: String(encoded)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        }.joined()
    }

    static func decodeQuotedPrintable(_ text: String) -> String {
        var bytes: [UInt8] = []
        let source = Array(text.utf8)
        var index = 0
        while index < source.count {
            if source[index] == UInt8(ascii: "="), index + 1 < source.count, source[index + 1] == UInt8(ascii: "\n") {
                index += 2
            } else if source[index] == UInt8(ascii: "="), index + 2 < source.count,
                let byte = UInt8(String(decoding: source[index + 1...index + 2], as: UTF8.self), radix: 16)
            {
                bytes.append(byte)
                index += 3
            } else {
                bytes.append(source[index])
                index += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
