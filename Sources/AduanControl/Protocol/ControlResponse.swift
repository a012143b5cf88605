/// A response on the control socket: `{"id":…,"ok":true,"result":…}` or
/// `{"id":…,"ok":false,"error":{"code":…,"message":…}}`.
public struct ControlResponse<Result: Codable & Sendable>: Sendable, Codable {
    /// The request's `id`, when it had one.
    public var id: Int?
    /// Whether the request succeeded.
    public var ok: Bool
    /// The answer, when `ok`.
    public var result: Result?
    /// What went wrong, when not `ok`.
    public var error: ControlError?

    /// A successful response.
    public static func success(id: Int?, _ result: Result) -> ControlResponse {
        ControlResponse(id: id, ok: true, result: result, error: nil)
    }

    /// A failed response.
    public static func failure(id: Int?, _ error: ControlError) -> ControlResponse {
        ControlResponse(id: id, ok: false, result: nil, error: error)
    }
}

/// A response without a result, for errors that happen before the operation is known.
public struct ControlEmptyResult: Sendable, Codable {}

/// Why the daemon refused or failed a request.
public struct ControlError: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// Machine-readable reason.
    public var code: Code
    /// One readable line for humans.
    public var message: String

    /// Creates an error.
    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    /// Machine-readable reasons.
    public enum Code: String, Sendable, Hashable, Codable {
        /// The request was not valid JSON or lacked a required parameter.
        case badRequest = "bad_request"
        /// The named case or object does not exist.
        case notFound = "not_found"
        /// The change does not fit the object's state (e.g. a lifecycle step that does not exist).
        case conflict
        /// The caller may not do this.
        case permissionDenied = "permission_denied"
        /// The request was larger than the daemon accepts.
        case tooLarge = "too_large"
        /// The daemon has too many connections open.
        case busy
        /// The daemon failed while answering.
        case `internal`
    }

    public var description: String { message }
}
