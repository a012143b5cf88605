import AduanStore
import Foundation

/// One way of handing a delivery to an agency. ``deliver(_:)`` blocks for the whole attempt, so the dispatcher runs
/// it on its worker queue, never on the store queue.
protocol DeliveryChannel: Sendable {
    /// Makes one attempt; returning means the agency has it.
    ///
    /// - Throws: ``DeliveryFailure`` saying why the attempt failed; the dispatcher retries later.
    func deliver(_ delivery: PendingDelivery) throws(DeliveryFailure)
}

/// Why one delivery attempt failed: one line, recorded as the delivery's `last_error`, without personal data.
struct DeliveryFailure: Error, Sendable, Hashable, CustomStringConvertible {
    let description: String

    init(_ description: String) {
        self.description = description
    }
}
