extension StringProtocol {
    /// The text with control characters and line or paragraph separators written as Swift escapes (`\r`, `\u{0B}`),
    /// so that an error quoting its input stays one readable line (a quarantine `.reason` file, an `error:` line).
    public var escapingControlCharacters: String {
        // Most messages are plain text: keep them as they are without walking the scalars.
        if utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x7F && $0 < 0x80 }) { return String(self) }
        var escaped = ""
        for scalar in unicodeScalars {
            switch scalar.properties.generalCategory {
            case .control, .lineSeparator, .paragraphSeparator: escaped += scalar.escaped(asASCII: true)
            default: escaped.unicodeScalars.append(scalar)
            }
        }
        return escaped
    }
}
