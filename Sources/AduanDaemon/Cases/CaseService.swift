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
    private let outbox: NoticeOutbox
    private let queue: DispatchQueue
    private let clock: any DeadlineClock
    private let logger: Logger
    private lazy var scheduler = DeadlineScheduler<DeadlineKey>(queue: queue, clock: clock) { [unowned self] key, _ in
        deadlineReached(key)
    }
    private var recomputeCursor: Int64?

    /// Creates the service; call ``start()`` on `queue` before anything else.
    init(
        store: Store,
        rules: RuleSetHolder,
        outbox: NoticeOutbox,
        queue: DispatchQueue,
        clock: any DeadlineClock,
        logger: Logger
    ) {
        self.store = store
        self.rules = rules
        self.outbox = outbox
        self.queue = queue
        self.clock = clock
        self.logger = logger
    }

    /// Loads every pending deadline from the store, handles the ones already due, then arms the timer.
    ///
    /// Runs before the daemon reports ready, so that everything overdue during downtime is handled first.
    func start() throws {
        var entries: [(DeadlineKey, Date)] = []
        try store.write { transaction in
            try transaction.forEachPendingDeadline { deadline in
                switch deadline {
                case .clock(let caseID, let kind, let dueAt):
                    entries.append((.clock(caseID: caseID, kind: kind), dueAt))
                case .step(let caseID, let escalation, let step, let dueAt):
                    entries.append((.step(caseID: caseID, escalation: escalation, step: step), dueAt))
                }
            }
        }
        scheduler.load(entries)
        logger.info("deadlines loaded", ["pending": "\(entries.count)"])
        handleDueDeadlines()
        scheduler.start()
    }

    /// Handles every deadline due by the clock's now, in due order (the timer does this on its own).
    func handleDueDeadlines() {
        scheduler.fireDue()
    }

    /// Stops the timer; no deadline fires afterwards.
    func stop() {
        scheduler.stop()
    }

    /// The earliest pending deadline.
    var nextDeadline: Date? { scheduler.nextDue }

    /// How many deadlines (clocks and escalation steps) wait in the scheduler.
    var pendingDeadlineCount: Int { scheduler.count }

    /// Gives the scheduler the deadlines a committed transaction changed.
    func apply(_ changes: [DeadlineChange]) {
        for change in changes {
            switch change {
            case .schedule(let key, let due): scheduler.schedule(key, at: due)
            case .cancel(let key): scheduler.cancel(key)
            }
        }
    }

    /// An operator's lifecycle change, from the control socket.
    func perform(_ operation: ControlOperation, caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let (summary, changes) = try store.write { transaction in
            var workflow = CaseWorkflow(
                transaction: transaction,
                ruleSet: rules.current,
                now: clock.now(),
                outbox: outbox
            )
            let summary: CaseSummary
            switch operation {
            case .caseVerify: summary = try workflow.verify(caseID: caseID, actor: actor, note: note)
            case .caseHold: summary = try workflow.hold(caseID: caseID, actor: actor, note: note)
            case .caseResume: summary = try workflow.resume(caseID: caseID, actor: actor, note: note)
            case .caseRespond: summary = try workflow.respond(caseID: caseID, actor: actor, note: note)
            case .caseResolve: summary = try workflow.resolve(caseID: caseID, actor: actor, note: note)
            case .status, .cases, .caseShow, .reload, .rulesShow, .complaintsExport, .backup, .metrics:
                throw ControlError(.badRequest, "\(operation.rawValue) does not change a case")
            }
            return (summary, workflow.deadlineChanges)
        }
        apply(changes)
        logger.info(
            "case changed",
            ["case": "\(caseID)", "op": operation.rawValue, "actor": actor, "state": summary.state.rawValue]
        )
        return summary
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
                    now: clock.now(),
                    outbox: outbox
                )
                for id in ids { try workflow.recompute(caseID: id) }
                return (ids, workflow.deadlineChanges)
            }
            apply(changes)
            guard let last = ids.last else {
                recomputeCursor = nil
                logger.info("deadlines recomputed for the new rules")
                return
            }
            recomputeCursor = last
            queue.async { [self] in recomputeNextBatch() }
        } catch {
            recomputeCursor = nil
            logger.error("recomputing deadlines failed; they keep their old times", ["error": "\(error)"])
        }
    }

    private func deadlineReached(_ key: DeadlineKey) {
        do {
            let changes = try store.write { transaction in
                var workflow = CaseWorkflow(
                    transaction: transaction,
                    ruleSet: rules.current,
                    now: clock.now(),
                    outbox: outbox
                )
                try workflow.deadlineReached(key)
                return workflow.deadlineChanges
            }
            apply(changes)
        } catch {
            // The deadline stays in the store; a retry a minute later keeps a failing disk from spinning.
            logger.error("deadline handling failed; retrying in 60 s", ["deadline": "\(key)", "error": "\(error)"])
            scheduler.schedule(key, at: clock.now().addingTimeInterval(60))
        }
    }
}
