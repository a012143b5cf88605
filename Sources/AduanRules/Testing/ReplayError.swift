/// Why a line of a replay file is not a complaint the rules can route: one line, with the item's id when it could
/// be read.
public struct ReplayError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The item's `id`, when the line had a readable one.
    public var id: String?
    /// What is wrong, e.g. `missing required field 'text'`.
    public var message: String

    /// Creates an error.
    public init(id: String?, message: String) {
        self.id = id
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
