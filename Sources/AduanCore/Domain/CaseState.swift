/// Where a case stands in the SP4N-LAPOR! lifecycle.
///
/// `received` → `verified` | `on_hold` | `not_our_authority` | `archived`;
/// `verified` → `dispatched` → `in_progress` → `resolved` → `archived`.
public enum CaseState: String, Sendable, Codable, CaseIterable, Hashable {
    /// Belum terverifikasi: stored and routed, waiting for the admin's verification.
    case received
    /// Terverifikasi: the admin accepted it.
    case verified
    /// Tunda: waiting for the citizen; clocks pause.
    case onHold = "on_hold"
    /// Bukan wewenang: outside the province's authority, forwarded elsewhere.
    case notOurAuthority = "not_our_authority"
    /// Diteruskan / disposisi: sent to the responsible agency.
    case dispatched
    /// Ditindaklanjuti: the agency is working on it.
    case inProgress = "in_progress"
    /// Selesai: the agency answered and the matter is closed.
    case resolved
    /// Diarsipkan: nothing more will happen.
    case archived

    /// Every state's name, for error messages.
    public static let acceptedNames: String = allCases.map(\.rawValue).joined(separator: " ")

    /// The SP4N-LAPOR! term shown to Indonesian staff.
    public var laporTerm: String {
        switch self {
        case .received: "belum terverifikasi"
        case .verified: "terverifikasi"
        case .onHold: "tunda"
        case .notOurAuthority: "bukan wewenang"
        case .dispatched: "diteruskan"
        case .inProgress: "ditindaklanjuti"
        case .resolved: "selesai"
        case .archived: "diarsipkan"
        }
    }

    /// Whether the case still waits for someone to act (its clocks may run).
    public var isOpen: Bool {
        switch self {
        case .received, .verified, .onHold, .dispatched, .inProgress: true
        case .notOurAuthority, .resolved, .archived: false
        }
    }

    /// The states this one may move to.
    public var successors: Set<CaseState> {
        switch self {
        case .received: [.verified, .onHold, .notOurAuthority, .archived]
        case .verified: [.dispatched, .onHold, .notOurAuthority, .archived]
        case .onHold: [.received, .verified, .dispatched, .inProgress, .archived]
        case .notOurAuthority: [.archived]
        case .dispatched: [.inProgress, .onHold, .resolved, .notOurAuthority]
        case .inProgress: [.resolved, .onHold]
        case .resolved: [.archived, .inProgress]
        case .archived: []
        }
    }

    /// Whether moving from this state to `next` is a lifecycle transition.
    public func canMove(to next: CaseState) -> Bool {
        successors.contains(next)
    }
}
