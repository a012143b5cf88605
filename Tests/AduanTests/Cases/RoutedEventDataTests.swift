import AduanRules
import Foundation
import Testing

@testable import AduanDaemon

/// The routed event's data, written by hand into the audit trail, reads back as the decision it recorded.
@Suite("routed event data")
struct RoutedEventDataTests {
    @Test(
        "phrases with quotes, backslashes, control characters and non-ASCII text read back unchanged",
        arguments: [
            (["jalan rusak"], "P3" as String?),
            ([#"kata "kutip""#, #"C:\jalan"#, "baris\nbaru\ttab\u{1}", "jalan berlubang — parah", "/slash/"], nil),
            ([], "P1"),
        ]
    )
    func roundTrip(phrases: [String], priority: String?) throws {
        let decision = RoutingDecision(
            route: "Jalan",
            agency: "dpupr",
            verify: .auto,
            priority: priority,
            matchedPhrases: phrases,
            reason: "words matched"
        )
        let data = RoutedEventData(decision)
        let json = data.json
        #expect(!json.contains("\n"), "the data is one line: \(json)")
        #expect(RoutedEventData(json: json) == data, "\(json)")
        #expect(json.hasPrefix(#"{"agency":"dpupr""#))
    }
}
