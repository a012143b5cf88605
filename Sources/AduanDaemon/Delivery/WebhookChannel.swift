import AduanCore
import AduanStore
import Dispatch
import Foundation
import FoundationNetworking

/// `kind = "webhook"`: an HTTP POST of the payload, signed so the agency can check it came from Aduan unaltered.
///
/// Headers: `Content-Type: application/json`, `Idempotency-Key: <delivery id>` (a retry after a lost answer carries
/// the same key, so the receiver can drop the copy), and `X-Aduan-Signature: sha256=<hex HMAC-SHA-256 of the body>`.
/// A 2xx answer means delivered; anything else, a timeout or a dropped connection means retry.
struct WebhookChannel: DeliveryChannel {
    /// Where to POST.
    let url: URL
    /// The HMAC key: the secret file's bytes without a trailing newline.
    let secret: [UInt8]
    /// Seconds before the attempt is given up.
    let timeout: Double
    /// The dispatcher's session, shared by every webhook.
    let session: URLSession

    /// The `X-Aduan-Signature` value for `body`.
    static func signature(of body: [UInt8], secret: [UInt8]) -> String {
        "sha256=" + HMACSHA256.hexAuthenticationCode(for: body, key: secret)
    }

    func deliver(_ delivery: PendingDelivery) throws(DeliveryFailure) {
        let body = Array(delivery.payload.utf8)
        var request = URLRequest(url: url, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: timeout)
        request.httpMethod = "POST"
        request.httpBody = Data(body)
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue(String(delivery.id), forHTTPHeaderField: "Idempotency-Key")
        request.setValue(Self.signature(of: body, secret: secret), forHTTPHeaderField: "X-Aduan-Signature")
        let answer = Answer()
        let done = DispatchSemaphore(value: 0)
        let task = session.dataTask(with: request) { _, response, error in
            answer.set(
                status: (response as? HTTPURLResponse)?.statusCode,
                error: error.map { "\($0.localizedDescription)" }
            )
            done.signal()
        }
        task.resume()
        // The request's own timeout normally ends it; this only guards against a session that never answers.
        guard done.wait(timeout: .now() + timeout + 5) == .success else {
            task.cancel()
            throw DeliveryFailure("POST \(url.absoluteString): no answer within \(Int(timeout)) s")
        }
        let (status, error) = answer.get()
        if let status, (200..<300).contains(status) { return }
        if let status { throw DeliveryFailure("POST \(url.absoluteString): HTTP \(status)") }
        throw DeliveryFailure("POST \(url.absoluteString): \(error ?? "no response")")
    }

    /// The session's answer, handed from its delegate queue to the waiting worker.
    private final class Answer: @unchecked Sendable {
        // `lock` guards both fields; they are written once, before the semaphore is signalled.
        private let lock = NSLock()
        private var status: Int?
        private var error: String?

        func set(status: Int?, error: String?) {
            lock.withLock {
                self.status = status
                self.error = error
            }
        }

        func get() -> (status: Int?, error: String?) {
            lock.withLock { (status, error) }
        }
    }
}
