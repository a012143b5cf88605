public import Foundation

/// How the daemon reaches one agency (a `deliver "agency-id" { … }` block), and how it retries.
public struct DeliveryTarget: Sendable, Hashable {
    /// The kinds of delivery this build knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// JSON files in a folder per agency.
        case outbox
        /// An HTTP POST signed with HMAC-SHA-256.
        case webhook
        /// A mail handed to a sendmail-compatible command.
        case sendmail
    }

    /// Where and how to send.
    public enum Channel: Sendable, Hashable {
        /// Files in `<directory>/<agency>/`; `nil` means the state directory's `outbox`.
        case outbox(directory: String?)
        /// POST to `url`, signed with `secret`, given up after `timeout` seconds.
        case webhook(url: URL, secret: [UInt8], timeout: Double)
        /// Run `command` (program and arguments) with the mail on stdin.
        case sendmail(command: [String], to: String, from: String)

        /// The channel's kind.
        public var kind: Kind {
            switch self {
            case .outbox: .outbox
            case .webhook: .webhook
            case .sendmail: .sendmail
            }
        }
    }

    /// Where and how to send.
    public var channel: Channel
    /// Seconds before the first retry; each failure doubles it, up to ``retryMaximum``.
    public var retryMinimum: Double
    /// The longest wait between two attempts, in seconds.
    public var retryMaximum: Double

    /// The embedded default: files into the state directory's outbox, retried after 30 s, then up to every hour.
    public static let standard = DeliveryTarget(channel: .outbox(directory: nil), retryMinimum: 30, retryMaximum: 3_600)

    /// Creates a target.
    public init(channel: Channel, retryMinimum: Double, retryMaximum: Double) {
        self.channel = channel
        self.retryMinimum = retryMinimum
        self.retryMaximum = retryMaximum
    }

    /// How long to wait after `attempts` failed attempts: doubling from the minimum, capped at the maximum, with
    /// the upper half jittered so that many failed deliveries do not all come back at the same instant.
    public func retryDelay(afterAttempts attempts: Int, unit: Double = Double.random(in: 0...1)) -> Double {
        let doublings = Double(min(max(attempts - 1, 0), 40))
        let delay = min(retryMaximum, retryMinimum * pow(2, doublings))
        return delay / 2 + delay / 2 * unit
    }
}

/// The `deliver` blocks of the daemon config: a target per agency, and the default for the rest.
public struct DeliverySettings: Sendable, Hashable {
    /// Targets by agency id.
    public var agencies: [String: DeliveryTarget]
    /// The `deliver "*"` block, else ``DeliveryTarget/standard``.
    public var fallback: DeliveryTarget

    /// Creates settings.
    public init(agencies: [String: DeliveryTarget] = [:], fallback: DeliveryTarget = .standard) {
        self.agencies = agencies
        self.fallback = fallback
    }

    /// How to reach `agency`.
    public func target(for agency: String) -> DeliveryTarget {
        agencies[agency] ?? fallback
    }
}
