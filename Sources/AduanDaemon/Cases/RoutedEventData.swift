import AduanControl
import AduanRules
import Foundation

/// What a case's `routed` event keeps in its `data`: the decision as it was made, which the case's own columns lose
/// once an operator or an escalation step changes its agency or priority.
///
/// Compact JSON, `{"agency":"dpupr","priority":"P3","phrases":["jalan rusak"]}`; the route label and the rules hash
/// never change and stay in the case's row.
struct RoutedEventData: Sendable, Hashable, Codable {
    var agency: String
    var priority: String?
    var phrases: [String]

    init(_ decision: RoutingDecision) {
        agency = decision.agency
        priority = decision.priority
        phrases = decision.matchedPhrases
    }

    /// Reads the data of a `routed` event; `nil` for events written before it was recorded, or unreadable.
    init?(json: String?) {
        guard let json, let data = try? JSONDecoder().decode(Self.self, from: Data(json.utf8)) else { return nil }
        self = data
    }

    /// The JSON text, written by hand: intake writes one per complaint, and JSONEncoder costs several times more.
    var json: String {
        var writer = JSONByteWriter(capacity: 96)
        writer.raw(#"{"agency":"#)
        writer.string(agency)
        if let priority {
            writer.raw(#","priority":"#)
            writer.string(priority)
        }
        writer.raw(#","phrases":["#)
        for (index, phrase) in phrases.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.string(phrase)
        }
        writer.raw("]}")
        return String(decoding: writer.bytes, as: UTF8.self)
    }
}
