import Foundation

/// Decodes the body of a GeoReport v2 `GET requests` response into service requests, or the server's error.
///
/// Tolerates what real servers send: numbers where the specification has strings (ids, codes, coordinates), `null`
/// or missing optional fields, extra fields, and wrappers (`{"service_requests": […]}`, a single request object).
public enum Open311ResponseDecoder {
    /// The fields this decoder reads; others are ignored.
    static let fieldNames: Set<String> = [
        "service_request_id", "status", "status_notes", "service_name", "service_code", "description",
        "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime",
        "address", "address_id", "zipcode", "lat", "long", "media_url",
    ]

    /// Decodes a response body in the given format.
    ///
    /// - Returns: the requests in response order, or ``Open311Error/server(_:)`` with the server's description, or
    ///   ``Open311Error/invalidResponse(_:)`` saying what is wrong with the body (e.g. "invalid JSON near …").
    public static func requests(from body: [UInt8], format: Open311Format) -> Result<[Open311Request], Open311Error> {
        guard body.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) else {
            return .failure(.invalidResponse("the body is empty"))
        }
        do {
            switch format {
            case .json: return .success(try requestsFromJSON(body))
            case .xml: return .success(try requestsFromXML(body))
            }
        } catch {
            return .failure(error)
        }
    }

    /// Builds a request from its fields' texts (already trimmed, empty ones left out).
    ///
    /// - Parameter number: the request's 1-based position in the response, for error messages.
    static func request(_ fields: [String: String], number: Int) throws(Open311Error) -> Open311Request {
        guard let id = fields["service_request_id"] else {
            throw .invalidResponse("request \(number) has no 'service_request_id'")
        }
        func coordinate(_ key: String) throws(Open311Error) -> Double? {
            guard let text = fields[key] else { return nil }
            guard let value = Double(text), value.isFinite else {
                throw .invalidResponse("request \(id): '\(key)' is not a number: '\(text)'")
            }
            return value
        }
        var request = Open311Request(serviceRequestID: id)
        request.status = fields["status"]
        request.statusNotes = fields["status_notes"]
        request.serviceName = fields["service_name"]
        request.serviceCode = fields["service_code"]
        request.description = fields["description"]
        request.agencyResponsible = fields["agency_responsible"]
        request.serviceNotice = fields["service_notice"]
        request.requestedDatetime = fields["requested_datetime"]
        request.updatedDatetime = fields["updated_datetime"]
        request.expectedDatetime = fields["expected_datetime"]
        request.address = fields["address"]
        request.addressID = fields["address_id"]
        request.zipcode = fields["zipcode"]
        request.latitude = try coordinate("lat")
        request.longitude = try coordinate("long")
        request.mediaURL = fields["media_url"]
        return request
    }

    /// Trims a field's text; empty text is no value, like a JSON `null`.
    static func trimmed(_ text: String) -> String? {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }
}
