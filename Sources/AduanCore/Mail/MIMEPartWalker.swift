/// Walks a message's MIME tree depth-first: remembers the first `text/plain` and `text/html` parts that are not
/// attachments, lists the attachments, and recurses into every `multipart/*`.
struct MIMEPartWalker {
    /// A part chosen as the mail's text, still transfer-encoded.
    struct TextPart {
        var headers: MailHeaders
        var contentType: MIMEHeaderValue
        var body: ArraySlice<UInt8>
    }

    /// Deeper nesting than this is refused: real mail nests three or four levels, and a bound keeps hostile input
    /// from exhausting the stack.
    static let maximumDepth = 32

    private(set) var plainPart: TextPart?
    private(set) var htmlPart: TextPart?
    private(set) var attachments: [MailAttachment] = []

    mutating func walk(headers: MailHeaders, body: ArraySlice<UInt8>, depth: Int = 0) throws(MailParseError) {
        let contentType = Self.contentType(headers)
        if contentType.value.hasPrefix("multipart/") {
            try walkMultipart(contentType, body: body, depth: depth)
            return
        }
        let disposition = headers.rawValue(lowercaseName: "content-disposition".utf8).map(MIMEHeaderValue.init)
        let isAttachment = disposition?.value == "attachment"
        if !isAttachment {
            if contentType.value == "text/plain" {
                if plainPart == nil { plainPart = TextPart(headers: headers, contentType: contentType, body: body) }
                return
            }
            if contentType.value == "text/html" {
                if htmlPart == nil { htmlPart = TextPart(headers: headers, contentType: contentType, body: body) }
                return
            }
        }
        let filename = disposition?.parameter("filename") ?? contentType.parameter("name")
        if isAttachment || filename != nil {
            attachments.append(MailAttachment(filename: filename, mediaType: contentType.value))
        }
    }

    private mutating func walkMultipart(
        _ contentType: MIMEHeaderValue,
        body: ArraySlice<UInt8>,
        depth: Int
    ) throws(MailParseError) {
        guard depth < Self.maximumDepth else {
            throw MailParseError("multipart parts nested deeper than \(Self.maximumDepth) levels")
        }
        guard let boundary = contentType.parameter("boundary"), !boundary.isEmpty else {
            throw MailParseError("\(contentType.value) part without a 'boundary' parameter")
        }
        guard let parts = MultipartSplitter.parts(of: body, boundary: Array(boundary.utf8)) else {
            throw MailParseError("\(contentType.value) body never uses its boundary '\(boundary)'")
        }
        for part in parts {
            let (partHeaders, bodyStart) = try MailHeaderParser.parse(part, isMessage: false)
            try walk(headers: partHeaders, body: part[bodyStart...], depth: depth + 1)
        }
    }

    /// The part's Content-Type; a missing or malformed one is `text/plain` (RFC 2045 §5.2).
    private static func contentType(_ headers: MailHeaders) -> MIMEHeaderValue {
        if let raw = headers.rawValue(lowercaseName: "content-type".utf8) {
            let parsed = MIMEHeaderValue(raw)
            if parsed.value.contains("/") { return parsed }
        }
        return MIMEHeaderValue(Array("text/plain".utf8))
    }
}
