/// Why a delivery goes to an agency.
public enum DeliveryPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// The case is routed (or reassigned) to the agency: it has to act.
    case assignment = "case"
    /// An escalation step's `notify(…)`: the case is late, someone has to look.
    case notice
    /// A copy for information, from the route's `cc`.
    case carbonCopy = "cc"
}
