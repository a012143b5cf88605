public import Foundation

/// Turns Open311 service requests into spool items of one source, through ``SpoolItemDecoder``'s field rules.
///
/// The intake decides which function to call: ``complaint(from:receivedDefault:)`` for a request it has not stored
/// yet, ``update(from:)`` for one it has.
public struct Open311ItemMapper: Sendable {
    /// The source the items belong to (the poller's name).
    public let source: String

    private let itemDecoder: SpoolItemDecoder

    /// Creates a mapper for `source`.
    public init(source: String) {
        self.source = source
        self.itemDecoder = SpoolItemDecoder(source: source)
    }

    /// A new complaint: id = `service_request_id`, text = `description` (else `service_name`), title =
    /// `service_name`, channel `open311`, received at `requested_datetime`, location from `lat`/`long`/`address`,
    /// and the region from the first part of the address, read from its most general end, that names one.
    ///
    /// - Parameter receivedDefault: the time to use when the request has no `requested_datetime`.
    public func complaint(from request: Open311Request, receivedDefault: Date) -> Result<SpoolItem, SpoolItemError> {
        let id = request.serviceRequestID
        guard let text = request.description ?? request.serviceName else {
            return .failure(SpoolItemError("the request has neither 'description' nor 'service_name'", id: id))
        }
        var fields: [String: Any] = ["id": id, "text": text, "channel": Channel.open311.rawValue]
        fields["title"] = request.serviceName
        if let requested = request.requestedDatetime {
            guard let date = Open311DateTime.parse(requested) else {
                return .failure(
                    SpoolItemError("'requested_datetime' is not a date-time with a zone: '\(requested)'", id: id)
                )
            }
            fields["received_at"] = RFC3339.format(date)
        }
        fields["region"] = request.address.flatMap(Self.regionPart)
        var location: [String: Any] = [:]
        location["lat"] = request.latitude.map { NSNumber(value: $0) }
        location["lon"] = request.longitude.map { NSNumber(value: $0) }
        location["address"] = request.address
        if !location.isEmpty { fields["location"] = location }
        return itemDecoder.decode(fields: fields, original: [UInt8](), receivedDefault: receivedDefault)
    }

    /// A change to a request already stored, for the case of `(source, service_request_id)`.
    ///
    /// Its id is `<service_request_id>@<updated_datetime in UTC>` (or `@<status>` without one), so each change is
    /// applied once. `closed` resolves the case; `open` and other statuses change no state and leave a note.
    /// The note is `status_notes`, else `Open311 status: <status>`.
    public func update(from request: Open311Request) -> Result<SpoolItem, SpoolItemError> {
        let id = request.serviceRequestID
        let stamp = request.updatedDatetime.map { text in Open311DateTime.parse(text).map(RFC3339.format) ?? text }
        guard let change = stamp ?? request.status else {
            return .failure(SpoolItemError("the request has neither 'updated_datetime' nor 'status'", id: id))
        }
        let isClosed = request.status?.lowercased() == "closed"
        var fields: [String: Any] = ["id": "\(id)@\(change)", "update_for": ["source": source, "id": id]]
        fields["status"] = isClosed ? CaseState.resolved.rawValue : nil
        fields["note"] = request.statusNotes ?? (isClosed ? nil : request.status.map { "Open311 status: \($0)" })
        let original = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return itemDecoder.decode(fields: fields, original: original, receivedDefault: Date(timeIntervalSince1970: 0))
    }

    /// `Jl. Ahmad Yani 5, Cipocok Jaya, Kota Serang, Banten 42121` → `Kota Serang`: addresses run from the most
    /// specific part to the most general, so the region is the last part ``Region`` recognises.
    private static func regionPart(of address: String) -> String? {
        address.split(separator: ",").reversed()
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .first { Region.resolve($0) != nil }
    }
}
