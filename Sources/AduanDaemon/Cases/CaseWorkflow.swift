import AduanCore
import AduanRules
import AduanStore
import Foundation

/// The lifecycle of a case with its SLA clocks and escalation steps, applied inside one store transaction.
///
/// Every change appends an audit event (who, when, what, why) and collects the scheduler changes it causes in
/// ``deadlineChanges``, which the caller applies only after the transaction commits.
struct CaseWorkflow {
    /// The transaction every read and write goes through.
    let transaction: StoreTransaction
    /// The rule snapshot in service: calendar, priorities and escalation ladders.
    let ruleSet: RuleSet
    /// The moment the change happens.
    let now: Date
    /// Scheduler changes to apply once the transaction has committed.
    private(set) var deadlineChanges: [DeadlineChange] = []
    /// Deliveries queued in this transaction; once it commits, the dispatcher is woken for them.
    var queuedDeliveries = 0

    /// The actor recorded for everything the daemon does on its own.
    static let daemonActor = "aduand"

    init(transaction: StoreTransaction, ruleSet: RuleSet, now: Date) {
        self.transaction = transaction
        self.ruleSet = ruleSet
        self.now = now
    }

    private var calendar: WorkingCalendar { ruleSet.calendar }

    // MARK: Intake

    /// Opens the case of a newly stored complaint as routed: an `auto` route verifies and dispatches it at the
    /// moment of receipt (respond and resolve clocks start then); a `manual` one waits in `received` on the
    /// verify clock.
    mutating func open(complaint: Complaint, complaintID: Int64, opening: CaseOpening) throws -> Int64 {
        let decision = opening.decision
        let clocks = opening.clocks
        let nextDue = opening.nextDue
        let isAutomatic = decision.verify == .auto
        let caseID = try transaction.insertCase(
            complaintID: complaintID,
            state: isAutomatic ? .dispatched : .received,
            agency: decision.agency,
            route: decision.route,
            priority: decision.priority,
            rulesHash: ruleSet.hash,
            respondBy: clocks.first { $0.kind == .respond }?.dueAt,
            nextDueAt: nextDue,
            at: now
        )
        if let nextDue { deadlineChanges.append(.schedule(caseID: caseID, nextDue)) }
        let actor = Self.daemonActor
        try record(
            caseID,
            "received",
            to: .received,
            actor: actor,
            "complaint \(complaint.externalID) from source \(complaint.source)"
        )
        // One event for the routing and, on an `auto` route, the verification and dispatch it implies (received →
        // dispatched): intake writes and hashes two events per case instead of four, and the clocks table shows
        // the deadlines the dispatch started.
        let routedEvent = try record(
            caseID,
            "routed",
            from: isAutomatic ? .received : nil,
            to: isAutomatic ? .dispatched : nil,
            actor: actor,
            decision.reason,
            data: opening.routedData
        )
        for clock in clocks { try save(clock, caseID: caseID) }
        try queueRoutedDeliveries(caseID: caseID, eventID: routedEvent, decision: decision)
        return caseID
    }

    // MARK: Operators' changes

    /// The admin accepts a received case: verified, then dispatched to its agency; respond and resolve clocks start.
    mutating func verify(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedFrom: [.received], action: "verify")
        var clocks = try transaction.clocks(caseID: caseID)
        for index in clocks.indices where clocks[index].kind == .verify { clocks[index].stop(at: now) }
        let policy = summary.priority.flatMap(ruleSet.priority(named:))
        let started = dispatchClocks(policy: policy, at: now)
        try move(caseID, "verified", from: .received, to: .verified, actor: actor, note ?? "verified")
        try move(
            caseID,
            "dispatched",
            from: .verified,
            to: .dispatched,
            actor: actor,
            dispatchReason(summary.agency ?? "-", started)
        )
        clocks = clocks.filter { clock in !started.contains { $0.kind == clock.kind } } + started
        try saveAll(clocks, caseID: caseID)
        try updateRespondBy(caseID, summary: summary, clocks: clocks)
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
        return try requireSummary(caseID)
    }

    /// Waiting for the citizen (tunda): running clocks pause and keep the working time they had left.
    mutating func hold(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedTo: .onHold, action: "hold")
        var clocks = try transaction.clocks(caseID: caseID)
        for index in clocks.indices { clocks[index].pause(at: now, on: calendar) }
        try move(caseID, "held", from: summary.state, to: .onHold, actor: actor, note ?? "waiting for the reporter")
        try saveAll(clocks, caseID: caseID)
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
        return try requireSummary(caseID)
    }

    /// Ends a hold: the case returns to the state it had, and its clocks resume with the time they had left.
    mutating func resume(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedFrom: [.onHold], action: "resume")
        let previous = try transaction.stateBeforeHold(caseID: caseID) ?? .received
        var clocks = try transaction.clocks(caseID: caseID)
        for index in clocks.indices { clocks[index].resume(at: now, on: calendar) }
        let dues = clocks.filter(\.isRunning).map { "\($0.kind.rawValue) due \(format($0.dueAt))" }
        let reason = (note ?? "resumed") + (dues.isEmpty ? "" : "; " + dues.joined(separator: ", "))
        try move(caseID, "resumed", from: .onHold, to: previous, actor: actor, reason)
        try saveAll(clocks, caseID: caseID)
        try updateRespondBy(caseID, summary: summary, clocks: clocks)
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
        return try requireSummary(caseID)
    }

    /// The agency's follow-up (ditindaklanjuti): the respond clock stops, and the auto-close clock starts.
    mutating func respond(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedTo: .inProgress, action: "respond to")
        var clocks = try transaction.clocks(caseID: caseID)
        for index in clocks.indices where clocks[index].kind == .respond { clocks[index].stop(at: now) }
        let autoclose = CaseClock.start(.autoclose, budget: SLADefaults.autoclose, at: now, calendar: calendar)
        clocks = clocks.filter { $0.kind != .autoclose } + [autoclose]
        let reason =
            (note ?? "followed up") + "; closes itself by \(format(autoclose.dueAt)) unless the reporter replies"
        try move(caseID, "responded", from: summary.state, to: .inProgress, actor: actor, reason)
        try saveAll(clocks, caseID: caseID)
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
        return try requireSummary(caseID)
    }

    /// The matter is settled (selesai): every clock stops and the case is no longer overdue.
    mutating func resolve(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedTo: .resolved, action: "resolve")
        try finish(caseID, summary: summary, as: .resolved, actor: actor, reason: note ?? "resolved")
        return try requireSummary(caseID)
    }

    /// Not the province's authority (bukan wewenang): the case goes to `agency`, every clock stops and its
    /// escalation steps are called off.
    mutating func forward(caseID: Int64, to agency: String, actor: String, note: String?) throws -> CaseSummary {
        let target = try requireAgency(agency)
        let summary = try requireCase(caseID, allowedTo: .notOurAuthority, action: "forward")
        let reason = try changeAgency(caseID, summary: summary, to: target, note: note)
        let event = try finish(caseID, summary: summary, as: .notOurAuthority, actor: actor, reason: reason)
        // The agency it is forwarded to gets the case, so that the forward reaches someone.
        try queueDelivery(caseID: caseID, eventID: event, agency: target.id, purpose: .assignment, reason: reason)
        return try requireSummary(caseID)
    }

    /// Another agency becomes responsible for an open case. Its state, clocks and escalation steps are kept: the
    /// reporter has waited the same time whoever answers, as when an escalation step reassigns a case.
    mutating func assign(caseID: Int64, to agency: String, actor: String, note: String?) throws -> CaseSummary {
        let target = try requireAgency(agency)
        let summary = try requireSummary(caseID)
        guard summary.state.isOpen else {
            throw WorkflowError(
                kind: .invalidTransition,
                description:
                    "cannot assign case \(caseID): it is \(summary.state.rawValue); only open cases change agency"
            )
        }
        let reason = try changeAgency(caseID, summary: summary, to: target, note: note)
        let event = try record(caseID, "reassigned", actor: actor, reason)
        try queueDelivery(caseID: caseID, eventID: event, agency: target.id, purpose: .assignment, reason: reason)
        return try requireSummary(caseID)
    }

    /// Makes `target` the case's agency (refused when it already is) and returns the history's reason line.
    private func changeAgency(
        _ caseID: Int64,
        summary: CaseSummary,
        to target: RuleSet.Agency,
        note: String?
    ) throws -> String {
        guard summary.agency != target.id else {
            throw WorkflowError(kind: .invalidTransition, description: "case \(caseID) is already with \(target.id)")
        }
        try transaction.updateCaseRouting(
            caseID: caseID,
            agency: target.id,
            priority: summary.priority,
            respondBy: summary.respondBy,
            at: now
        )
        return "from \(summary.agency ?? "-") to \(target.id) (\(target.name))" + (note.map { ": " + $0 } ?? "")
    }

    /// Nothing more will happen (diarsipkan): every clock stops and its escalation steps are called off.
    mutating func archive(caseID: Int64, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireCase(caseID, allowedTo: .archived, action: "archive")
        try finish(caseID, summary: summary, as: .archived, actor: actor, reason: note ?? "archived")
        return try requireSummary(caseID)
    }

    /// Moves a case to `next` by the lifecycle step that leads there (for sources that report a status).
    mutating func change(caseID: Int64, to next: CaseState, actor: String, note: String?) throws -> CaseSummary {
        let summary = try requireSummary(caseID)
        if summary.state == next { return summary }
        switch next {
        case .verified where summary.state == .received, .dispatched where summary.state == .received:
            return try verify(caseID: caseID, actor: actor, note: note)
        case .onHold:
            return try hold(caseID: caseID, actor: actor, note: note)
        case _ where summary.state == .onHold:
            let resumed = try resume(caseID: caseID, actor: actor, note: note)
            return resumed.state == next ? resumed : try change(caseID: caseID, to: next, actor: actor, note: note)
        case .inProgress where summary.state == .received, .resolved where summary.state == .received:
            // A source reports its own system's progress on a case the admin has not verified yet: the report is
            // the verification, so the case is dispatched on the way.
            _ = try verify(caseID: caseID, actor: actor, note: nil)
            return try change(caseID: caseID, to: next, actor: actor, note: note)
        case .inProgress:
            return try respond(caseID: caseID, actor: actor, note: note)
        case .resolved:
            return try resolve(caseID: caseID, actor: actor, note: note)
        case .archived, .notOurAuthority:
            let current = try requireCase(caseID, allowedTo: next, action: "move")
            try finish(caseID, summary: current, as: next, actor: actor, reason: note ?? next.laporTerm)
            return try requireSummary(caseID)
        default:
            throw WorkflowError(
                kind: .invalidTransition,
                description: "cannot move case \(caseID) from \(summary.state.rawValue) to \(next.rawValue)"
            )
        }
    }

    // MARK: Deadlines

    /// Handles everything of a case that is due by now, as the scheduler reports its earliest due: breached clocks,
    /// the auto-close and each escalation step, in due order (a clock before a step due at the same time, steps in
    /// ladder order); then stores and schedules the case's next due.
    ///
    /// Each round reads the case again, since an action (a raise, a close) changes what is pending. A due item that
    /// stays due after its round (its step left the rules, its case cannot close) is handled once per report and
    /// left out of the next due, as a stale deadline was dropped before, so that it cannot spin the scheduler.
    mutating func deadlineReached(caseID: Int64) throws {
        var handled: Set<PendingDeadline> = []
        while let next = try pendingDeadlines(caseID: caseID).first(where: {
            $0.due <= now && !handled.contains($0.item)
        }) {
            handled.insert(next.item)
            switch next.item {
            case .clock(let kind): try clockReached(caseID: caseID, kind: kind)
            case .step(let escalation, let index): try stepReached(caseID: caseID, escalation: escalation, index: index)
            }
        }
        let nextDue = try pendingDeadlines(caseID: caseID).first { $0.due > now || !handled.contains($0.item) }?.due
        try storeNextDue(caseID, nextDue, isRescheduled: true)
    }

    /// A clock or a step of a case that has yet to come due.
    private enum PendingDeadline: Hashable {
        case clock(ClockKind)
        case step(escalation: String, index: Int)
    }

    /// A case's running, not yet breached clocks and unfired steps with a due, earliest first (clocks before steps
    /// at the same time, steps in ladder order).
    private func pendingDeadlines(caseID: Int64) throws -> [(item: PendingDeadline, due: Date)] {
        guard let summary = try transaction.caseSummary(caseID: caseID) else { return [] }
        let clocks = try transaction.clocks(caseID: caseID)
        var pending: [(item: PendingDeadline, due: Date)] = []
        for clock in clocks where clock.isPending {
            if let due = clock.dueAt { pending.append((.clock(clock.kind), due)) }
        }
        for step in try plan(caseID: caseID, priority: summary.priority, clocks: clocks).pending {
            if let due = step.dueAt { pending.append((.step(escalation: step.escalation, index: step.step), due)) }
        }
        // The position breaks ties, so that clocks stay ahead of steps, and steps in ladder order.
        return pending.indices.sorted { (pending[$0].due, $0) < (pending[$1].due, $1) }.map { pending[$0] }
    }

    private mutating func clockReached(caseID: Int64, kind: ClockKind) throws {
        var clocks = try transaction.clocks(caseID: caseID)
        guard let index = clocks.firstIndex(where: { $0.kind == kind }), clocks[index].isRunning,
            clocks[index].breachedAt == nil, let due = clocks[index].dueAt, due <= now,
            let summary = try transaction.caseSummary(caseID: caseID)
        else { return }
        if kind == .autoclose {
            guard summary.state.canMove(to: .resolved) else { return }
            try finish(
                caseID,
                summary: summary,
                as: .resolved,
                actor: Self.daemonActor,
                reason:
                    "closed automatically: no reply from the reporter within \(clocks[index].budget) of the follow-up"
            )
            return
        }
        clocks[index].breachedAt = now
        try save(clocks[index], caseID: caseID)
        try transaction.markOverdue(caseID: caseID, at: now)
        try record(caseID, "breached", actor: Self.daemonActor, "\(kind.rawValue) deadline \(format(due)) passed")
    }

    private mutating func stepReached(caseID: Int64, escalation: String, index: Int) throws {
        guard let ladder = ruleSet.escalation(named: escalation), ladder.steps.indices.contains(index),
            let summary = try transaction.caseSummary(caseID: caseID),
            let status = try plan(
                caseID: caseID,
                priority: summary.priority,
                clocks: transaction.clocks(caseID: caseID)
            )
            .steps.first(where: { $0.escalation == escalation && $0.step == index }),
            status.firedAt == nil, let due = status.dueAt, due <= now
        else { return }
        // A quiet step outside working time is never due here: the plan moved it to the next opening.
        let step = ladder.steps[index]
        guard
            try transaction.markStepFired(
                caseID: caseID,
                escalation: escalation,
                step: index,
                action: status.action,
                dueAt: due,
                at: now
            )
        else { return }
        let stepName = "escalation \"\(escalation)\" step \(index + 1)"
        switch step.action {
        case .notify(let target):
            let agency = ruleSet.agency(id: target) != nil ? target : (summary.agency ?? "unrouted")
            let reason = "\(stepName): notified \(target)" + (agency == target ? "" : " through \(agency)")
            let event = try record(caseID, "escalated", actor: Self.daemonActor, reason)
            try queueDelivery(
                caseID: caseID,
                eventID: event,
                agency: agency,
                purpose: .notice,
                reason: reason,
                notice: DeliveryPayload.Notice(
                    escalation: escalation,
                    step: index + 1,
                    target: target,
                    action: step.action.description,
                    dueAt: due
                )
            )
        case .reassign(let agency):
            try transaction.updateCaseRouting(
                caseID: caseID,
                agency: agency,
                priority: summary.priority,
                respondBy: summary.respondBy,
                at: now
            )
            let reason = "\(stepName): from \(summary.agency ?? "-") to \(agency)"
            let event = try record(caseID, "reassigned", actor: Self.daemonActor, reason)
            try queueDelivery(caseID: caseID, eventID: event, agency: agency, purpose: .assignment, reason: reason)
        case .raise(let priority):
            try raise(caseID: caseID, summary: summary, to: priority, reason: stepName)
        case .markOverdue:
            try transaction.markOverdue(caseID: caseID, at: now)
            try record(caseID, "marked overdue", actor: Self.daemonActor, stepName)
        }
    }

    // MARK: Reload

    /// Recomputes the deadlines of a case's running, not yet breached clocks on the current rules and calendar,
    /// recording any change in its history.
    mutating func recompute(caseID: Int64) throws {
        guard let summary = try transaction.caseSummary(caseID: caseID), summary.state.isOpen else { return }
        let policy = summary.priority.flatMap(ruleSet.priority(named:))
        var clocks = try transaction.clocks(caseID: caseID)
        var changes: [String] = []
        for index in clocks.indices where clocks[index].isRunning && clocks[index].breachedAt == nil {
            // A clock that resumed after a hold keeps the time it had left; a fresh one takes the new budget.
            if clocks[index].anchorRemaining == nil, let budget = budget(for: clocks[index].kind, policy: policy) {
                clocks[index].budget = budget
            }
            let due = clocks[index].computeDue(on: calendar)
            if due != clocks[index].dueAt {
                changes.append("\(clocks[index].kind.rawValue) \(format(clocks[index].dueAt)) → \(format(due))")
                clocks[index].dueAt = due
            }
        }
        if !changes.isEmpty {
            try saveAll(clocks, caseID: caseID)
            try updateRespondBy(caseID, summary: summary, clocks: clocks)
            try record(
                caseID,
                "deadlines recomputed",
                actor: Self.daemonActor,
                "rules \(ruleSet.hash.prefix(12)): " + changes.joined(separator: ", ")
            )
        }
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
    }

    // MARK: Helpers

    private func budget(for kind: ClockKind, policy: PriorityPolicy?) -> WorkingDuration? {
        switch kind {
        case .verify: SLADefaults.verify
        case .respond: policy?.respond ?? SLADefaults.respond
        case .resolve: policy?.resolve
        case .autoclose: SLADefaults.autoclose
        }
    }

    private func dispatchClocks(policy: PriorityPolicy?, at start: Date) -> [CaseClock] {
        [ClockKind.respond, .resolve].compactMap { kind in
            budget(for: kind, policy: policy).map { CaseClock.start(kind, budget: $0, at: start, calendar: calendar) }
        }
    }

    private func dispatchReason(_ agency: String, _ clocks: [CaseClock]) -> String {
        let dues = clocks.map { "\($0.kind.rawValue) by \(format($0.dueAt))" }
        return "dispatched to \(agency)" + (dues.isEmpty ? "" : "; " + dues.joined(separator: ", "))
    }

    private mutating func raise(caseID: Int64, summary: CaseSummary, to priority: String, reason: String) throws {
        try transaction.updateCaseRouting(
            caseID: caseID,
            agency: summary.agency,
            priority: priority,
            respondBy: summary.respondBy,
            at: now
        )
        try record(
            caseID,
            "priority raised",
            actor: Self.daemonActor,
            "\(reason): \(summary.priority ?? "none") → \(priority)"
        )
        try recompute(caseID: caseID)
    }

    /// Ends a case's work: every clock stops, its steps are called off, and it is no longer overdue.
    /// Stops every clock and moves the case to a state where nothing runs; returns the transition's event.
    @discardableResult
    private mutating func finish(
        _ caseID: Int64,
        summary: CaseSummary,
        as state: CaseState,
        actor: String,
        reason: String
    ) throws -> Int64 {
        var clocks = try transaction.clocks(caseID: caseID)
        for index in clocks.indices { clocks[index].stop(at: now) }
        let kind =
            switch state {
            case .archived: "archived"
            case .notOurAuthority: "forwarded"
            default: "resolved"
            }
        let event = try move(caseID, kind, from: summary.state, to: state, actor: actor, reason)
        try saveAll(clocks, caseID: caseID)
        try transaction.clearOverdue(caseID: caseID, at: now)
        try planSteps(caseID: caseID, priority: summary.priority, clocks: clocks)
        return event
    }

    /// Replans a case's escalation steps after its clocks or its priority changed, and stores its next due (its
    /// earliest pending clock or step) for the scheduler. Planned steps are derived, not stored, and fired steps
    /// are never touched again.
    ///
    /// - Parameter clocks: every clock of the case, as just saved.
    private mutating func planSteps(caseID: Int64, priority: String?, clocks: [CaseClock]) throws {
        let plan = try plan(caseID: caseID, priority: priority, clocks: clocks)
        try storeNextDue(caseID, plan.nextDue(clocks: clocks))
    }

    /// The case's steps as planned from the rules in service and `clocks`, with its recorded ones.
    private func plan(caseID: Int64, priority: String?, clocks: [CaseClock]) throws -> EscalationPlan {
        EscalationPlan(
            priority: priority,
            clocks: clocks,
            recorded: try transaction.steps(caseID: caseID),
            ruleSet: ruleSet,
            now: now
        )
    }

    /// Stores a case's next due and tells the scheduler when it changed, or always after the scheduler reported the
    /// case (`isRescheduled`), whose entry left the heap then.
    private mutating func storeNextDue(_ caseID: Int64, _ due: Date?, isRescheduled: Bool = false) throws {
        guard try transaction.setNextDue(caseID: caseID, to: due) || isRescheduled else { return }
        deadlineChanges.append(due.map { .schedule(caseID: caseID, $0) } ?? .cancel(caseID: caseID))
    }

    private func save(_ clock: CaseClock, caseID: Int64) throws {
        try transaction.saveClock(clock, caseID: caseID)
    }

    private func saveAll(_ clocks: [CaseClock], caseID: Int64) throws {
        for clock in clocks { try save(clock, caseID: caseID) }
    }

    private func updateRespondBy(_ caseID: Int64, summary: CaseSummary, clocks: [CaseClock]) throws {
        let respondBy = clocks.first { $0.kind == .respond && $0.isActive }?.dueAt ?? summary.respondBy
        try transaction.updateCaseRouting(
            caseID: caseID,
            agency: summary.agency,
            priority: summary.priority,
            respondBy: respondBy,
            at: now
        )
    }

    /// The agency with this id in the rules in service, or a not-found error with the closest id.
    private func requireAgency(_ id: String) throws -> RuleSet.Agency {
        if let agency = ruleSet.agency(id: id) { return agency }
        let hint = Suggestion.didYouMean(id, among: ruleSet.agencies.map(\.id)).map { "; " + $0 } ?? ""
        throw WorkflowError(kind: .notFound, description: "no agency '\(id)' in the rules in service\(hint)")
    }

    private func requireSummary(_ caseID: Int64) throws -> CaseSummary {
        guard let summary = try transaction.caseSummary(caseID: caseID) else {
            throw WorkflowError(kind: .notFound, description: "no case \(caseID)")
        }
        return summary
    }

    private func requireCase(_ caseID: Int64, allowedFrom states: Set<CaseState>, action: String) throws -> CaseSummary
    {
        let summary = try requireSummary(caseID)
        guard states.contains(summary.state) else {
            let allowed = states.map(\.rawValue).sorted().joined(separator: " or ")
            throw WorkflowError(
                kind: .invalidTransition,
                description: "cannot \(action) case \(caseID): it is \(summary.state.rawValue), not \(allowed)"
            )
        }
        return summary
    }

    private func requireCase(_ caseID: Int64, allowedTo next: CaseState, action: String) throws -> CaseSummary {
        let summary = try requireSummary(caseID)
        guard summary.state.canMove(to: next) else {
            throw WorkflowError(
                kind: .invalidTransition,
                description:
                    "cannot \(action) case \(caseID): it is \(summary.state.rawValue), and \(summary.state.rawValue) → \(next.rawValue) is not a lifecycle step"
            )
        }
        return summary
    }

    @discardableResult
    private func move(
        _ caseID: Int64,
        _ kind: String,
        from: CaseState,
        to: CaseState,
        actor: String,
        _ reason: String
    ) throws -> Int64 {
        try transaction.updateCaseState(caseID: caseID, to: to, at: now)
        return try record(caseID, kind, from: from, to: to, actor: actor, reason)
    }

    @discardableResult
    private func record(
        _ caseID: Int64,
        _ kind: String,
        from: CaseState? = nil,
        to: CaseState? = nil,
        actor: String,
        _ reason: String,
        data: String? = nil
    ) throws -> Int64 {
        try transaction.appendEvent(
            caseID: caseID,
            at: now,
            actor: actor,
            kind: kind,
            from: from,
            to: to,
            reason: reason,
            data: data
        )
    }

    private func format(_ date: Date?) -> String {
        date.map { RFC3339.format($0, offsetSeconds: calendar.timeZone.secondsFromGMT(for: $0)) } ?? "-"
    }
}
