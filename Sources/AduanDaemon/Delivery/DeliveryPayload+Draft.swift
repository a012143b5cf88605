import AduanControl
import AduanCore
import AduanStore
import Foundation

extension DeliveryPayload {
    /// The document of a delivery at its first attempt: its cause as queued, and the case, complaint, route and
    /// clocks as they are now.
    ///
    /// - Throws: ``StoreError`` when the store fails; ``WorkflowError`` when it does not hold the delivery's case.
    init(draft: DeliveryDraft, in transaction: StoreTransaction) throws {
        guard let summary = try transaction.caseSummary(caseID: draft.caseID),
            let complaint = try transaction.complaint(caseID: draft.caseID)
        else {
            throw WorkflowError(
                kind: .notFound,
                description: "delivery \(draft.id) names case \(draft.caseID), which the store does not hold"
            )
        }
        self.init(
            deliveryID: String(draft.id),
            purpose: draft.purpose,
            agency: draft.agency,
            summary: summary,
            complaint: complaint,
            route: Route(label: summary.route, why: try transaction.routingReason(caseID: draft.caseID)),
            clocks: try transaction.clocks(caseID: draft.caseID),
            reason: draft.reason,
            notice: try draft.notice.map { try ControlCoding.makeDecoder().decode(Notice.self, from: Data($0.utf8)) },
            createdAt: draft.createdAt
        )
    }
}
