public import Foundation

/// A parsed complaint mail: the header fields it is routed by and the text a person wrote.
public struct MailMessage: Sendable {
    /// Every header field of the message.
    public var headers: MailHeaders
    /// The Message-ID without angle brackets, or `nil` when absent or empty.
    public var messageID: String?
    /// The Subject, encoded-words decoded and trimmed; `nil` when absent or blank.
    public var subject: String?
    /// The first mailbox of the From field.
    public var from: MailAddress?
    /// The Date field, or `nil` when absent or not a date-time.
    public var date: Date?
    /// The body text in UTF-8 with LF line ends: the first `text/plain` part that is not an attachment, else the
    /// first such `text/html` part reduced to text; `nil` when the mail has neither.
    public var text: String?
    /// Whether ``text`` was reduced from HTML.
    public var isTextFromHTML: Bool
    /// The parts that are attachments (`Content-Disposition: attachment`, or named parts that are not text), in
    /// order.
    public var attachments: [MailAttachment]

    init(
        headers: MailHeaders,
        messageID: String?,
        subject: String?,
        from: MailAddress?,
        date: Date?,
        text: String?,
        isTextFromHTML: Bool,
        attachments: [MailAttachment]
    ) {
        self.headers = headers
        self.messageID = messageID
        self.subject = subject
        self.from = from
        self.date = date
        self.text = text
        self.isTextFromHTML = isTextFromHTML
        self.attachments = attachments
    }
}
