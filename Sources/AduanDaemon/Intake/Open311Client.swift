import Dispatch
import Foundation
import FoundationNetworking
import Synchronization

/// Fetches GeoReport v2 documents over HTTP(S), one request at a time, blocking the poller's own queue (never
/// the store's) until the answer or the timeout.
struct Open311Client: Sendable {
    /// What the server answered.
    struct Answer: Sendable {
        /// The HTTP status.
        var status: Int
        /// The `Content-Type` header, lowercased, without parameters.
        var contentType: String?
        /// The body.
        var body: [UInt8]
    }

    /// Seconds a request may take.
    let timeout: Double

    /// GETs `url`.
    ///
    /// - Throws: ``Open311FetchError`` when no answer came (refused, reset, timed out, bad TLS).
    func get(_ url: URL) throws(Open311FetchError) -> Answer {
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.setValue("application/json, text/xml;q=0.9", forHTTPHeaderField: "Accept")
        request.setValue("aduand", forHTTPHeaderField: "User-Agent")
        let outcome = Mutex<Result<Answer, Open311FetchError>?>(nil)
        let done = DispatchSemaphore(value: 0)
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        configuration.timeoutIntervalForResource = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request) { data, response, error in
            let result: Result<Answer, Open311FetchError>
            if let error {
                result = .failure(Open311FetchError(url: url, reason: error.localizedDescription))
            } else if let response = response as? HTTPURLResponse {
                let contentType = (response.value(forHTTPHeaderField: "Content-Type") ?? "")
                    .split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
                result = .success(
                    Answer(status: response.statusCode, contentType: contentType, body: [UInt8](data ?? Data()))
                )
            } else {
                result = .failure(Open311FetchError(url: url, reason: "no HTTP response"))
            }
            outcome.withLock { $0 = result }
            done.signal()
        }
        task.resume()
        if done.wait(timeout: .now() + timeout + 5) == .timedOut {
            task.cancel()
            throw Open311FetchError(url: url, reason: "no answer within \(Int(timeout)) s")
        }
        guard let result = outcome.withLock({ $0 }) else {
            throw Open311FetchError(url: url, reason: "no answer")
        }
        return try result.get()
    }
}

/// An Open311 request that got no usable answer: one line naming the URL (without its API key) and why.
struct Open311FetchError: Error, Sendable, CustomStringConvertible {
    /// The URL asked.
    let url: URL
    /// Why it failed.
    let reason: String

    var description: String {
        "GET \(Self.redacted(url)): \(reason)"
    }

    /// The URL with `api_key`'s value hidden, for logs and `aduanctl sources`.
    static func redacted(_ url: URL) -> String {
        guard var components = URLComponents(url: url, resolvingAgainstBaseURL: false) else { return url.path }
        components.queryItems = components.queryItems?.map { item in
            item.name == "api_key" ? URLQueryItem(name: item.name, value: "…") : item
        }
        return components.string ?? url.path
    }
}
