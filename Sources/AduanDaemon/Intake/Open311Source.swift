import AduanCore
import Foundation
import Synchronization

/// Polls an Open311 GeoReport v2 endpoint: `GET {url}/requests.json` (or `.xml` for servers without JSON) over a
/// window from the stored cursor to now, page by page, and stores each request once as a complaint and each later
/// change (`updated_datetime`, `status`, `status_notes`) once as an update of that complaint's case.
///
/// A request is always offered as a complaint (a stored one is a no-op) and, when it carries a change, as an
/// update too (applied once by its id `<request id>@<updated_datetime>`); so no lookup decides between them and a
/// repeated poll changes nothing. The cursor (the newest time seen) advances in the transaction of the poll's last
/// batch: a crash in between makes the next poll fetch the same window again, and its items are no-ops.
///
/// Items that cannot be taken in go to quarantine as spool-format JSON lines; `aduanctl quarantine retry` moves them
/// into the source's own spool inbox (`<state>/sources/<name>/inbox`), read at the start of every poll.
final class Open311Source: IntakeSource {
    let configuration: SourceConfiguration
    private let client: Open311Client
    private let mapper: Open311ItemMapper
    private let writer: IntakeWriter
    private let quarantine: QuarantineFolder
    private let requeued: FolderSource
    private let logger: Logger
    private let batchLimit: Int
    /// The cursor as last committed (`nil` until loaded from the store) and the format the server answers in.
    private let state = Mutex<(cursor: Date??, format: Open311Format)>((nil, .json))

    /// The most pages one poll follows, so that a server that repeats a page forever cannot hold the poller.
    static let maximumPages = 200
    /// The window of a source's first poll when its config has no `since`: the specification's default.
    static let defaultFirstWindow: Double = 90 * 86_400

    /// Creates the source; `workDirectory` holds its quarantine and the inbox for items put back.
    init(
        configuration: SourceConfiguration,
        workDirectory: String,
        quarantine: QuarantineFolder,
        writer: IntakeWriter,
        logger: Logger,
        batchLimit: Int = 1_000
    ) throws {
        self.configuration = configuration
        self.client = Open311Client(timeout: configuration.timeout)
        self.mapper = Open311ItemMapper(source: configuration.name)
        self.writer = writer
        self.quarantine = quarantine
        self.logger = logger
        self.batchLimit = batchLimit
        requeued = try FolderSource(
            configuration: configuration,
            layout: SpoolLayout(directory: workDirectory, sourceName: configuration.name),
            quarantine: quarantine,
            writer: writer,
            logger: logger,
            batchLimit: batchLimit
        )
    }

    func requeue(quarantined path: String) throws {
        try requeued.requeue(quarantined: path)
    }

    func ingestNextBatch(now: Date) throws -> Bool {
        if try requeued.ingestNextBatch(now: now) { return true }
        guard let baseURL = configuration.url?.absoluteString else { return false }
        let cursor = try currentCursor()
        let lookback = configuration.lookback ?? (configuration.usesUpdatedAfter ? 60 : 7 * 86_400)
        let start =
            cursor.map { $0.addingTimeInterval(-lookback) } ?? configuration.initialWindowStart
            ?? now.addingTimeInterval(-Self.defaultFirstWindow)
        let requests = try fetchWindow(baseURL: baseURL, start: start, end: now)
        var items: [SpoolBatchItem] = []
        var rejected: [SpoolFile.Rejection] = []
        var newest = cursor
        for (index, request) in requests.enumerated() {
            switch mapper.complaint(from: request, receivedDefault: now) {
            case .success(let item): items.append(SpoolBatchItem(fileName: "requests", line: index + 1, item: item))
            case .failure(let error):
                rejected.append(.init(line: index + 1, bytes: Self.spoolLine(for: request), reason: error.description))
                continue
            }
            if Self.carriesChange(request) {
                switch mapper.update(from: request) {
                case .success(let item):
                    items.append(SpoolBatchItem(fileName: "requests", line: index + 1, item: item))
                case .failure(let error):
                    rejected.append(
                        .init(line: index + 1, bytes: Self.spoolLine(for: request), reason: error.description)
                    )
                }
            }
            let stamp =
                configuration.usesUpdatedAfter
                ? request.updatedDatetime ?? request.requestedDatetime
                : request.requestedDatetime
            if let seen = stamp.flatMap(Open311DateTime.parse), seen <= now, seen > (newest ?? .distantPast) {
                newest = seen
            }
        }
        let batchFile = SpoolFile(name: "\(configuration.name)-\(RFC3339.format(now)).jsonl", path: "")
        try quarantine.quarantine(items: rejected, of: batchFile)
        var offset = 0
        repeat {
            let chunk = Array(items[offset..<min(offset + batchLimit, items.count)])
            offset += chunk.count
            let isLast = offset >= items.count
            let outcome = try writer.commit(
                source: configuration.name,
                items: chunk,
                cursor: isLast ? newest.map(RFC3339.format) : nil,
                quarantined: isLast ? rejected.count : 0,
                at: now
            )
            for rejections in outcome.rejectedUpdates.values {
                try quarantine.quarantine(items: rejections, of: batchFile)
            }
            if outcome.stored + outcome.updated > 0 || !rejected.isEmpty {
                logger.info(
                    "open311 batch committed",
                    [
                        "source": configuration.name, "stored": "\(outcome.stored)",
                        "updates": "\(outcome.updated)", "repeats": "\(outcome.duplicates)",
                        "quarantined": "\(rejected.count)",
                    ]
                )
            }
        } while offset < items.count
        state.withLock { $0.cursor = .some(newest) }
        return false
    }

    /// Every request in the window, following pages (`page=2, 3, …`) until one brings nothing new: servers
    /// without paging answer every page with the first one.
    private func fetchWindow(baseURL: String, start: Date, end: Date) throws -> [Open311Request] {
        var requests: [Open311Request] = []
        var seen: Set<String> = []
        for page in 1...Self.maximumPages {
            let format = state.withLock { $0.format }
            let query = Open311Query(
                baseURL: baseURL,
                format: format,
                apiKey: configuration.apiKey,
                jurisdictionID: configuration.jurisdictionID,
                start: start,
                end: end,
                page: page == 1 ? nil : page,
                usesUpdatedAfter: configuration.usesUpdatedAfter
            )
            guard let url = URL(string: query.url) else {
                throw Open311FetchError(url: URL(fileURLWithPath: "/"), reason: "cannot build a URL from \(baseURL)")
            }
            let answer = try client.get(url)
            if format == .json, Self.meansNoJSON(answer) {
                logger.notice("open311 server has no JSON; asking for XML", ["source": configuration.name])
                state.withLock { $0.format = .xml }
                return try fetchWindow(baseURL: baseURL, start: start, end: end)
            }
            let decoded: [Open311Request]
            // Error bodies are often JSON even from XML servers: read the body as what it says it is.
            let bodyFormat: Open311Format =
                answer.contentType.map { $0.hasSuffix("json") ? .json : $0.hasSuffix("xml") ? .xml : format } ?? format
            switch Open311ResponseDecoder.requests(from: answer.body, format: bodyFormat) {
            case .success(let list):
                guard (200..<300).contains(answer.status) else {
                    throw Open311FetchError(url: url, reason: "HTTP \(answer.status)")
                }
                decoded = list
            case .failure(let error):
                let status = (200..<300).contains(answer.status) ? "" : "HTTP \(answer.status): "
                throw Open311FetchError(url: url, reason: status + error.description)
            }
            let fresh = decoded.filter { seen.insert($0.serviceRequestID + "@" + ($0.updatedDatetime ?? "")).inserted }
            requests += fresh
            if fresh.isEmpty { break }
        }
        return requests
    }

    private func currentCursor() throws -> Date? {
        if let loaded = state.withLock({ $0.cursor }) { return loaded }
        let stored = try writer.cursor(of: configuration.name).flatMap(RFC3339.parse)
        state.withLock { $0.cursor = .some(stored) }
        return stored
    }

    /// Whether a request says more than "it exists": a status other than open, notes, or a later update time.
    private static func carriesChange(_ request: Open311Request) -> Bool {
        if request.statusNotes != nil { return true }
        if let status = request.status, status.lowercased() != "open" { return true }
        guard let updated = request.updatedDatetime.flatMap(Open311DateTime.parse) else { return false }
        return updated != request.requestedDatetime.flatMap(Open311DateTime.parse)
    }

    /// A JSON answer that is really "no JSON here": 404/406/415, or a body the server labels XML.
    private static func meansNoJSON(_ answer: Open311Client.Answer) -> Bool {
        [404, 406, 415].contains(answer.status) || answer.contentType?.hasSuffix("xml") == true
    }

    /// The request as a spool-format complaint line, for the quarantine: an operator fixes the fields and puts it
    /// back, and it is read by the spool decoder under this source's name (so its key stays the same).
    private static func spoolLine(for request: Open311Request) -> [UInt8] {
        var fields: [String: Any] = ["id": request.serviceRequestID, "channel": Channel.open311.rawValue]
        fields["text"] = request.description ?? request.serviceName ?? ""
        fields["title"] = request.serviceName
        fields["received_at"] = request.requestedDatetime
        var location: [String: Any] = [:]
        location["lat"] = request.latitude
        location["lon"] = request.longitude
        location["address"] = request.address
        if !location.isEmpty { fields["location"] = location }
        let data = (try? JSONSerialization.data(withJSONObject: fields, options: [.sortedKeys])) ?? Data()
        return [UInt8](data)
    }
}
