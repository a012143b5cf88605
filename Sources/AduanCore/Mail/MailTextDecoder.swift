/// Turns the chosen text part into UTF-8 text: undoes its transfer encoding, converts its charset, and reduces
/// HTML to text.
enum MailTextDecoder {
    /// The part's text with LF line ends.
    ///
    /// - Throws: ``MailParseError`` when the charset is not supported and the text has 8-bit bytes; a declared
    ///   but unknown charset over plain ASCII text is harmless and accepted. Guessing (say, reading KOI8-R as
    ///   Latin-1) would route a garbled complaint, so the mail goes to the quarantine with the charset's name.
    static func text(of part: MIMEPartWalker.TextPart, isHTML: Bool) throws(MailParseError) -> String {
        let encoding = part.headers.rawValue(lowercaseName: "content-transfer-encoding".utf8).map {
            MailBytes.lowercasedString(MailBytes.trimmed($0[...]))
        }
        let decoded: [UInt8] =
            switch encoding {
            case "quoted-printable": QuotedPrintableDecoder.decodeBody(part.body)
            case "base64": Base64Decoder.decode(part.body)
            default: Array(part.body)  // 7bit, 8bit, binary, and unknown encodings read as they are
            }
        var charset = MailCharset.utf8
        if let name = part.contentType.parameter("charset"), !name.isEmpty {
            if let known = MailCharset(name: name.utf8) {
                charset = known
            } else if decoded.contains(where: { $0 >= 0x80 }) {
                throw MailParseError(
                    "unsupported charset '\(name)' in the \(part.contentType.value) part"
                        + " (supported: UTF-8, US-ASCII, ISO-8859-1, ISO-8859-15, Windows-1252)"
                )
            }
        }
        let utf8 = charset.utf8Bytes(decoded)
        let text = isHTML ? HTMLTextExtractor.text(utf8) : MailBytes.normalizedLineEnds(utf8)
        return String(decoding: text, as: UTF8.self)
    }
}
