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

    private var cache = DataFileCache<Outcome>()

    /// The files read as text, in the order they were first named.
    var files: [RuleFile] { cache.files }

    /// The outcome for `path`, and whether this is the first time it was asked for (to report a problem once).
    mutating func read(_ path: String) -> (outcome: Outcome, isFirstRead: Bool) {
        cache.read(path, load: Self.load)
    }

    private static func load(_ path: String) -> (outcome: Outcome, file: RuleFile?) {
        let lowercased = path.lowercased()
        let isICS = lowercased.hasSuffix(".ics")
        guard isICS || lowercased.hasSuffix(".txt") else {
            let help = "holidays are an .ics (iCalendar) or .txt (dated list) file"
            return (.unreadable(reason: "unknown file type", help: help), nil)
        }
        let text: String
        switch RuleDataFile.text(at: path, expected: ".ics or .txt") {
        case .success(let read): text = read
        case .failure(let problem): return (.unreadable(reason: problem.reason, help: problem.help), nil)
        }
        let file = RuleFile(path: path, text: text)
        // Calendars exported on Windows often start with a byte order mark.
        let content = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        do throws(CalendarError) {
            return (
                .holidays(isICS ? try HolidayCalendar.parseICS(content) : try HolidayCalendar.parseList(content)), file
            )
        } catch {
            return (.invalid(error), file)
        }
    }
}
