public import Foundation

/// Turns a complaint mail into a spool item, the form every intake source hands to the store.
///
/// A mail becomes a complaint on channel `email`: id = Message-ID (or `sha256:<hex>` of the raw bytes when there is
/// none, so the same bytes always get the same id), title = Subject, text = body text, reporter = From,
/// received_at = Date. `X-Aduan-Region` names the region as a spool item's `region` does. A mail with
/// `X-Aduan-Update-For: <case id>` or `X-Aduan-Update-For: <source>/<external id>` is an update instead:
/// `X-Aduan-Status` is the new state and the body is the note.
public struct MailItemMapper: Sendable {
    /// The source whose mail this maps.
    public let source: String

    /// Creates a mapper for the mail of `source`.
    public init(source: String) {
        self.source = source
    }

    /// Parses and maps raw mail bytes.
    ///
    /// - Parameter receivedDefault: `received_at` for a mail without a readable Date field (time of intake).
    public func item(fromMail raw: [UInt8], receivedDefault: Date) -> Result<SpoolItem, SpoolItemError> {
        switch MailParser.parse(raw) {
        case .success(let message): item(from: message, raw: raw, receivedDefault: receivedDefault)
        case .failure(let error): .failure(SpoolItemError(error.description, id: error.messageID))
        }
    }

    /// Maps a parsed mail; `raw` are the bytes it was parsed from (for the fallback id and an update's original).
    public func item(
        from message: MailMessage,
        raw: [UInt8],
        receivedDefault: Date
    ) -> Result<SpoolItem, SpoolItemError> {
        let externalID = message.messageID ?? "sha256:" + SHA256.hexDigest(raw)
        let text = message.text.map(Self.trimmed)
        if let target = message.headers[Self.updateField] {
            return update(message, target: target, note: text, externalID: externalID, raw: raw)
        }
        guard let text else {
            let attached = message.attachments.compactMap(\.filename)
            let list = attached.isEmpty ? "" : " (attachments: \(attached.joined(separator: ", ")))"
            return .failure(
                SpoolItemError("no body text: the mail has no text/plain or text/html part" + list, id: externalID)
            )
        }
        guard !text.isEmpty else {
            return .failure(SpoolItemError("no body text: the mail's text part is empty", id: externalID))
        }
        let regionText = message.headers.decodedValue(Self.regionField).flatMap { $0.isEmpty ? nil : $0 }
        let reporter = message.from.map { Reporter(name: $0.name, contact: $0.address, kind: "citizen") }
        return .success(
            .complaint(
                Complaint(
                    source: source,
                    externalID: externalID,
                    title: message.subject,
                    text: text,
                    channel: .email,
                    regionText: regionText,
                    region: regionText.flatMap(Region.resolve),
                    reporter: reporter,
                    receivedAt: message.date ?? receivedDefault
                )
            )
        )
    }

    private static let updateField = "X-Aduan-Update-For"
    private static let statusField = "X-Aduan-Status"
    private static let regionField = "X-Aduan-Region"

    private func update(
        _ message: MailMessage,
        target: String,
        note: String?,
        externalID: String,
        raw: [UInt8]
    ) -> Result<SpoolItem, SpoolItemError> {
        guard let resolvedTarget = Self.target(target) else {
            return .failure(
                SpoolItemError(
                    "'\(Self.updateField)' must be a case id or <source>/<external id>, found '\(target)'",
                    id: externalID
                )
            )
        }
        var status: CaseState?
        if let statusName = message.headers[Self.statusField], !statusName.isEmpty {
            guard let state = CaseState(rawValue: statusName.lowercased()) else {
                return .failure(
                    SpoolItemError(
                        "unknown status '\(statusName)' in '\(Self.statusField)': use one of \(CaseState.acceptedNames)",
                        id: externalID
                    )
                )
            }
            status = state
        }
        let note = note.flatMap { $0.isEmpty ? nil : $0 }
        guard status != nil || note != nil else {
            return .failure(SpoolItemError("an update needs '\(Self.statusField)' or a body text", id: externalID))
        }
        return .success(
            .update(
                SpoolUpdate(
                    source: source,
                    externalID: externalID,
                    target: resolvedTarget,
                    status: status,
                    note: note,
                    originalLine: String(decoding: raw, as: UTF8.self)
                )
            )
        )
    }

    /// `42` → case 42; `lapor/L-9` → the complaint L-9 of source lapor (split at the first `/`; angle brackets
    /// around the id are dropped, since mail ids are written that way).
    private static func target(_ text: String) -> SpoolUpdate.Target? {
        if let caseID = Int64(text) { return caseID > 0 ? .caseID(caseID) : nil }
        guard let slash = text.firstIndex(of: "/") else { return nil }
        let targetSource = trimmed(String(text[..<slash]))
        var identifier = trimmed(String(text[text.index(after: slash)...]))
        if identifier.hasPrefix("<") && identifier.hasSuffix(">") && identifier.count >= 2 {
            identifier = trimmed(String(identifier.dropFirst().dropLast()))
        }
        guard !targetSource.isEmpty, !identifier.isEmpty else { return nil }
        return .complaint(source: targetSource, externalID: identifier)
    }

    /// `text` without white space at either end; looks only at the ends (Foundation's `trimmingCharacters` copies
    /// the whole text through `NSString`, which cost more than parsing the mail).
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }
}
