import AduanCore
import Foundation
import Glibc

/// Writes one line per event to stderr: `<6>intake stored count=12 source=spool` under systemd
/// (journald reads the priority prefix), `2026-03-17T03:00:00Z info intake stored …` elsewhere. Personal data is
/// masked on the way out (``PersonalDataMask``), should a message or value carry any.
public struct Logger: Sendable {
    /// Lines below this level are dropped.
    public let minimumLevel: LogLevel
    /// Whether to prefix lines with `<N>` instead of a timestamp and level.
    public let usesSyslogPrefix: Bool

    /// Creates a logger; `usesSyslogPrefix` (default: whether stderr goes to the journal) picks the line format.
    public init(minimumLevel: LogLevel, usesSyslogPrefix: Bool? = nil) {
        self.minimumLevel = minimumLevel
        self.usesSyslogPrefix = usesSyslogPrefix ?? (ProcessInfo.processInfo.environment["JOURNAL_STREAM"] != nil)
    }

    /// Logs `message` with `key=value` metadata when `level` is at or above the minimum.
    public func log(
        _ level: LogLevel,
        _ message: @autoclosure () -> String,
        _ metadata: KeyValuePairs<String, String> = [:]
    ) {
        guard level >= minimumLevel else { return }
        var line = usesSyslogPrefix ? "<\(level.syslogPriority)>" : "\(RFC3339.format(Date())) \(level.rawValue) "
        line += PersonalDataMask.scrub(message())
        for (key, value) in metadata {
            line += " \(key)=\(Self.quoted(Self.masked(value, key: key)))"
        }
        line += "\n"
        // One write(2) per line keeps lines from concurrent threads whole.
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { Glibc.write(STDERR_FILENO, $0.baseAddress, $0.count) }
    }

    /// Logs at `debug`.
    public func debug(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.debug, message(), metadata)
    }

    /// Logs at `info`.
    public func info(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.info, message(), metadata)
    }

    /// Logs at `notice`.
    public func notice(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.notice, message(), metadata)
    }

    /// Logs at `warning`.
    public func warning(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.warning, message(), metadata)
    }

    /// Logs at `error`.
    public func error(_ message: @autoclosure () -> String, _ metadata: KeyValuePairs<String, String> = [:]) {
        log(.error, message(), metadata)
    }

    /// Values under a personal key are masked whole; any other value is scrubbed of what looks personal.
    private static func masked(_ value: String, key: String) -> String {
        switch key {
        case "name", "reporter", "reporter_name": PersonalDataMask.name(value)
        case "contact", "reporter_contact", "phone", "email": PersonalDataMask.contact(value)
        case "nik": PersonalDataMask.nik(value)
        default: PersonalDataMask.scrub(value)
        }
    }

    private static func quoted(_ value: String) -> String {
        if !value.isEmpty, !value.contains(where: { $0 == " " || $0 == "\"" || $0 == "=" || $0.isNewline }) {
            return value
        }
        let escaped = value.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
        return "\"\(escaped)\""
    }
}
