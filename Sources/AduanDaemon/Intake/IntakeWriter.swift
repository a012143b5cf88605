import AduanCore
import AduanRules
import AduanStore
import Foundation

/// Stores a batch of intake items in one transaction: each new complaint with its case, routed by the rule
/// snapshot in service, and its history; each update applied to its case once.
///
/// Confined to the daemon's store queue, like the ``Store`` it writes to.
final class IntakeWriter: @unchecked Sendable {
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
    }

    /// The actor recorded for everything the daemon does on its own.
    static let actor = "aduand"

    private let store: Store
    private let rules: RuleSetHolder

    /// Creates a writer over the daemon's store and rules.
    init(store: Store, rules: RuleSetHolder) {
        self.store = store
        self.rules = rules
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
        let ruleSet = rules.current
        return try store.write { transaction in
            var outcome = Outcome()
            for batchItem in items {
                switch batchItem.item {
                case .complaint(let complaint):
                    if try ingest(complaint, ruleSet: ruleSet, transaction: transaction, at: now) {
                        outcome.stored += 1
                    } else {
                        outcome.duplicates += 1
                    }
                case .update(let update):
                    switch try apply(update, transaction: transaction, at: now) {
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
            return outcome
        }
    }

    /// Records a failed poll in its own transaction; a failure to record it is only logged by the caller.
    func recordFailure(source: String, error: String, at now: Date) {
        _ = try? store.write { transaction in
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

    /// Stores a complaint, routes it and opens its case; `false` when it was stored before.
    private func ingest(
        _ complaint: Complaint,
        ruleSet: RuleSet,
        transaction: StoreTransaction,
        at now: Date
    ) throws -> Bool {
        guard let complaintID = try transaction.insertComplaint(complaint, ingestedAt: now) else { return false }
        let decision = ruleSet.route(RoutingInput(complaint))
        let state: CaseState = decision.verify == .auto ? .dispatched : .received
        let caseID = try transaction.insertCase(
            complaintID: complaintID,
            state: state,
            agency: decision.agency,
            route: decision.route,
            priority: nil,
            rulesHash: ruleSet.hash,
            respondBy: nil,
            at: now
        )
        try transaction.appendEvent(
            caseID: caseID,
            at: now,
            actor: Self.actor,
            kind: "received",
            from: nil,
            to: .received,
            reason: "complaint \(complaint.externalID) from source \(complaint.source)",
            data: nil
        )
        try transaction.appendEvent(
            caseID: caseID,
            at: now,
            actor: Self.actor,
            kind: "routed",
            from: nil,
            to: nil,
            reason: decision.reason,
            data: nil
        )
        if decision.verify == .auto {
            try transaction.appendEvent(
                caseID: caseID,
                at: now,
                actor: Self.actor,
                kind: "verified",
                from: .received,
                to: .verified,
                reason: "route \"\(decision.route)\" verifies automatically (verify = auto)",
                data: nil
            )
            try transaction.appendEvent(
                caseID: caseID,
                at: now,
                actor: Self.actor,
                kind: "dispatched",
                from: .verified,
                to: .dispatched,
                reason: "dispatched to \(decision.agency)",
                data: nil
            )
        }
        return true
    }

    private enum UpdateResult {
        case applied
        case duplicate
        case rejected(String)
    }

    private func apply(_ update: SpoolUpdate, transaction: StoreTransaction, at now: Date) throws -> UpdateResult {
        let caseID: Int64?
        switch update.target {
        case .caseID(let id): caseID = try transaction.caseState(caseID: id) == nil ? nil : id
        case .complaint(let source, let externalID):
            caseID = try transaction.caseID(source: source, externalID: externalID)
        }
        guard let caseID, let current = try transaction.caseState(caseID: caseID) else {
            return .rejected("update_for names a case that does not exist (\(update.targetDescription))")
        }
        if let next = update.status, next != current, !current.canMove(to: next) {
            return .rejected("case \(caseID) is \(current.rawValue) and cannot move to \(next.rawValue)")
        }
        guard
            try transaction.recordUpdate(source: update.source, externalID: update.externalID, caseID: caseID, at: now)
        else {
            return .duplicate
        }
        if let next = update.status, next != current {
            try transaction.updateCaseState(caseID: caseID, to: next, at: now)
            try transaction.appendEvent(
                caseID: caseID,
                at: now,
                actor: "source:\(update.source)",
                kind: "status",
                from: current,
                to: next,
                reason: update.note ?? "status from source \(update.source) (update \(update.externalID))",
                data: nil
            )
        } else {
            try transaction.appendEvent(
                caseID: caseID,
                at: now,
                actor: "source:\(update.source)",
                kind: "note",
                from: nil,
                to: nil,
                reason: update.note,
                data: nil
            )
        }
        return .applied
    }
}
