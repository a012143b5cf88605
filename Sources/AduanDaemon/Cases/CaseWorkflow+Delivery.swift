import AduanControl
import AduanCore
import AduanRules
import AduanStore
import Foundation

// Deliveries to agencies are queued in the same transaction as the event that causes them, so a crash never
// loses one and the dispatcher (which only reads the table) never sends one for a change that rolled back. Only the
// cause is stored here; the dispatcher builds the document at the first attempt (``DeliveryPayload/init(draft:in:)``).
extension CaseWorkflow {
    /// Queues the new case for its agency, and a copy for each of the route's `cc` agencies.
    mutating func queueRoutedDeliveries(caseID: Int64, eventID: Int64, decision: RoutingDecision) throws {
        try queueDelivery(
            caseID: caseID,
            eventID: eventID,
            agency: decision.agency,
            purpose: .assignment,
            reason: "routed to \(decision.agency) by route \"\(decision.route)\""
        )
        for agency in decision.cc {
            try queueDelivery(
                caseID: caseID,
                eventID: eventID,
                agency: agency,
                purpose: .carbonCopy,
                reason: "copy for information (cc of route \"\(decision.route)\"); the case is \(decision.agency)'s"
            )
        }
    }

    /// Queues one delivery of a case to `agency`; `notice` is the escalation step of a notice.
    mutating func queueDelivery(
        caseID: Int64,
        eventID: Int64,
        agency: String,
        purpose: DeliveryPurpose,
        reason: String,
        notice: DeliveryPayload.Notice? = nil
    ) throws {
        let queued = try transaction.insertDelivery(
            caseID: caseID,
            eventID: eventID,
            agency: agency,
            purpose: purpose,
            reason: reason,
            notice: try notice.map { String(decoding: try ControlCoding.makeEncoder().encode($0), as: UTF8.self) },
            at: now
        )
        if queued != nil { queuedDeliveries += 1 }
    }
}
