/// A part of a mail that is not its text: named so that staff can be told it exists; its bytes are not kept.
public struct MailAttachment: Sendable, Hashable {
    /// The file name, encoded-words and RFC 2231 forms decoded, when the part names one.
    public var filename: String?
    /// The lowercased media type, e.g. `application/pdf`.
    public var mediaType: String

    /// Creates an attachment description.
    public init(filename: String?, mediaType: String) {
        self.filename = filename
        self.mediaType = mediaType
    }
}
