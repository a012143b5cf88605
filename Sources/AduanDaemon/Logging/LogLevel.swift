/// Severity of a log line, with its syslog priority for journald's `<N>` prefix.
public enum LogLevel: String, Sendable, CaseIterable, Comparable {
    case debug
    case info
    case notice
    case warning
    case error

    /// The syslog(3) priority journald reads from a `<N>` prefix.
    public var syslogPriority: Int {
        switch self {
        case .debug: 7
        case .info: 6
        case .notice: 5
        case .warning: 4
        case .error: 3
        }
    }

    public static func < (lhs: LogLevel, rhs: LogLevel) -> Bool {
        lhs.syslogPriority > rhs.syslogPriority
    }
}
