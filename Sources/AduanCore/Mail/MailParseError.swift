/// Why bytes could not be read as a complaint mail: one readable line, with the Message-ID when it was read.
public struct MailParseError: Error, Sendable, Hashable, CustomStringConvertible {
    /// One readable line.
    public let description: String
    /// The message's Message-ID (without angle brackets), when the header could be read.
    public var messageID: String?

    /// Creates an error; control characters of quoted input are escaped so that it stays one line.
    public init(_ description: String, messageID: String? = nil) {
        self.description = description.escapingControlCharacters
        self.messageID = messageID
    }
}
