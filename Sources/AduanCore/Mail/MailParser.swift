/// Reads a complaint mail from its raw bytes (RFC 5322 with MIME, CRLF or LF line ends).
///
/// Tolerant where mail in the wild is sloppy (malformed encoded-words, missing base64 padding, a missing closing
/// boundary, a Date that is not one), strict where the bytes are not a mail at all or the text cannot be read.
public enum MailParser {
    /// The parsed message, or a one-line reason why the bytes are not a readable mail.
    public static func parse(_ bytes: [UInt8]) -> Result<MailMessage, MailParseError> {
        do throws(MailParseError) {
            return .success(try parseMessage(bytes))
        } catch {
            return .failure(error)
        }
    }

    private static func parseMessage(_ bytes: [UInt8]) throws(MailParseError) -> MailMessage {
        guard bytes.contains(where: { !MailBytes.isWhitespace($0) }) else { throw MailParseError("empty message") }
        let (headers, bodyStart) = try MailHeaderParser.parse(bytes[...], isMessage: true)
        let messageID = headers.rawValue(lowercaseName: "message-id".utf8).flatMap(messageIdentifier)
        var walker = MIMEPartWalker()
        var text: String?
        var isTextFromHTML = false
        do throws(MailParseError) {
            try walker.walk(headers: headers, body: bytes[bodyStart...])
            if let plain = walker.plainPart {
                text = try MailTextDecoder.text(of: plain, isHTML: false)
            } else if let html = walker.htmlPart {
                text = try MailTextDecoder.text(of: html, isHTML: true)
                isTextFromHTML = true
            }
        } catch {
            throw MailParseError(error.description, messageID: messageID)
        }
        let subject = headers.decodedValue(lowercaseName: "subject".utf8).map { String(decoding: $0, as: UTF8.self) }
        return MailMessage(
            headers: headers,
            messageID: messageID,
            subject: subject?.isEmpty == false ? subject : nil,
            from: headers.rawValue(lowercaseName: "from".utf8).flatMap { MailAddress(bytes: $0[...]) },
            date: headers.rawValue(lowercaseName: "date".utf8).flatMap { MailDate.parse($0[...]) },
            text: text,
            isTextFromHTML: isTextFromHTML,
            attachments: walker.attachments
        )
    }

    /// `<id@host>` → `id@host`; a value without brackets is taken whole.
    private static func messageIdentifier(_ value: [UInt8]) -> String? {
        var identifier = value[...]
        if let open = value.firstIndex(of: UInt8(ascii: "<")) {
            let close = value[open...].firstIndex(of: UInt8(ascii: ">")) ?? value.endIndex
            identifier = value[(open + 1)..<close]
        }
        let trimmed = MailBytes.trimmed(identifier)
        return trimmed.isEmpty ? nil : String(decoding: trimmed, as: UTF8.self)
    }
}
