import AduanControl
import AduanCore
import AduanRules
import AduanStore
import Dispatch
import Foundation
import Glibc

/// Answers control requests from the daemon's read-only store connection and in-memory state.
///
/// Queries run on their own serial queue and connection, so a long intake batch on the writer never stalls them
/// (WAL lets the reader see the last commit while the writer works). `status` has a connection and queue of its
/// own, so that a slow query (a text search over a million complaints) never delays it.
final class ControlHandler: @unchecked Sendable {
    // `reader` is touched only on `queue`, which serialises every query; `statusReader` only on `statusQueue`.
    let reader: StoreReader
    private let queue = DispatchQueue(label: "aduan.control.reader")
    private let statusReader: StoreReader
    private let statusQueue = DispatchQueue(label: "aduan.control.status")
    let cases: CaseService
    private let reloader: RulesReloader
    let storeQueue: DispatchQueue
    private let authorizer: ControlAuthorizer
    private let audit: AuditRecorder
    private let rules: RuleSetHolder
    let pollers: [SourcePoller]
    let stateDirectory: String
    private let deliveries: DeliveryDispatcher
    private let startedAt: Date
    private let version: String
    let logger: Logger
    private let databasePath: String

    init(
        reader: StoreReader,
        statusReader: StoreReader,
        cases: CaseService,
        reloader: RulesReloader,
        storeQueue: DispatchQueue,
        authorizer: ControlAuthorizer,
        audit: AuditRecorder,
        rules: RuleSetHolder,
        pollers: [SourcePoller],
        stateDirectory: String,
        deliveries: DeliveryDispatcher,
        startedAt: Date,
        version: String,
        logger: Logger
    ) {
        self.reader = reader
        self.statusReader = statusReader
        databasePath = reader.path
        self.cases = cases
        self.reloader = reloader
        self.storeQueue = storeQueue
        self.authorizer = authorizer
        self.audit = audit
        self.rules = rules
        self.pollers = pollers
        self.stateDirectory = stateDirectory
        self.deliveries = deliveries
        self.startedAt = startedAt
        self.version = version
        self.logger = logger
    }

    /// Closes the read-only connections once no query runs.
    func close() {
        queue.sync { reader.close() }
        statusQueue.sync { statusReader.close() }
    }

    /// Answers one request line with one response line (without its newline).
    func respond(to line: [UInt8], from peer: PeerIdentity?) -> [UInt8] {
        let request: ControlRequest
        switch ControlRequest.decode(line: line) {
        case .success(let decoded): request = decoded
        case .failure(let error): return encode(ControlResponse<ControlEmptyResult>.failure(id: nil, error))
        }
        let permission = authorizer.permission(for: peer)
        let needed: ControlAuthorizer.Permission = request.op.isChange ? .change : .read
        guard permission >= needed else {
            let who = peer.map { "uid \($0.uid) (\(ControlAuthorizer.userName(of: $0.uid)))" } ?? "an unknown caller"
            let rule =
                needed == .change
                ? "changes need root, the daemon's user or the \(authorizer.adminGroupName) group"
                : "reading needs the socket's group or the \(authorizer.adminGroupName) group"
            logger.warning("control request refused", ["op": request.op.rawValue, "peer": who])
            if needed == .change {
                audit.recordRefusal(
                    actor: peer.map(Self.actorName) ?? "unknown",
                    operation: request.op,
                    caseID: request.caseID
                )
            }
            return encode(
                ControlResponse<ControlEmptyResult>.failure(
                    id: request.id,
                    ControlError(.permissionDenied, "permission denied for \(who): \(rule)")
                )
            )
        }
        do {
            let actor = peer.map(Self.actorName) ?? "unknown"
            if request.op == .reload {
                let outcome = reloader.reload()
                audit.recordReload(actor: actor, outcome: outcome)
                return encode(.success(id: request.id, outcome))
            }
            if request.op == .reporterErase {
                let report = try audit.eraseReporter(caseID: try caseID(request), actor: actor, note: request.note)
                return encode(.success(id: request.id, report))
            }
            if request.op == .quarantineRetry || request.op == .quarantineDrop {
                let entry = try changeQuarantine(request, actor: peer.map(Self.actorName) ?? "unknown")
                return encode(.success(id: request.id, entry))
            }
            if request.op == .backup {
                let report = try BackupOperation(databasePath: databasePath, logger: logger).run(to: request.path)
                return encode(.success(id: request.id, report))
            }
            if request.op.isChange {
                let summary = try change(request, actor: actor)
                return encode(.success(id: request.id, summary))
            }
            if request.op == .status {
                return try statusQueue.sync { encode(.success(id: request.id, try status())) }
            }
            return try queue.sync {
                switch request.op {
                // Written by hand, the same bytes: `JSONEncoder` took ~0.5 ms of CPU for 50 cases, which became tail
                // latency while intake kept both cores busy.
                case .cases: return CaseListResponse.encode(id: request.id, try listCases(request))
                case .caseShow:
                    return encode(.success(id: request.id, try caseDetail(request, isMasked: permission < .change)))
                case .rulesShow: return encode(.success(id: request.id, try ruleSnapshot(request)))
                case .complaintsExport:
                    return encode(.success(id: request.id, try exportPage(request, isMasked: permission < .change)))
                case .auditVerify: return encode(.success(id: request.id, try reader.verifyAuditChain()))
                case .sources: return encode(.success(id: request.id, try sourceStatuses(from: reader)))
                case .quarantineList: return encode(.success(id: request.id, try quarantineEntries(request)))
                case .quarantineShow: return encode(.success(id: request.id, try quarantineItem(request)))
                case .caseWhy: return encode(.success(id: request.id, try explainCase(request)))
                case .agencies: return encode(.success(id: request.id, try agencyReports(request)))
                case .deliveries: return encode(.success(id: request.id, try listDeliveries(request)))
                case .metrics: return encode(.success(id: request.id, try metrics()))
                default: throw ControlError(.badRequest, "\(request.op.rawValue) is not a query")
                }
            }
        } catch let error as ControlError {
            return encode(ControlResponse<ControlEmptyResult>.failure(id: request.id, error))
        } catch let error as WorkflowError {
            let code: ControlError.Code = error.kind == .notFound ? .notFound : .conflict
            return encode(
                ControlResponse<ControlEmptyResult>.failure(id: request.id, ControlError(code, error.description))
            )
        } catch {
            logger.error("control request failed", ["op": request.op.rawValue, "error": "\(error)"])
            return encode(
                ControlResponse<ControlEmptyResult>.failure(id: request.id, ControlError(.internal, "\(error)"))
            )
        }
    }

    private func status() throws -> StatusReport {
        // Kept counts in one read transaction, so they agree; the next deadline from the scheduler's published
        // value, not through the store queue, which an intake batch may hold for a while.
        let reader = statusReader
        let (counts, complaints, overdue, sources) = try reader.inReadTransaction {
            (
                try reader.caseCounts(), try reader.complaintCount(), try reader.overdueCount(),
                try sourceStatuses(from: reader)
            )
        }
        let (snapshot, attempt) = rules.status
        return StatusReport(
            uptimeSeconds: Int(Date().timeIntervalSince(startedAt)),
            version: version,
            rules: RulesStatus(
                hash: snapshot.ruleSet.hash,
                loadedAt: snapshot.loadedAt,
                routes: snapshot.ruleSet.routeLabels.count,
                lastReload: ReloadOutcome(ok: attempt.isAccepted, at: attempt.at, errors: attempt.diagnostics)
            ),
            complaints: complaints,
            cases: CaseCounts(byState: counts.byState, byAgency: counts.byAgency),
            overdue: overdue,
            nextDeadline: cases.nextDeadline,
            sources: sources,
            intakePaused: pollers.contains { $0.health.isWaitingForSpace },
            intakeError: pollers.lazy.map(\.health).first(where: \.isWaitingForSpace)?.lastError
        )
    }

    private func metrics() throws -> [MetricFamily] {
        MetricsCollector(version: version, sources: pollers.map(\.source.configuration.name)).families(
            counts: try reader.metricCounts(),
            rules: rules,
            pendingDeadlines: cases.pendingDeadlineCount,
            uptimeSeconds: Date().timeIntervalSince(startedAt)
        )
    }

    private func listCases(_ request: ControlRequest) throws -> [CaseSummary] {
        var filter = CaseFilter()
        if let stateName = request.state {
            guard let state = CaseState(rawValue: stateName) else {
                let names = CaseState.acceptedNames
                throw ControlError(.badRequest, "unknown state '\(stateName)': use one of \(names)")
            }
            filter.state = state
        }
        filter.agency = request.agency
        filter.isOverdueOnly = request.overdue ?? false
        if let text = request.since {
            guard let since = ControlRequest.parseSince(text) else {
                throw ControlError(.badRequest, "since '\(text)' is not an RFC 3339 date-time or a YYYY-MM-DD date")
            }
            filter.receivedSince = since
        }
        if let name = request.region {
            guard let region = Region.resolve(name) else {
                let names = Region.banten.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
                throw ControlError(.badRequest, "unknown or ambiguous region '\(name)': use one of \(names)")
            }
            filter.regionCode = region.code
        }
        filter.search = request.search
        if let limit = request.limit {
            guard limit >= 0 else { throw ControlError(.badRequest, "limit must be 0 (all) or more, not \(limit)") }
            filter.limit = limit
        }
        return try reader.cases(filter)
    }

    /// A case; `isMasked` masks its reporter's personal data, for callers who may only read.
    private func caseDetail(_ request: ControlRequest, isMasked: Bool) throws -> CaseDetail {
        let id = try caseID(request)
        guard var detail = try plannedCaseDetail(id: id) else { throw ControlError(.notFound, "no case \(id)") }
        if isMasked { detail.complaint.reporter = detail.complaint.reporter.map(PersonalDataMask.reporter) }
        detail.remainingSeconds = CaseClock.remainingSeconds(of: detail.clocks, at: Date(), on: rules.current.calendar)
        return detail
    }

    /// A case as stored, with its escalation steps planned by the rules in service.
    private func plannedCaseDetail(id: Int64) throws -> CaseDetail? {
        try reader.caseDetail(id: id)?.withPlannedSteps(by: rules.current, at: Date())
    }

    private func explainCase(_ request: ControlRequest) throws -> CaseExplanation {
        let id = try caseID(request)
        guard let detail = try plannedCaseDetail(id: id), let record = try reader.routingRecord(caseID: id) else {
            throw ControlError(.notFound, "no case \(id)")
        }
        return CaseExplanation.build(detail: detail, record: record, ruleSet: rules.current, now: Date())
    }

    private func agencyReports(_ request: ControlRequest) throws -> [AgencyReport] {
        var since: Date?
        if let text = request.since {
            guard let date = ControlRequest.parseSince(text) else {
                throw ControlError(.badRequest, "since '\(text)' is not an RFC 3339 date-time or a YYYY-MM-DD date")
            }
            since = date
        }
        return AgencyReport.build(from: try reader.agencyActivity(since: since), ruleSet: rules.current, now: Date())
    }

    private func ruleSnapshot(_ request: ControlRequest) throws -> RuleSnapshot {
        guard let hash = request.hash, hash.count >= 6, hash.allSatisfy(\.isHexDigit) else {
            throw ControlError(.badRequest, "rules.show needs a hash of at least 6 hex digits")
        }
        guard let snapshot = try reader.ruleSnapshot(hashPrefix: hash) else {
            throw ControlError(.notFound, "no rule snapshot \(hash) has served")
        }
        return snapshot
    }

    private func listDeliveries(_ request: ControlRequest) throws -> [DeliveryRecord] {
        let limit = request.limit ?? 100
        guard limit >= 0 else { throw ControlError(.badRequest, "limit must be 0 (all) or more, not \(limit)") }
        return try reader.deliveries(isFailedOnly: request.failed ?? false, limit: limit).map { record in
            var record = record
            record.kind = deliveries.kind(for: record.agency)
            return record
        }
    }

    private static let exportPageSize = 1_000

    /// A page of complaints; `isMasked` masks reporters' personal data, for callers who may only read.
    private func exportPage(_ request: ControlRequest, isMasked: Bool) throws -> ExportPage {
        var since: Date?
        if let text = request.since {
            guard let date = RFC3339.parse(text) else {
                throw ControlError(.badRequest, "since '\(text)' is not an RFC 3339 date-time")
            }
            since = date
        }
        let page = try reader.complaints(afterID: request.afterID ?? 0, since: since, limit: Self.exportPageSize)
        return ExportPage(
            complaints: page.map { stored in
                var complaint = stored.complaint
                if isMasked { complaint.reporter = complaint.reporter.map(PersonalDataMask.reporter) }
                return SpoolComplaint(complaint)
            },
            nextAfterID: page.count == Self.exportPageSize ? page.last?.id : nil
        )
    }

    /// A lifecycle change runs on the store queue, in one transaction with its history event.
    private func change(_ request: ControlRequest, actor: String) throws -> CaseSummary {
        let id = try caseID(request)
        return try storeQueue.sync {
            try cases.perform(request.op, caseID: id, actor: actor, note: request.note, agency: request.agency)
        }
    }

    private func caseID(_ request: ControlRequest) throws -> Int64 {
        guard let text = request.caseID else { throw ControlError(.badRequest, "\(request.op.rawValue) needs case_id") }
        guard let id = Int64(text), id > 0 else { throw ControlError(.badRequest, "'\(text)' is not a case id") }
        return id
    }

    /// `uid:1000(budi)`: who made a change, for the case's history.
    private static func actorName(_ peer: PeerIdentity) -> String {
        "uid:\(peer.uid)(\(ControlAuthorizer.userName(of: peer.uid)))"
    }

    private func encode<Result>(_ response: ControlResponse<Result>) -> [UInt8] {
        do {
            return Array(try ControlCoding.makeEncoder().encode(response))
        } catch {
            return Array(#"{"ok":false,"error":{"code":"internal","message":"cannot encode the response"}}"#.utf8)
        }
    }
}
