import AduanCore
import Foundation

extension RuleChecker {
    private static let calendarExample = "calendar \"default\" { timezone = \"Asia/Jakarta\" }"
    private static let hoursExample = "hours = \"Mon-Thu 07:30-16:00, Fri 07:30-11:30 13:00-16:30\""

    /// Checks every `calendar` block and picks the snapshot's: the one named `default`, else the first; with none,
    /// Indonesian government hours in Asia/Jakarta without holidays. `nil` when the chosen one has errors.
    mutating func checkCalendars(_ blocks: [SyntaxBlock]) -> WorkingCalendar? {
        var declared: [String: SourceLocation] = [:]
        var calendars: [(name: String, block: SyntaxBlock, calendar: WorkingCalendar?)] = []
        for block in blocks {
            let name = label(of: block, example: Self.calendarExample)
            let calendar = checkCalendar(block)
            guard let name else { continue }
            if let first = declared[name] {
                diagnostics.append(
                    .error(
                        "calendar '\(name)' is declared twice",
                        at: block.location,
                        help: "first declared at \(first)"
                    )
                )
                continue
            }
            declared[name] = block.location
            calendars.append((name, block, calendar))
        }
        guard
            let chosen = calendars.first(where: { $0.name == RuleVocabulary.defaultCalendar }) ?? calendars.first
        else {
            return blocks.isEmpty ? .indonesia(holidays: HolidayCalendar()) : nil
        }
        for other in calendars where other.name != chosen.name {
            diagnostics.append(
                .warning(
                    "calendar '\(other.name)' is declared but only the snapshot calendar ('\(chosen.name)') is used",
                    at: other.block.location,
                    help: "remove it; the snapshot uses the calendar named 'default', else the first one"
                )
            )
        }
        return chosen.calendar
    }

    /// Checks `calendar "name" { timezone, hours, holidays }`, reading its holiday files; `nil` after an error.
    private mutating func checkCalendar(_ block: SyntaxBlock) -> WorkingCalendar? {
        let attributes = attributes(of: block, allowed: RuleVocabulary.calendarKeys)
        let defaults = WorkingCalendar.indonesia(holidays: HolidayCalendar())
        let timeZone = attributes["timezone"].map { self.timeZone($0) } ?? defaults.timeZone
        let hours = attributes["hours"].map { self.hours($0) } ?? defaults.hours
        let holidays = attributes["holidays"].map { self.holidays($0, of: block) } ?? HolidayCalendar()
        guard let timeZone, let hours, let holidays else { return nil }
        return WorkingCalendar(timeZone: timeZone, hours: hours, holidays: holidays)
    }

    private mutating func timeZone(_ attribute: SyntaxAttribute) -> TimeZone? {
        guard let identifier = string(attribute) else { return nil }
        if let zone = TimeZone(identifier: identifier) { return zone }
        let indonesian = RuleVocabulary.indonesianTimeZones
        let help: String
        if indonesian.contains(identifier) {
            help = "the time zone database is missing on this machine; install tzdata"
        } else if let index = ["WIB", "WITA", "WIT"].firstIndex(of: identifier.uppercased()) {
            help = "write the IANA name: \"\(indonesian[index])\""
        } else if let known = TimeZone.knownTimeZoneIdentifiers.first(where: {
            $0.lowercased() == identifier.lowercased()
        }) {
            help = "did you mean '\(known)'?"
        } else {
            help =
                Suggestion.didYouMean(identifier, among: indonesian + TimeZone.knownTimeZoneIdentifiers)
                ?? "Indonesia's zones are Asia/Jakarta (WIB), Asia/Makassar (WITA) and Asia/Jayapura (WIT)"
        }
        diagnostics.append(.error("unknown time zone \"\(identifier)\"", at: attribute.valueLocation, help: help))
        return nil
    }

    private mutating func hours(_ attribute: SyntaxAttribute) -> WorkingHours? {
        guard let text = string(attribute) else { return nil }
        do throws(CalendarError) {
            return try WorkingHours.parse(text)
        } catch {
            diagnostics.append(
                .error(
                    "invalid hours: \(error.message)",
                    at: location(inside: attribute.value, text: text, line: error.line, column: error.column),
                    help: "write e.g. '\(Self.hoursExample)'"
                )
            )
            return nil
        }
    }

    /// Where a position inside a string's text is in its file: exact when the string is written without escapes
    /// (then its characters are the file's), else the string's opening quote.
    private func location(inside value: SyntaxValue, text: String, line: Int?, column: Int?) -> SourceLocation {
        let start = value.location
        guard line == 1, let column, let source = sources[start.path] else { return start }
        let lines = DiagnosticRenderer.sourceLines(source)
        guard start.line <= lines.count, lines[start.line - 1].dropFirst(start.column - 1).hasPrefix("\"\(text)\"")
        else { return start }
        return SourceLocation(path: start.path, line: start.line, column: start.column + column)
    }

    /// `holidays = file("…")` or `holidays = [file("…"), …]`: the holidays of every file, merged.
    private mutating func holidays(_ attribute: SyntaxAttribute, of block: SyntaxBlock) -> HolidayCalendar? {
        let calls: [SyntaxValue]
        switch attribute.value.kind {
        case .invalid:
            return nil
        case .call:
            calls = [attribute.value]
        case .list(let items):
            calls = items
        default:
            diagnostics.append(
                .error(
                    "'holidays' must be file(\"…\") or a list of them, found \(attribute.value.kindDescription)",
                    at: attribute.valueLocation,
                    help: "write 'holidays = file(\"\(attribute.value.string ?? "libur.ics")\")'"
                )
            )
            return nil
        }
        var holidays = HolidayCalendar()
        var isValid = true
        for call in calls {
            if let path = holidayPath(call), let loaded = loadHolidays(path, referencedAt: call.location, by: block) {
                holidays = holidays.merging(loaded)
            } else {
                isValid = false
            }
        }
        return isValid ? holidays : nil
    }

    /// The path of `file("…")`, relative to the folder of the rules file it is written in.
    private mutating func holidayPath(_ value: SyntaxValue) -> String? {
        guard case .call(let name, let arguments) = value.kind, name == "file" else {
            let found = value.kindDescription
            diagnostics.append(
                .error(
                    "holidays are read with file(\"…\"), found \(found)",
                    at: value.location,
                    help: value.string.map { "write file(\"\($0)\")" } ?? "write file(\"libur.ics\")"
                )
            )
            return nil
        }
        guard arguments.count == 1, let path = arguments[0].string, !path.isEmpty else {
            diagnostics.append(
                .error(
                    "file(…) takes one quoted path",
                    at: value.location,
                    help: "write file(\"../seeds/holidays/indonesia-2025-2027.ics\")"
                )
            )
            return nil
        }
        return Self.dataFilePath(path, namedAt: value.location)
    }

    /// The holidays of one file; reports a file that cannot be read where it is named, and a bad line in the
    /// holiday file itself (once, however many calendars name the file).
    private mutating func loadHolidays(
        _ path: String,
        referencedAt reference: SourceLocation,
        by block: SyntaxBlock
    ) -> HolidayCalendar? {
        let (outcome, isFirstRead) = holidayFiles.read(path)
        switch outcome {
        case .holidays(let holidays):
            return holidays
        case .unreadable(let reason, let help):
            diagnostics.append(.error("cannot read holiday file '\(path)': \(reason)", at: reference, help: help))
        case .invalid(let error):
            if let line = error.line {
                guard isFirstRead else { return nil }
                diagnostics.append(
                    .error(
                        error.message,
                        at: SourceLocation(path: path, line: line, column: error.column ?? 1),
                        help: "read for \(describe(block)) at \(reference)"
                    )
                )
            } else {
                diagnostics.append(.error("holiday file '\(path)': \(error.message)", at: reference))
            }
        }
        return nil
    }
}
