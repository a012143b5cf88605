import AduanCore
import AduanRules
import AduanStore
import Dispatch
import Foundation

/// Stores a batch of intake items in one transaction: each new complaint with its case, routed by the rule
/// snapshot in service, and its history; each update applied to its case once.
///
/// Sources call it from their own queues; it writes on the daemon's store queue, like every other writer, so a
/// source parses its next items while the store commits the last ones.
final class IntakeWriter: @unchecked Sendable {
    // `@unchecked Sendable`: `store` is used only inside `storeQueue.sync`.
    /// What one committed batch did.
    struct Outcome: Sendable {
        /// New complaints stored (each with its case).
        var stored = 0
        /// Updates applied to existing cases.
        var updated = 0
        /// Items already stored before (same source and id): no-ops.
        var duplicates = 0
        /// Updates that could not be applied, per spool file, for its quarantine.
        var rejectedUpdates: [String: [SpoolFile.Rejection]] = [:]
        /// Deadlines to give the scheduler now that the batch has committed.
        var deadlineChanges: [DeadlineChange] = []
        /// Deliveries the batch queued, for the dispatcher.
        var queuedDeliveries = 0
    }

    private let store: Store
    private let storeQueue: DispatchQueue
    private let rules: RuleSetHolder
    private let cases: CaseService

    /// Creates a writer over the daemon's store and rules; new cases' deadlines go to `cases`' scheduler.
    init(store: Store, storeQueue: DispatchQueue, rules: RuleSetHolder, cases: CaseService) {
        self.store = store
        self.storeQueue = storeQueue
        self.rules = rules
        self.cases = cases
    }

    /// Stores `items` and the source's progress in one `BEGIN IMMEDIATE … COMMIT`.
    ///
    /// - Throws: ``StoreError`` when the transaction fails; it is then rolled back as a whole.
    func commit(
        source: String,
        items: [SpoolBatchItem],
        cursor: String?,
        quarantined: Int,
        at now: Date
    ) throws -> Outcome {
        try storeQueue.sync {
            try commitOnStoreQueue(source: source, items: items, cursor: cursor, quarantined: quarantined, at: now)
        }
    }

    private func commitOnStoreQueue(
        source: String,
        items: [SpoolBatchItem],
        cursor: String?,
        quarantined: Int,
        at now: Date
    ) throws -> Outcome {
        let ruleSet = rules.current
        let outcome = try store.write { transaction in
            var outcome = Outcome()
            var workflow = CaseWorkflow(transaction: transaction, ruleSet: ruleSet, now: now)
            for batchItem in items {
                switch batchItem.item {
                case .complaint(let complaint):
                    let opening = batchItem.routing.flatMap { $0.ruleSet === ruleSet ? $0.opening : nil }
                    if try ingest(complaint, opening: opening, workflow: &workflow, at: now) {
                        outcome.stored += 1
                    } else {
                        outcome.duplicates += 1
                    }
                case .update(let update):
                    switch try apply(update, workflow: &workflow) {
                    case .applied: outcome.updated += 1
                    case .duplicate: outcome.duplicates += 1
                    case .rejected(let reason):
                        outcome.rejectedUpdates[batchItem.fileName, default: []].append(
                            SpoolFile.Rejection(
                                line: batchItem.line,
                                bytes: Array(update.originalLine.utf8),
                                reason: reason
                            )
                        )
                    }
                }
            }
            let rejected = outcome.rejectedUpdates.values.reduce(0) { $0 + $1.count }
            try transaction.recordSourcePoll(
                source: source,
                cursor: cursor,
                itemsIn: outcome.stored + outcome.updated,
                itemsQuarantined: quarantined + rejected,
                error: nil,
                at: now
            )
            outcome.deadlineChanges = workflow.deadlineChanges
            outcome.queuedDeliveries = workflow.queuedDeliveries
            return outcome
        }
        cases.apply(outcome.deadlineChanges, queuedDeliveries: outcome.queuedDeliveries)
        return outcome
    }

    /// Routes the file's complaints with the rules in service and works out their cases' openings, on the caller's
    /// queue, so that the store queue only writes; a batch that commits under other rules is routed again there.
    func route(_ file: inout SpoolFile, at now: Date) {
        let ruleSet = rules.current
        for index in file.items.indices {
            guard case .complaint(let complaint) = file.items[index].item else { continue }
            file.items[index].routing = PreRouting(
                ruleSet: ruleSet,
                opening: CaseOpening(routing: complaint, with: ruleSet, now: now)
            )
        }
    }

    /// Where the source's next poll resumes, as its last committed batch left it.
    func cursor(of source: String) throws -> String? {
        try storeQueue.sync { try store.write { try $0.sourceCursor(source: source) } }
    }

    /// Records a failed poll in its own transaction; a failure to record it is only logged by the caller.
    func recordFailure(source: String, error: String, at now: Date) {
        _ = try? storeQueue.sync {
            try store.write { transaction in
                try transaction.recordSourcePoll(
                    source: source,
                    cursor: nil,
                    itemsIn: 0,
                    itemsQuarantined: 0,
                    error: error,
                    at: now
                )
            }
        }
    }

    /// Stores a complaint and opens its case as routed (by `opening` when it was worked out under the same rules
    /// already); `false` when it was stored before.
    private func ingest(
        _ complaint: Complaint,
        opening: CaseOpening?,
        workflow: inout CaseWorkflow,
        at now: Date
    ) throws -> Bool {
        guard let complaintID = try workflow.transaction.insertComplaint(complaint, ingestedAt: now) else {
            return false
        }
        let opening = opening ?? CaseOpening(routing: complaint, with: workflow.ruleSet, now: now)
        _ = try workflow.open(complaint: complaint, complaintID: complaintID, opening: opening)
        return true
    }

    private enum UpdateResult {
        case applied
        case duplicate
        case rejected(String)
    }

    private func apply(_ update: SpoolUpdate, workflow: inout CaseWorkflow) throws -> UpdateResult {
        let transaction = workflow.transaction
        let caseID: Int64?
        switch update.target {
        case .caseID(let id): caseID = try transaction.caseState(caseID: id) == nil ? nil : id
        case .complaint(let source, let externalID):
            caseID = try transaction.caseID(source: source, externalID: externalID)
        }
        guard let caseID else {
            return .rejected("update_for names a case that does not exist (\(update.targetDescription))")
        }
        if try transaction.hasAppliedUpdate(source: update.source, externalID: update.externalID) { return .duplicate }
        let actor = "source:\(update.source)"
        if let next = update.status {
            do {
                _ = try workflow.change(caseID: caseID, to: next, actor: actor, note: update.note)
            } catch let error as WorkflowError {
                return .rejected(error.description)
            }
        } else {
            try transaction.appendEvent(
                caseID: caseID,
                at: workflow.now,
                actor: actor,
                kind: "note",
                from: nil,
                to: nil,
                reason: update.note,
                data: nil
            )
        }
        try transaction.recordUpdate(
            source: update.source,
            externalID: update.externalID,
            caseID: caseID,
            at: workflow.now
        )
        return .applied
    }
}

/// A complaint's routing and case opening made before its batch reached the store queue, and the rule snapshot
/// that made them.
struct PreRouting: Sendable {
    /// The snapshot that routed it; the writer uses the opening only if the same snapshot is in service.
    var ruleSet: RuleSet
    /// The decision, clocks and next due.
    var opening: CaseOpening
}
