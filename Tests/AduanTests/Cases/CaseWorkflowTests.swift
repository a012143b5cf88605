import AduanControl
import AduanCore
import AduanRules
@testable import AduanStore
import Foundation
import Testing

@testable import AduanDaemon

/// Cases, clocks and escalation steps on a real SQLite file with a manual clock: time is advanced, never slept.
@Suite("case workflow")
struct CaseWorkflowTests {
    static let rules = """
        calendar "default" {
            timezone = "Asia/Jakarta"
            hours = "Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30"
        }
        agency "dpupr" { name = "Dinas PUPR" }
        agency "biro" { name = "Biro Pemerintahan" }
        list "jalan" { phrases = ["jalan rusak"] }
        list "izin" { phrases = ["izin usaha"] }
        escalation "standar" {
            step {
                at = respond_deadline - 1 working_days
                do = notify("agency-head")
                quiet = working_hours
            }
            step {
                at = respond_deadline + 2 working_days
                do = reassign("biro")
            }
        }
        priority "P2" {
            when = text has any jalan
            respond = 2 working_days
            resolve = 5 working_days
            escalation = "standar"
        }
        route "Jalan" {
            when = text has any jalan
            to = "dpupr"
        }
        route "Izin" {
            when = text has any izin
            to = "dpupr"
            verify = manual
        }
        otherwise { to = "biro" }
        """

    /// A daemon's case machinery in-process: store, rules, case service on its queue, manual clock.
    final class Harness {
        let folder: TemporaryDirectory
        let queue = DispatchQueue(label: "test.store")
        let clock: ManualClock
        var store: Store
        var cases: CaseService
        let rules: RuleSetHolder

        init(now: String) throws {
            folder = try TemporaryDirectory("aduan-cases")
            try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
            try CaseWorkflowTests.rules.write(toFile: folder.file("rules/a.rules"), atomically: true, encoding: .utf8)
            let loaded = RuleLoader.load(directory: folder.file("rules"))
            let ruleSet = try #require(loaded.ruleSet, "\(loaded.rendered())")
            clock = ManualClock(try #require(RFC3339.parse(now)))
            rules = RuleSetHolder(ruleSet, loadedAt: clock.now())
            store = try Store(path: folder.file("aduan.db"))
            cases = try Self.startService(store: store, rules: rules, queue: queue, clock: clock)
        }

        private static func startService(
            store: Store,
            rules: RuleSetHolder,
            queue: DispatchQueue,
            clock: ManualClock
        ) throws -> CaseService {
            let service = CaseService(
                store: store,
                rules: rules,
                queue: queue,
                clock: clock,
                logger: Logger(minimumLevel: .error),
                deliveriesQueued: {}
            )
            try queue.sync { try service.start() }
            return service
        }

        /// Stores a complaint received at `received` through the intake path.
        func ingest(_ id: String, _ text: String, received: String) throws {
            let complaint = Complaint(
                source: "spool",
                externalID: id,
                text: text,
                receivedAt: try #require(RFC3339.parse(received))
            )
            let writer = IntakeWriter(store: store, storeQueue: queue, rules: rules, cases: cases)
            _ = try writer.commit(
                source: "spool",
                items: [SpoolBatchItem(fileName: "t.jsonl", line: 1, item: .complaint(complaint))],
                cursor: nil,
                quarantined: 0,
                at: clock.now()
            )
        }

        /// Moves the clock to `time` and handles what fell due.
        func advance(to time: String) throws {
            let target = try #require(RFC3339.parse(time))
            clock.advance(by: target.timeIntervalSince(clock.now()))
            let service = cases
            queue.sync { service.handleDueDeadlines() }
        }

        /// Swaps in rules edited by `edit` and recomputes every open case, as a reload does.
        func reload(_ edit: (String) -> String) throws {
            try edit(CaseWorkflowTests.rules).write(
                toFile: folder.file("rules/a.rules"),
                atomically: true,
                encoding: .utf8
            )
            let loaded = RuleLoader.load(directory: folder.file("rules"))
            rules.replace(with: try #require(loaded.ruleSet, "\(loaded.rendered())"), at: clock.now())
            let service = cases
            queue.sync { service.recomputeAll() }
            queue.sync {}  // the recompute runs a batch per queue turn
            queue.sync {}
        }

        func perform(_ operation: ControlOperation, _ caseID: Int64) throws -> CaseSummary {
            let service = cases
            return try queue.sync { try service.perform(operation, caseID: caseID, actor: "uid:0(root)", note: nil) }
        }

        func detail(_ caseID: Int64) throws -> CaseDetail {
            try #require(try StoreReader(path: folder.file("aduan.db")).caseDetail(id: caseID))
                .withPlannedSteps(by: rules.current, at: clock.now())
        }

        /// A new service on the same store, as after a restart; with `downtimeUntil`, the clock moves while none runs.
        func restart(downtimeUntil time: String? = nil) throws {
            let old = cases
            queue.sync { old.stop() }
            if let time {
                clock.advance(by: try #require(RFC3339.parse(time)).timeIntervalSince(clock.now()))
            }
            cases = try Self.startService(store: store, rules: rules, queue: queue, clock: clock)
        }

        deinit { folder.remove() }
    }

    static func date(_ text: String) -> Date? { RFC3339.parse(text) }

    @Test("an auto route dispatches at receipt with respond and resolve clocks on the working calendar")
    func autoRouteClocks() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak parah", received: "2026-03-03T09:00:00+07:00")
        let detail = try harness.detail(1)
        #expect(detail.summary.state == .dispatched)
        #expect(detail.summary.priority == "P2")
        // Tuesday + 2 working days = Thursday's closing time; + 5 working days = next Tuesday's.
        #expect(detail.summary.respondBy == Self.date("2026-03-05T16:00:00+07:00"))
        #expect(detail.clocks.first { $0.kind == .resolve }?.dueAt == Self.date("2026-03-10T16:00:00+07:00"))
        #expect(
            // Step 1 (respond − 1 working day, quiet) would fall at Wednesday's closing: it waits for Thursday's
            // opening.
            detail.steps.map(\.dueAt) == [
                Self.date("2026-03-05T07:30:00+07:00"), Self.date("2026-03-09T16:00:00+07:00"),
            ]
        )
        // Its history: received, then routed, which for an auto route is also the move to dispatched.
        #expect(detail.events.map(\.kind) == ["received", "routed"])
        #expect(detail.events.last.map { [$0.fromState, $0.toState] } == [.received, .dispatched])
        // The steps are planned from the rules: intake stores no row for them until one fires.
        let stored = try Database(path: harness.folder.file("aduan.db"), mode: .readOnly)
        #expect(try stored.scalar("SELECT COUNT(*) FROM escalation_steps", as: Int.self) == 0)
    }

    @Test("a manual route waits in received on a 3-working-day verify clock; verify starts the respond clock")
    func manualRouteVerify() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("b", "Mohon bantuan izin usaha", received: "2026-03-03T09:00:00+07:00")
        var detail = try harness.detail(1)
        #expect(detail.summary.state == .received)
        #expect(detail.clocks.map(\.kind) == [.verify])
        #expect(detail.clocks[0].dueAt == Self.date("2026-03-06T16:30:00+07:00"))
        try harness.advance(to: "2026-03-04T08:00:00+07:00")
        let verified = try harness.perform(.caseVerify, 1)
        #expect(verified.state == .dispatched)
        detail = try harness.detail(1)
        #expect(detail.clocks.first { $0.kind == .verify }?.stoppedAt != nil)
        #expect(detail.clocks.first { $0.kind == .respond }?.dueAt == Self.date("2026-03-11T16:00:00+07:00"))
        #expect(detail.events.last?.actor == "uid:0(root)")
    }

    @Test("a hold pauses the clocks and a resume adds back exactly the working time that was left")
    func holdAndResume() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        // Respond due Thu 16:00. Hold on Wed 10:00: 1 day 6 h 0 m of working time left (Wed 10-16 + Thu 07:30-16).
        try harness.advance(to: "2026-03-04T10:00:00+07:00")
        _ = try harness.perform(.caseHold, 1)
        var respond = try #require(try harness.detail(1).clocks.first { $0.kind == .respond })
        #expect(respond.dueAt == nil)
        #expect(respond.anchorRemaining == (6 * 60 + 8 * 60 + 30) * 60)
        // Nothing fires while held, even long past the old deadline.
        try harness.advance(to: "2026-03-12T10:00:00+07:00")
        #expect(try harness.detail(1).summary.overdueSince == nil)
        let resumed = try harness.perform(.caseResume, 1)
        #expect(resumed.state == .dispatched)
        respond = try #require(try harness.detail(1).clocks.first { $0.kind == .respond })
        // Thu 12 Mar 10:00 + 14.5 working hours: Thu 10-16 (6 h), Fri 07:30-11:30 (4 h) and 13:00-16:30 (3.5 h),
        // Mon 07:30-08:30 (1 h).
        #expect(respond.dueAt == Self.date("2026-03-16T08:30:00+07:00"))
    }

    @Test("a breached respond clock marks the case overdue; steps fire once, quiet ones wait for the opening")
    func breachAndSteps() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        // Step 1 is due Wed 16:00 but quiet: at 17:00 it waits for Thu 07:30.
        try harness.advance(to: "2026-03-04T17:00:00+07:00")
        var detail = try harness.detail(1)
        #expect(detail.steps[0].firedAt == nil)
        #expect(detail.steps[0].dueAt == Self.date("2026-03-05T07:30:00+07:00"))
        try harness.advance(to: "2026-03-05T07:31:00+07:00")
        detail = try harness.detail(1)
        #expect(detail.steps[0].firedAt == Self.date("2026-03-05T07:31:00+07:00"))
        let deliveries = try StoreReader(path: harness.folder.file("aduan.db")).deliveries(
            isFailedOnly: false,
            limit: 0
        )
        #expect(deliveries.filter { $0.purpose == .notice }.map(\.agency) == ["dpupr"])
        try harness.advance(to: "2026-03-05T16:00:01+07:00")
        detail = try harness.detail(1)
        #expect(detail.summary.overdueSince == Self.date("2026-03-05T16:00:01+07:00"))
        #expect(detail.events.filter { $0.kind == "breached" }.count == 1)
        // Down over step 2's time (Mon 9 Mar 16:00): the restart fires it at once; what fired before stays fired.
        try harness.restart(downtimeUntil: "2026-03-10T09:00:00+07:00")
        detail = try harness.detail(1)
        #expect(detail.events.filter { $0.kind == "escalated" }.count == 1)
        #expect(detail.summary.agency == "biro")
        try harness.restart()
        #expect(try harness.detail(1).events.filter { $0.kind == "reassigned" }.count == 1)
    }

    @Test("the scheduler holds one deadline per case, its earliest pending clock or step, also after a restart")
    func oneDeadlinePerCase() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        try harness.ingest("b", "Izin usaha", received: "2026-03-03T10:00:00+07:00")
        let cases = harness.cases
        // Case 1: two clocks and two steps, the first step (respond − 1 working day) earliest; case 2: a verify clock.
        #expect(harness.queue.sync { cases.pendingDeadlineCount } == 2)
        #expect(harness.queue.sync { cases.nextDeadline } == Self.date("2026-03-05T07:30:00+07:00"))
        _ = try harness.perform(.caseResolve, 1)
        #expect(harness.queue.sync { cases.pendingDeadlineCount } == 1)
        let verifyDue = try harness.detail(2).clocks.first { $0.kind == .verify }?.dueAt
        #expect(harness.queue.sync { cases.nextDeadline } == verifyDue)
        try harness.restart()
        let restarted = harness.cases
        #expect(harness.queue.sync { restarted.pendingDeadlineCount } == 1)
        #expect(harness.queue.sync { restarted.nextDeadline } == verifyDue)
    }

    @Test("a follow-up starts the auto-close clock; ten quiet working days later the case closes itself")
    func autoclose() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        _ = try harness.perform(.caseRespond, 1)
        var detail = try harness.detail(1)
        #expect(detail.summary.state == .inProgress)
        #expect(detail.clocks.first { $0.kind == .respond }?.stoppedAt != nil)
        #expect(detail.clocks.first { $0.kind == .autoclose }?.dueAt == Self.date("2026-03-17T16:00:00+07:00"))
        try harness.advance(to: "2026-03-17T16:00:00+07:00")
        detail = try harness.detail(1)
        #expect(detail.summary.state == .resolved)
        #expect(detail.clocks.allSatisfy { $0.stoppedAt != nil })
        #expect(detail.events.last?.reason?.hasPrefix("closed automatically") == true)
    }

    @Test("a lifecycle change that does not exist is refused and changes nothing")
    func invalidTransition() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        #expect(throws: WorkflowError.self) { try harness.perform(.caseVerify, 1) }
        #expect(throws: WorkflowError.self) { try harness.perform(.caseResume, 1) }
        #expect(throws: WorkflowError.self) { try harness.perform(.caseVerify, 99) }
        #expect(try harness.detail(1).summary.state == .dispatched)
    }

    @Test("a reload recomputes running deadlines, records the change, and leaves breached clocks alone")
    func reloadRecomputes() throws {
        let harness = try Harness(now: "2026-03-03T10:00:00+07:00")
        try harness.ingest("a", "Jalan rusak", received: "2026-03-03T10:00:00+07:00")
        try harness.reload { $0.replacingOccurrences(of: "respond = 2 working_days", with: "respond = 3 working_days") }
        var detail = try harness.detail(1)
        #expect(detail.summary.respondBy == Self.date("2026-03-06T16:30:00+07:00"))
        let event = try #require(detail.events.last { $0.kind == "deadlines recomputed" })
        #expect(event.reason?.contains("respond 2026-03-05T16:00:00+07:00 → 2026-03-06T16:30:00+07:00") == true)
        // Step 1 moves with it: Thursday's closing, so (quiet) Friday's opening.
        #expect(detail.steps.first?.dueAt == Self.date("2026-03-06T07:30:00+07:00"))

        // Once breached, a clock keeps its deadline whatever the rules say later.
        try harness.advance(to: "2026-03-09T08:00:00+07:00")
        try harness.reload {
            $0.replacingOccurrences(of: "respond = 2 working_days", with: "respond = 10 working_days")
        }
        detail = try harness.detail(1)
        #expect(detail.clocks.first { $0.kind == .respond }?.dueAt == Self.date("2026-03-06T16:30:00+07:00"))
        #expect(detail.summary.overdueSince != nil)
    }
}
