/// Why an operator's change to a case was refused: one readable line.
struct WorkflowError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of refusal, for the control protocol's error code.
    enum Kind: Sendable, Hashable {
        /// No case has that id.
        case notFound
        /// The lifecycle does not allow it from the case's state.
        case invalidTransition
    }

    let kind: Kind
    let description: String
}
