/// Turns complaint text (and rule phrases) into normalised words: lowercase, Unicode NFKC, split on everything that
/// is not a letter or digit, Indonesian abbreviations expanded.
///
/// ASCII text is folded on its UTF-8 bytes without creating a `String` per word; only a run of text that contains
/// non-ASCII characters goes through Foundation's NFKC mapping. Words are handed out as borrowed UTF-8 buffers so
/// that callers can look them up in a ``WordTable`` without allocating.
public struct TextNormalizer: Sendable {
    /// The abbreviations expanded word by word after folding.
    public let abbreviations: AbbreviationTable

    /// Creates a normaliser that expands the given abbreviations (by default the built-in Indonesian ones).
    public init(abbreviations: AbbreviationTable = .indonesian) {
        self.abbreviations = abbreviations
    }

    /// The normalised words of `text`, abbreviations expanded.
    public func words(in text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each normalised word of `text` in order, abbreviations expanded.
    ///
    /// The buffer is only valid during the call.
    public func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        Self.forEachFoldedWord(in: text) { word in
            if let expansion = abbreviations.expansion(of: word) {
                for expandedWord in expansion {
                    expandedWord.withUnsafeBufferPointer(body)
                }
            } else {
                body(word)
            }
        }
    }

    /// Calls `body` with each folded word of `text` (lowercase, NFKC, split) without expanding abbreviations.
    ///
    /// Callers that precompute what every abbreviation stands for (the rule compiler does) use this to look each
    /// word up once. The buffer is only valid during the call.
    public static func forEachFoldedWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = text
        text.withUTF8 { input in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: max(input.count, 1)) { folded in
                foldASCII(input, into: folded, body)
            }
        }
    }

    /// Folds ASCII bytes in place into `folded` (same offsets as `input`); hands each run of text between ASCII
    /// separators that contains a non-ASCII byte to the Unicode path, since NFKC may join or split characters
    /// anywhere inside such a run but never across an ASCII separator.
    private static func foldASCII(
        _ input: UnsafeBufferPointer<UInt8>,
        into folded: UnsafeMutableBufferPointer<UInt8>,
        _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var index = 0
        var wordStart = 0
        while index < input.count {
            let byte = input[index]
            if byte >= 0x80 {
                var runEnd = index + 1
                while runEnd < input.count && !isASCIISeparator(input[runEnd]) {
                    runEnd += 1
                }
                UnicodeWordFolding.forEachWord(in: UnsafeBufferPointer(rebasing: input[wordStart..<runEnd]), body)
                index = runEnd
                wordStart = runEnd
            } else if byte &- 0x61 < 26 || byte &- 0x30 < 10 {
                folded[index] = byte
                index += 1
            } else if byte &- 0x41 < 26 {
                folded[index] = byte | 0x20
                index += 1
            } else {
                if index > wordStart {
                    body(UnsafeBufferPointer(rebasing: folded[wordStart..<index]))
                }
                index += 1
                wordStart = index
            }
        }
        if index > wordStart {
            body(UnsafeBufferPointer(rebasing: folded[wordStart..<index]))
        }
    }

    private static func isASCIISeparator(_ byte: UInt8) -> Bool {
        byte < 0x80 && !(byte &- 0x61 < 26 || byte &- 0x41 < 26 || byte &- 0x30 < 10)
    }
}
