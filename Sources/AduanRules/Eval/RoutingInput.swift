public import AduanCore

/// What the router looks at in a complaint.
public struct RoutingInput: Sendable, Hashable {
    /// The complaint text.
    public var text: String
    /// The subject, when the channel has one; matched like the text, but no phrase spans title and text.
    public var title: String?
    /// How the complaint arrived.
    public var channel: Channel
    /// The resolved region, if known.
    public var region: Region?
    /// Who complained, if known; `reporter in […]` conditions look at its ``Reporter/kind`` only.
    public var reporter: Reporter?

    /// Creates an input.
    public init(
        text: String,
        title: String? = nil,
        channel: Channel = .other,
        region: Region? = nil,
        reporter: Reporter? = nil
    ) {
        self.text = text
        self.title = title
        self.channel = channel
        self.region = region
        self.reporter = reporter
    }

    /// The routing input of a complaint.
    public init(_ complaint: Complaint) {
        self.init(
            text: complaint.text,
            title: complaint.title,
            channel: complaint.channel,
            region: complaint.region,
            reporter: complaint.reporter
        )
    }
}
