import AduanControl
import AduanCore
import AduanStore
import Dispatch
import Foundation

extension ControlHandler {
    /// Every source's health: the store's counts and cursor with the poller's own state, read with `reader` (the
    /// caller's, on its queue).
    func sourceStatuses(from reader: StoreReader) throws -> [SourceStatus] {
        let rows = Dictionary(
            try reader.sourceHealth().map { ($0.source, $0) },
            uniquingKeysWith: { first, _ in first }
        )
        return pollers.map { poller in
            let configuration = poller.source.configuration
            let row = rows[configuration.name]
            let health = poller.health
            return SourceStatus(
                name: configuration.name,
                kind: configuration.kind.rawValue,
                location: configuration.location,
                intervalSeconds: configuration.interval,
                itemsIn: row?.itemsIn ?? 0,
                itemsQuarantined: row?.itemsQuarantined ?? 0,
                lastPollAt: row?.lastPollAt,
                lastSuccessAt: row?.lastSuccessAt,
                lastError: health.lastError ?? row?.lastError,
                cursor: row?.cursor,
                consecutiveFailures: health.consecutiveFailures,
                nextPollAt: health.nextPollAt
            )
        }
    }

    /// The quarantined files of the requested source, or of every source.
    func quarantineEntries(_ request: ControlRequest) throws -> [QuarantineEntry] {
        let selected = try request.source.map { [try poller(named: $0)] } ?? pollers
        return try selected.flatMap { poller in
            let name = poller.source.configuration.name
            return try quarantine(of: poller).entries().map { entry in
                QuarantineEntry(
                    source: name,
                    name: entry.name,
                    size: entry.size,
                    quarantinedAt: entry.quarantinedAt,
                    reason: entry.reason
                )
            }
        }
    }

    /// One quarantined file with its reason and (the start of) its content.
    func quarantineItem(_ request: ControlRequest) throws -> QuarantineItem {
        let (poller, path) = try quarantinedFile(request)
        let entry = try entry(for: path, of: poller)
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ControlError(.internal, "cannot read \(path)")
        }
        defer { try? handle.close() }
        let data = (try? handle.read(upToCount: QuarantineItem.contentLimit + 1)) ?? Data()
        return QuarantineItem(
            entry: entry,
            content: String(decoding: data.prefix(QuarantineItem.contentLimit), as: UTF8.self),
            isTruncated: data.count > QuarantineItem.contentLimit
        )
    }

    /// `quarantine.retry` puts the file back where its source reads it; `quarantine.drop` deletes it and records
    /// who did, with the file's SHA-256, in the audit trail.
    func changeQuarantine(_ request: ControlRequest, actor: String) throws -> QuarantineEntry {
        let (poller, path) = try quarantinedFile(request)
        let entry = try entry(for: path, of: poller)
        if request.op == .quarantineRetry {
            try poller.source.requeue(quarantined: path)
            logger.notice("quarantined file put back", ["source": entry.source, "file": entry.name, "by": actor])
            return entry
        }
        let digest = SHA256.hexDigest(Array(FileManager.default.contents(atPath: path) ?? Data()))
        let data = try String(
            decoding: ControlCoding.makeEncoder().encode(["source": entry.source, "file": entry.name, "sha256": digest]
            ),
            as: UTF8.self
        )
        try storeQueue.sync {
            try cases.recordOperatorEvent(
                kind: "quarantine_dropped",
                actor: actor,
                reason: request.note ?? "dropped from quarantine",
                data: data,
                at: Date()
            )
        }
        try quarantine(of: poller).drop(path)
        logger.notice("quarantined file dropped", ["source": entry.source, "file": entry.name, "by": actor])
        return entry
    }

    private func quarantinedFile(_ request: ControlRequest) throws -> (SourcePoller, String) {
        guard let sourceName = request.source, let name = request.name else {
            throw ControlError(.badRequest, "\(request.op.rawValue) needs source and name")
        }
        let poller = try poller(named: sourceName)
        do {
            return (poller, try quarantine(of: poller).path(of: name))
        } catch {
            throw ControlError(.notFound, error.description)
        }
    }

    private func entry(for path: String, of poller: SourcePoller) throws -> QuarantineEntry {
        let name = (path as NSString).lastPathComponent
        guard let entry = try quarantine(of: poller).entries().first(where: { $0.name == name }) else {
            throw ControlError(.notFound, "no quarantined file '\(name)'")
        }
        return QuarantineEntry(
            source: poller.source.configuration.name,
            name: entry.name,
            size: entry.size,
            quarantinedAt: entry.quarantinedAt,
            reason: entry.reason
        )
    }

    private func poller(named name: String) throws -> SourcePoller {
        guard let poller = pollers.first(where: { $0.source.configuration.name == name }) else {
            let names = pollers.map(\.source.configuration.name).joined(separator: ", ")
            throw ControlError(.notFound, "no source '\(name)'; the sources are: \(names)")
        }
        return poller
    }

    private func quarantine(of poller: SourcePoller) -> QuarantineFolder {
        QuarantineFolder(directory: poller.source.configuration.quarantineDirectory(stateDirectory: stateDirectory))
    }
}
