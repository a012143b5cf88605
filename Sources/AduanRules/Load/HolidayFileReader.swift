import AduanCore
import Foundation

/// Reads the holiday files that calendars name, once each, and keeps their text: it belongs to the snapshot
/// (its hash and stored sources) as much as the rules do.
///
/// A file is read once and parsed from that same text, so the hash always covers the holidays that were used.
struct HolidayFileReader {
    /// What reading one file gave.
    enum Outcome {
        /// The file's holidays.
        case holidays(HolidayCalendar)
        /// The file could not be read; nothing is kept.
        case unreadable(reason: String, help: String)
        /// The file was read (and kept, to show its lines) but is not a valid holiday file.
        case invalid(CalendarError)
    }

    /// The files read as text, in the order they were first named.
    private(set) var files: [RuleFile] = []
    private var outcomes: [String: Outcome] = [:]

    /// The outcome for `path`, and whether this is the first time it was asked for (to report a problem once).
    mutating func read(_ path: String) -> (outcome: Outcome, isFirstRead: Bool) {
        if let outcome = outcomes[path] { return (outcome, false) }
        let outcome = load(path)
        outcomes[path] = outcome
        return (outcome, true)
    }

    private mutating func load(_ path: String) -> Outcome {
        let lowercased = path.lowercased()
        let isICS = lowercased.hasSuffix(".ics")
        guard isICS || lowercased.hasSuffix(".txt") else {
            return .unreadable(
                reason: "unknown file type",
                help: "holidays are an .ics (iCalendar) or .txt (dated list) file"
            )
        }
        let text: String
        switch RuleDataFile.text(at: path, expected: ".ics or .txt") {
        case .success(let read): text = read
        case .failure(let problem): return .unreadable(reason: problem.reason, help: problem.help)
        }
        files.append(RuleFile(path: path, text: text))
        // Calendars exported on Windows often start with a byte order mark.
        let content = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        do throws(CalendarError) {
            return .holidays(isICS ? try HolidayCalendar.parseICS(content) : try HolidayCalendar.parseList(content))
        } catch {
            return .invalid(error)
        }
    }
}
