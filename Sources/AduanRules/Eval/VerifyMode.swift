/// Whether a routed case is verified by the rules alone or waits for an administrator.
public enum VerifyMode: String, Sendable, Hashable, CaseIterable {
    /// The case is verified as soon as it is routed.
    case auto
    /// An administrator verifies the case before it is dispatched.
    case manual
}
