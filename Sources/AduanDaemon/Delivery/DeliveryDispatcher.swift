import AduanCore
import AduanStore
import Dispatch
import Foundation
import FoundationNetworking
import Synchronization

/// Sends queued deliveries to agencies and retries the failed ones, with capped exponential backoff.
///
/// The table is the only state that matters: a restart picks up whatever is undelivered. Reading and recording run
/// on the store queue (short transactions); the attempts themselves (HTTP, sendmail, file writes) run on a worker
/// queue, a bounded number at once and at most ``perAgencyLimit`` per agency, so a slow or dead endpoint blocks
/// neither intake, nor the scheduler, nor the other agencies' deliveries.
final class DeliveryDispatcher: @unchecked Sendable {
    // `store`, `inFlight`, `timer` and `isStopped` are touched only on `storeQueue`; `isWakePending` is atomic; the
    // rest is immutable.
    private let store: Store
    private let storeQueue: DispatchQueue
    private let workers = DispatchQueue(label: "aduan.delivery", attributes: .concurrent)
    private let settings: DeliverySettings
    private let outboxDirectory: String
    private let clock: any DeadlineClock
    private let logger: Logger
    private let session: URLSession
    private var inFlight: [Int64: String] = [:]
    private var timer: (any DispatchSourceTimer)?
    private var isStopped = false
    /// Whether a look for due deliveries is queued on `storeQueue` already; set from any thread.
    private let isWakePending = Atomic(false)
    private var isDraining = false

    /// Attempts running at once, over all agencies.
    static let inFlightLimit = 8
    /// Attempts running at once for one agency: one dead endpoint never takes every slot.
    static let perAgencyLimit = 2

    /// Creates the dispatcher; call ``start(declaredAgencies:)`` on `storeQueue`.
    init(
        store: Store,
        storeQueue: DispatchQueue,
        settings: DeliverySettings,
        outboxDirectory: String,
        clock: any DeadlineClock,
        logger: Logger
    ) {
        self.store = store
        self.storeQueue = storeQueue
        self.settings = settings
        self.outboxDirectory = outboxDirectory
        self.clock = clock
        self.logger = logger
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpCookieStorage = nil
        configuration.urlCache = nil
        session = URLSession(configuration: configuration)
    }

    /// Warns about `deliver` blocks for agencies the rules do not declare, then sends whatever is due.
    func start(declaredAgencies: Set<String>) {
        for agency in settings.agencies.keys.sorted() where !declaredAgencies.contains(agency) {
            logger.warning(
                "config: deliver \"\(agency)\" names an agency the rules do not declare; it is used only if one appears"
            )
        }
        let timer = DispatchSource.makeTimerSource(queue: storeQueue)
        timer.setEventHandler { [unowned self] in pump() }
        timer.resume()
        self.timer = timer
        pump()
    }

    /// Looks for due deliveries soon; call after a commit that queued some. Safe from any thread.
    ///
    /// Wakes coalesce into one pending look: a backlog of deadlines firing at once queues a notice each, and one
    /// look per notice would bury the store queue (and the attempts' outcomes) under thousands of queries.
    func wake() {
        guard !isWakePending.exchange(true, ordering: .acquiringAndReleasing) else { return }
        storeQueue.async { [self] in
            isWakePending.store(false, ordering: .releasing)
            pump()
        }
    }

    /// Takes no new attempts (on `storeQueue`); those in flight go on and their outcome is still recorded.
    func beginDraining() {
        isDraining = true
        timer?.cancel()
        timer = nil
    }

    /// Whether attempts are still in flight (on `storeQueue`).
    var hasAttemptsInFlight: Bool { !inFlight.isEmpty }

    /// Stops for good (on `storeQueue`). Attempts still in flight finish, but their outcome is not recorded: they
    /// are tried again after the next start, with the same `Idempotency-Key`.
    func stop() {
        isStopped = true
        timer?.cancel()
        timer = nil
    }

    /// The kind of channel that reaches `agency` (`outbox`, `webhook`, `sendmail`), for `aduanctl deliveries`.
    func kind(for agency: String) -> String {
        settings.target(for: agency).channel.kind.rawValue
    }

    /// How `agency` is reached.
    func channel(for agency: String) -> any DeliveryChannel {
        switch settings.target(for: agency).channel {
        case .outbox(let directory): OutboxChannel(directory: directory ?? outboxDirectory)
        case .webhook(let url, let secret, let timeout):
            WebhookChannel(url: url, secret: secret, timeout: timeout, session: session)
        case .sendmail(let command, let to, let from): SendmailChannel(command: command, to: to, from: from)
        }
    }

    private func pump() {
        guard !isStopped, !isDraining else { return }
        let now = clock.now()
        var perAgency: [String: Int] = [:]
        for agency in inFlight.values { perAgency[agency, default: 0] += 1 }
        let saturated = perAgency.filter { $0.value >= Self.perAgencyLimit }.map(\.key)
        let slots = Self.inFlightLimit - inFlight.count
        do {
            let (due, nextAttempt) = try store.write { transaction in
                (
                    slots > 0
                        ? try transaction.dueDeliveries(
                            at: now,
                            limit: slots,
                            excludingIDs: Array(inFlight.keys),
                            excludingAgencies: saturated
                        ) { draft in try DeliveryPayload(draft: draft, in: transaction).encoded() } : [],
                    try transaction.nextDeliveryAttempt(after: now)
                )
            }
            for delivery in due where perAgency[delivery.agency, default: 0] < Self.perAgencyLimit {
                perAgency[delivery.agency, default: 0] += 1
                launch(delivery)
            }
            // Deliveries left behind (slots full) are taken when an attempt ends; the timer is for future retries.
            arm(at: nextAttempt)
        } catch {
            logger.error("reading due deliveries failed; trying again in 60 s", ["error": "\(error)"])
            arm(at: now.addingTimeInterval(60))
        }
    }

    private func arm(at date: Date?) {
        guard let timer else { return }
        guard let date else {
            timer.schedule(deadline: .distantFuture, repeating: .never)
            return
        }
        let delay = max(0, date.timeIntervalSince(clock.now()))
        timer.schedule(deadline: .now() + delay, repeating: .never, leeway: .milliseconds(50))
    }

    private func launch(_ delivery: PendingDelivery) {
        inFlight[delivery.id] = delivery.agency
        let channel = channel(for: delivery.agency)
        workers.async { [self] in
            let failure: DeliveryFailure?
            do throws(DeliveryFailure) {
                try channel.deliver(delivery)
                failure = nil
            } catch {
                failure = error
            }
            storeQueue.async { [self] in finish(delivery, failure: failure) }
        }
    }

    private func finish(_ delivery: PendingDelivery, failure: DeliveryFailure?) {
        inFlight[delivery.id] = nil
        guard !isStopped else { return }
        let now = clock.now()
        let attempt = delivery.attempts + 1
        let (id, caseID, purpose) = ("\(delivery.id)", "\(delivery.caseID)", delivery.purpose.rawValue)
        do {
            if let failure {
                let delay = settings.target(for: delivery.agency).retryDelay(afterAttempts: attempt)
                try store.write {
                    try $0.markDeliveryFailed(id: delivery.id, error: failure.description, nextAttempt: now + delay)
                }
                logger.warning(
                    "delivery failed; retrying in \(Int(delay.rounded(.up))) s",
                    [
                        "delivery": id, "case": caseID, "agency": delivery.agency, "purpose": purpose,
                        "attempt": "\(attempt)", "error": failure.description,
                    ]
                )
            } else {
                try store.write { try $0.markDelivered(id: delivery.id, at: now) }
                logger.info(
                    "delivered",
                    [
                        "delivery": id, "case": caseID, "agency": delivery.agency, "purpose": purpose,
                        "attempt": "\(attempt)",
                    ]
                )
            }
        } catch {
            // The attempt's outcome is lost; the delivery stays due and is tried again (same Idempotency-Key).
            logger.error("recording a delivery attempt failed", ["delivery": id, "error": "\(error)"])
        }
        pump()
    }
}
