import AduanCore

/// An error or warning about a source file, with its position and, when there is one, a suggested fix.
public struct Diagnostic: Sendable, Hashable {
    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The file cannot be used; a reload is refused.
        case error
        /// The file can be used but probably does not say what was meant.
        case warning
    }

    /// Error or warning.
    public var severity: Severity
    /// Where the problem is.
    public var location: SourceLocation
    /// One line saying what is wrong.
    public var message: String
    /// A suggested fix (`did you mean 'route'?`), if any.
    public var help: String?

    /// Creates a diagnostic; control characters of quoted names and text (a `\r` escape in a label) are escaped so
    /// that the message and the help stay one line each.
    public init(severity: Severity, location: SourceLocation, message: String, help: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message.escapingControlCharacters
        self.help = help?.escapingControlCharacters
    }

    /// An error at `location`.
    public static func error(_ message: String, at location: SourceLocation, help: String? = nil) -> Diagnostic {
        Diagnostic(severity: .error, location: location, message: message, help: help)
    }

    /// A warning at `location`.
    public static func warning(_ message: String, at location: SourceLocation, help: String? = nil) -> Diagnostic {
        Diagnostic(severity: .warning, location: location, message: message, help: help)
    }

    /// Whether this is an error.
    public var isError: Bool { severity == .error }
}
