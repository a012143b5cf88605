import AduanControl
import Foundation
import Testing

@Suite("source status on the wire")
struct SourceStatusTests {
    @Test("a source's status encodes with snake_case keys and explicit nulls, and decodes back")
    func sourceStatusJSON() throws {
        let status = SourceStatus(
            name: "email",
            kind: "maildir",
            location: "/var/mail/aduan",
            intervalSeconds: 30,
            itemsIn: 2,
            itemsQuarantined: 1,
            lastPollAt: nil,
            lastSuccessAt: nil,
            lastError: nil,
            cursor: nil,
            consecutiveFailures: 0,
            nextPollAt: nil
        )
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        let json = String(decoding: try encoder.encode(status), as: UTF8.self)
        #expect(
            json == #"{"consecutive_failures":0,"cursor":null,"every_s":30,"items_in":2,"items_quarantined":1,"#
                + #""kind":"maildir","last_error":null,"last_poll_at":null,"last_success_at":null,"#
                + #""location":"\/var\/mail\/aduan","name":"email","next_poll_at":null}"#
        )
        #expect(try JSONDecoder().decode(SourceStatus.self, from: Data(json.utf8)) == status)
    }
}
