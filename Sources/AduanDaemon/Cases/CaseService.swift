import AduanControl
import AduanCore
import AduanRules
import AduanStore
import Dispatch
import Foundation

/// Runs cases on the store: operators' lifecycle changes, deadlines from the scheduler, and the recompute after a
/// reload, each in one transaction, with the scheduler told only after the commit.
///
/// Confined to the daemon's store queue, like the ``Store`` it writes to and the scheduler it drives.
final class CaseService: @unchecked Sendable {
    // `@unchecked Sendable`: `store`, `scheduler` and `recomputeCursor` are used only on `queue` (entry points from
    // other threads go through `queue.sync`); `rules` is itself thread-safe.
    private let store: Store
    private let rules: RuleSetHolder
    private let deliveriesQueued: @Sendable () -> Void
    private let queue: DispatchQueue
    private let clock: any DeadlineClock
    private let logger: Logger
    /// One entry per case with anything pending: its earliest due (`cases.next_due_at`).
    private lazy var scheduler = DeadlineScheduler<Int64>(queue: queue, clock: clock) { [unowned self] caseID, _ in
        deadlineReached(caseID: caseID)
    }
    private var recomputeCursor: Int64?

    /// Creates the service; call ``start()`` on `queue` before anything else.
    ///
    /// - Parameter deliveriesQueued: called after a commit that queued deliveries (it wakes the dispatcher).
    init(
        store: Store,
        rules: RuleSetHolder,
        queue: DispatchQueue,
        clock: any DeadlineClock,
        logger: Logger,
        deliveriesQueued: @escaping @Sendable () -> Void
    ) {
        self.store = store
        self.rules = rules
        self.deliveriesQueued = deliveriesQueued
        self.queue = queue
        self.clock = clock
        self.logger = logger
    }

    /// Loads every case's next due from the store, handles the ones already due, then arms the timer.
    ///
    /// Runs before the daemon reports ready, so that everything overdue during downtime is handled first.
    func start() throws {
        let startedAt = DispatchTime.now()
        var entries: [(Int64, Date)] = []
        try store.write { transaction in
            try transaction.forEachNextDue { caseID, dueAt in entries.append((caseID, dueAt)) }
        }
        scheduler.load(entries)
        // Fractional: one entry per case makes a small store's rebuild take well under a millisecond.
        let nanoseconds = DispatchTime.now().uptimeNanoseconds - startedAt.uptimeNanoseconds
        let milliseconds = String(format: "%.3f", Double(nanoseconds) / 1_000_000)
        logger.info("deadlines loaded", ["pending": "\(entries.count)", "duration_ms": milliseconds])
        handleDueDeadlines()
        scheduler.start()
        // Rules edited while the daemon was stopped move deadlines and planned steps as a reload would. Handling
        // what is due first is safe: a deadline is always judged on the rules in service, so an old next due can
        // only make the scheduler look early, never fire early.
        let computedUnder = try store.write { try $0.deadlinesRulesHash() }
        if computedUnder != rules.current.hash {
            if computedUnder != nil {
                logger.notice("rules changed while stopped; recomputing the deadlines of every open case")
            }
            recomputeAll()
        }
    }

    /// Handles every deadline due by the clock's now, in due order (the timer does this on its own).
    func handleDueDeadlines() {
        scheduler.fireDue()
    }

    /// Stops the timer; no deadline fires afterwards.
    func stop() {
        scheduler.stop()
    }

    /// The earliest pending deadline; safe from any thread (it does not wait for the store queue).
    var nextDeadline: Date? { scheduler.published.nextDue }

    /// How many cases have a deadline (a clock or an escalation step) waiting in the scheduler; safe from any thread.
    var pendingDeadlineCount: Int { scheduler.published.count }

    /// Gives the scheduler the deadlines a committed transaction changed, and the dispatcher its new deliveries.
    func apply(_ changes: [DeadlineChange], queuedDeliveries: Int) {
        for change in changes {
            switch change {
            case .schedule(let caseID, let due): scheduler.schedule(caseID, at: due)
            case .cancel(let caseID): scheduler.cancel(caseID)
            }
        }
        if queuedDeliveries > 0 { deliveriesQueued() }
    }

    /// An operator's lifecycle change, from the control socket; `agency` is the target of a forward or an assign.
    func perform(
        _ operation: ControlOperation,
        caseID: Int64,
        actor: String,
        note: String?,
        agency: String? = nil
    ) throws -> CaseSummary {
        let (summary, changes) = try store.write { transaction in
            var workflow = CaseWorkflow(
                transaction: transaction,
                ruleSet: rules.current,
                now: clock.now()
            )
            let summary: CaseSummary
            switch operation {
            case .caseVerify: summary = try workflow.verify(caseID: caseID, actor: actor, note: note)
            case .caseHold: summary = try workflow.hold(caseID: caseID, actor: actor, note: note)
            case .caseResume: summary = try workflow.resume(caseID: caseID, actor: actor, note: note)
            case .caseRespond: summary = try workflow.respond(caseID: caseID, actor: actor, note: note)
            case .caseResolve: summary = try workflow.resolve(caseID: caseID, actor: actor, note: note)
            case .caseForward:
                summary = try workflow.forward(
                    caseID: caseID,
                    to: try target(agency, operation),
                    actor: actor,
                    note: note
                )
            case .caseAssign:
                summary = try workflow.assign(
                    caseID: caseID,
                    to: try target(agency, operation),
                    actor: actor,
                    note: note
                )
            case .caseArchive: summary = try workflow.archive(caseID: caseID, actor: actor, note: note)
            default:
                throw ControlError(.badRequest, "\(operation.rawValue) does not change a case")
            }
            return (summary, (workflow.deadlineChanges, workflow.queuedDeliveries))
        }
        apply(changes.0, queuedDeliveries: changes.1)
        logger.info(
            "case changed",
            ["case": "\(caseID)", "op": operation.rawValue, "actor": actor, "state": summary.state.rawValue]
        )
        return summary
    }

    /// Records something an operator did outside any case (e.g. dropped a quarantined file) in the audit trail.
    func recordOperatorEvent(kind: String, actor: String, reason: String, data: String?, at now: Date) throws {
        try store.write { transaction in
            _ = try transaction.appendEvent(
                caseID: nil,
                at: now,
                actor: actor,
                kind: kind,
                from: nil,
                to: nil,
                reason: reason,
                data: data
            )
        }
    }

    private func target(_ agency: String?, _ operation: ControlOperation) throws -> String {
        guard let agency, !agency.isEmpty else { throw ControlError(.badRequest, "\(operation.rawValue) needs agency") }
        return agency
    }

    /// Recomputes the deadlines of every open case on the rules now in service, a batch per queue turn.
    func recomputeAll() {
        let isRunning = recomputeCursor != nil
        recomputeCursor = 0
        if !isRunning { recomputeNextBatch() }
    }

    private func recomputeNextBatch() {
        guard let cursor = recomputeCursor else { return }
        do {
            let (ids, changes) = try store.write { transaction in
                let ids = try transaction.casesWithActiveClocks(after: cursor, limit: 1_000)
                var workflow = CaseWorkflow(
                    transaction: transaction,
                    ruleSet: rules.current,
                    now: clock.now()
                )
                for id in ids { try workflow.recompute(caseID: id) }
                return (ids, (workflow.deadlineChanges, workflow.queuedDeliveries))
            }
            apply(changes.0, queuedDeliveries: changes.1)
            guard let last = ids.last else {
                recomputeCursor = nil
                let hash = rules.current.hash
                try store.write { try $0.setDeadlinesRulesHash(hash) }
                logger.info("deadlines recomputed for the rules in service", ["rules_hash": String(hash.prefix(12))])
                return
            }
            recomputeCursor = last
            queue.async { [self] in recomputeNextBatch() }
        } catch {
            recomputeCursor = nil
            logger.error("recomputing deadlines failed; they keep their old times", ["error": "\(error)"])
        }
    }

    private func deadlineReached(caseID: Int64) {
        do {
            let changes = try store.write { transaction in
                var workflow = CaseWorkflow(
                    transaction: transaction,
                    ruleSet: rules.current,
                    now: clock.now()
                )
                try workflow.deadlineReached(caseID: caseID)
                return (workflow.deadlineChanges, workflow.queuedDeliveries)
            }
            apply(changes.0, queuedDeliveries: changes.1)
        } catch {
            // The deadline stays in the store; a retry a minute later keeps a failing disk from spinning.
            logger.error("deadline handling failed; retrying in 60 s", ["case": "\(caseID)", "error": "\(error)"])
            scheduler.schedule(caseID, at: clock.now().addingTimeInterval(60))
        }
    }
}
