import AduanCore
import Foundation

/// The JSON notice an escalation step's `notify(…)` writes for an agency.
struct EscalationNotice: Sendable, Encodable {
    var caseID: Int64
    var agency: String
    var target: String
    var escalation: String
    var step: Int
    var action: String
    var dueAt: Date
    var firedAt: Date
    var summary: CaseSummary
    var clocks: [CaseClock]

    /// The file name: one per case and step, so writing it again after a crash replaces it instead of doubling it.
    var fileName: String { "\(caseID)-\(escalation)-\(step + 1).json" }

    private enum CodingKeys: String, CodingKey {
        case caseID = "case_id"
        case agency
        case target
        case escalation
        case step
        case action
        case dueAt = "due_at"
        case firedAt = "fired_at"
        case summary = "case"
        case clocks
    }
}
