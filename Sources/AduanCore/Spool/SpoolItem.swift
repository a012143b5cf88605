/// One valid item of a spool file: a new complaint, or an update to an existing case.
public enum SpoolItem: Sendable {
    /// A new complaint.
    case complaint(Complaint)
    /// A status change or note for a case that already exists.
    case update(SpoolUpdate)

    /// The item's identifier within its source.
    public var externalID: String {
        switch self {
        case .complaint(let complaint): complaint.externalID
        case .update(let update): update.externalID
        }
    }
}

/// An update item: `{"id": …, "update_for": "42" | {"source": …, "id": …}, "status": …, "note": …}`.
public struct SpoolUpdate: Sendable, Hashable {
    /// Which case the update is for.
    public enum Target: Sendable, Hashable {
        /// A case id.
        case caseID(Int64)
        /// The complaint's key in its source.
        case complaint(source: String, externalID: String)
    }

    /// The source that delivered the update.
    public var source: String
    /// The update's own identifier within its source (unique, so it is applied once).
    public var externalID: String
    /// The case it applies to.
    public var target: Target
    /// The new state, if the update changes it.
    public var status: CaseState?
    /// A free-text note for the case's history.
    public var note: String?
    /// The item as it arrived, for the quarantine when it cannot be applied.
    public var originalLine: String

    /// The target as a user wrote it, for error messages.
    public var targetDescription: String {
        switch target {
        case .caseID(let id): "case \(id)"
        case .complaint(let source, let externalID): "source \(source), id \(externalID)"
        }
    }
}
