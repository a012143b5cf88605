import AduanControl
import AduanCore
import Foundation

/// The JSON document a delivery carries to an agency (README "Delivery to agencies"), built once at its first
/// attempt and stored, so that every retry sends the same bytes and the same signature.
struct DeliveryPayload: Sendable, Codable {
    /// The delivery's id: also its `Idempotency-Key` and its mail's `Message-ID`.
    var deliveryID: String
    /// Why the agency receives it.
    var purpose: DeliveryPurpose
    /// The agency it is addressed to.
    var agency: String
    /// The case as `aduanctl cases --json` lists it.
    var summary: CaseSummary
    /// The complaint, with its reporter: the agency needs the contact to follow up.
    var complaint: Complaint
    /// The route that chose the agency.
    var route: Route
    /// The case's SLA clocks at the time.
    var clocks: [CaseClock]
    /// One line for people: why this delivery exists.
    var reason: String
    /// The escalation step, for a notice.
    var notice: Notice?
    /// When it was queued.
    var createdAt: Date

    /// The route label and why it matched.
    struct Route: Sendable, Codable, Hashable {
        /// The route's label, or `otherwise`.
        var label: String?
        /// The router's explanation, as in the case's `routed` event.
        var why: String?
    }

    /// The escalation step that sent a notice.
    struct Notice: Sendable, Codable, Hashable {
        /// The escalation ladder's name.
        var escalation: String
        /// The step's position, from 1.
        var step: Int
        /// The step's `notify(…)` target as written in the rules.
        var target: String
        /// The step's action as written in the rules.
        var action: String
        /// When the step was due.
        var dueAt: Date

        private enum CodingKeys: String, CodingKey {
            case escalation
            case step
            case target
            case action
            case dueAt = "due_at"
        }
    }

    private enum CodingKeys: String, CodingKey {
        case deliveryID = "delivery_id"
        case purpose
        case agency
        case summary = "case"
        case complaint
        case route
        case clocks
        case reason
        case notice
        case createdAt = "created_at"
    }

    /// The document as sent: one line, keys sorted, RFC 3339 UTC dates, so the bytes (and their HMAC) are
    /// reproducible.
    func encoded() throws -> String {
        String(decoding: try ControlCoding.makeEncoder().encode(self), as: UTF8.self)
    }
}
