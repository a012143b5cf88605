import AduanStore
import Foundation

/// `kind = "outbox"`: each delivery as `<directory>/<agency>/<case-id>-<event-id>.json`, written atomically
/// (temporary name, fsync, rename, fsync of the folder) so that a reader never sees half a file, and named by its
/// cause so that writing it again after a crash replaces it instead of doubling it.
struct OutboxChannel: DeliveryChannel {
    /// The folder holding a folder per agency.
    let directory: String

    /// The file a delivery is written to, relative to the agency's folder.
    static func fileName(for delivery: PendingDelivery) -> String {
        "\(delivery.caseID)-\(delivery.eventID).json"
    }

    func deliver(_ delivery: PendingDelivery) throws(DeliveryFailure) {
        // Agency ids come from the rules; one that could leave the outbox is refused rather than followed.
        guard !delivery.agency.isEmpty, !delivery.agency.contains("/"), !delivery.agency.hasPrefix(".") else {
            throw DeliveryFailure("agency id '\(delivery.agency)' cannot be a folder name")
        }
        let folder = directory + "/" + delivery.agency
        do {
            try DurableFiles.makeDirectory(folder)
            try DurableFiles.write(
                Array((delivery.payload + "\n").utf8),
                to: folder,
                name: Self.fileName(for: delivery)
            )
        } catch {
            throw DeliveryFailure("cannot write to \(folder): \(error)")
        }
    }
}
