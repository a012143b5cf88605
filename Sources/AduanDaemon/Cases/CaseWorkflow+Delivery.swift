import AduanCore
import AduanRules
import AduanStore
import Foundation

// Deliveries to agencies are queued in the same transaction as the event that causes them, so a crash never
// loses one and the dispatcher (which only reads the table) never sends one for a change that rolled back.
extension CaseWorkflow {
    /// Queues the new case for its agency, and a copy for each of the route's `cc` agencies.
    mutating func queueRoutedDeliveries(
        caseID: Int64,
        eventID: Int64,
        decision: RoutingDecision,
        complaint: Complaint,
        clocks: [CaseClock]
    ) throws {
        let route = DeliveryPayload.Route(label: decision.route, why: decision.reason)
        try queueDelivery(
            caseID: caseID,
            eventID: eventID,
            agency: decision.agency,
            purpose: .assignment,
            reason: "routed to \(decision.agency) by route \"\(decision.route)\"",
            route: route,
            complaint: complaint,
            clocks: clocks
        )
        for agency in decision.cc {
            try queueDelivery(
                caseID: caseID,
                eventID: eventID,
                agency: agency,
                purpose: .carbonCopy,
                reason: "copy for information (cc of route \"\(decision.route)\"); the case is \(decision.agency)'s",
                route: route,
                complaint: complaint,
                clocks: clocks
            )
        }
    }

    /// Queues one delivery of a case to `agency`; the complaint, clocks and routing reason are read from the store
    /// when not given.
    mutating func queueDelivery(
        caseID: Int64,
        eventID: Int64,
        agency: String,
        purpose: DeliveryPurpose,
        reason: String,
        route: DeliveryPayload.Route? = nil,
        complaint: Complaint? = nil,
        clocks: [CaseClock]? = nil,
        notice: DeliveryPayload.Notice? = nil
    ) throws {
        guard let summary = try transaction.caseSummary(caseID: caseID) else { return }
        let complaint = try complaint ?? transaction.complaint(caseID: caseID)
        guard let complaint else { return }
        let route = try route ?? .init(label: summary.route, why: transaction.routingReason(caseID: caseID))
        let clocks = try clocks ?? transaction.clocks(caseID: caseID)
        let queued = try transaction.insertDelivery(
            caseID: caseID,
            eventID: eventID,
            agency: agency,
            purpose: purpose,
            at: now
        ) { id in
            try DeliveryPayload(
                deliveryID: String(id),
                purpose: purpose,
                agency: agency,
                summary: summary,
                complaint: complaint,
                route: route,
                clocks: clocks,
                reason: reason,
                notice: notice,
                createdAt: now
            ).encoded()
        }
        if queued != nil { queuedDeliveries += 1 }
    }
}
