extension Character {
    /// Whether the character ends a line of a text file: LF, CRLF (one `Character` in Swift) or a lone CR.
    var isLineBreak: Bool { self == "\n" || self == "\r\n" || self == "\r" }
}
