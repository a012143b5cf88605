import Foundation

/// Reads the text form of ``WorkingHours`` character by character, keeping line and column for errors.
struct WorkingHoursParser {
    /// English day abbreviations, Monday first, as written in canonical text.
    static let dayNames = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]

    private let characters: [Character]
    private var index = 0
    private var days: [[WorkingInterval]] = Array(repeating: [], count: 7)
    /// For each weekday, the text of the group that gave it hours, to explain a day given twice.
    private var givenBy: [String?] = Array(repeating: nil, count: 7)

    init(_ text: String) {
        characters = Array(text)
    }

    /// Parses the whole text into seven sorted, disjoint lists of intervals.
    mutating func parse() throws(CalendarError) -> [[WorkingInterval]] {
        skipSpaces()
        if index == characters.count {
            throw error("no working hours given; write e.g. 'Mon-Fri 08:00-16:00'", at: index)
        }
        var previousDays: [Int] = []
        var previousText = ""
        var intervals: [(interval: WorkingInterval, at: Int)] = []
        while true {
            skipSpaces()
            let groupStart = index
            let groupDays: [Int]
            let isContinuation = peek?.isNumber ?? false
            if isContinuation {
                guard !previousDays.isEmpty else { throw error("expected a day such as 'Mon' or 'Mon-Fri'", at: index) }
                groupDays = previousDays
            } else {
                if !previousDays.isEmpty { try commit(intervals, to: previousDays, text: previousText) }
                intervals = []
                groupDays = try dayRange()
            }
            var sawInterval = false
            while true {
                skipSpaces()
                guard let character = peek, character.isNumber else { break }
                intervals.append((try interval(), groupStart))
                sawInterval = true
            }
            if !sawInterval {
                throw error(
                    "'\(text(groupStart..<index).trimmingCharacters(in: .whitespacesAndNewlines))' needs working hours, e.g. 'Mon-Fri 08:00-16:00'",
                    at: index
                )
            }
            if !isContinuation {
                previousText = text(groupStart..<index).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            previousDays = groupDays
            skipSpaces()
            guard let separator = peek else { break }
            guard separator == "," else {
                throw error("expected ',' or an interval such as '13:00-16:30', found '\(separator)'", at: index)
            }
            index += 1
        }
        try commit(intervals, to: previousDays, text: previousText)
        return days
    }

    private mutating func commit(
        _ intervals: [(interval: WorkingInterval, at: Int)],
        to groupDays: [Int],
        text groupText: String
    ) throws(CalendarError) {
        let sorted = intervals.sorted { $0.interval.start < $1.interval.start }
        var merged: [WorkingInterval] = []
        for (index, entry) in sorted.enumerated() {
            if let last = merged.last, entry.interval.start < last.end {
                let earlier = sorted[index - 1].interval
                throw error("intervals \(earlier.description) and \(entry.interval.description) overlap", at: entry.at)
            }
            if let last = merged.last, entry.interval.start == last.end {
                merged[merged.count - 1].end = entry.interval.end
            } else {
                merged.append(entry.interval)
            }
        }
        for day in groupDays {
            if let other = givenBy[day] {
                throw error(
                    "\(Self.dayNames[day]) is given twice, in '\(other)' and in '\(groupText)'",
                    at: sorted.first?.at ?? index
                )
            }
            givenBy[day] = groupText
            days[day] = merged
        }
    }

    /// `Mon`, or `Mon-Fri` (a range may wrap round the week: `Sun-Thu`).
    private mutating func dayRange() throws(CalendarError) -> [Int] {
        let first = try dayName()
        guard peek == "-" else { return [first] }
        index += 1
        let last = try dayName()
        var result = [first]
        var day = first
        while day != last {
            day = (day + 1) % 7
            result.append(day)
        }
        return result
    }

    private mutating func dayName() throws(CalendarError) -> Int {
        let start = index
        while let character = peek, character.isLetter { index += 1 }
        let word = text(start..<index)
        guard !word.isEmpty else {
            let found = peek.map { "'\($0)'" } ?? "the end"
            throw error("expected a day such as 'Mon' or 'Mon-Fri', found \(found)", at: start)
        }
        guard let day = Self.dayNames.firstIndex(where: { $0.lowercased() == word.lowercased() }) else {
            throw error("unknown day '\(word)'; days are \(Self.dayNames.joined(separator: " "))", at: start)
        }
        return day
    }

    /// `07:30-16:00`: the end after the start, within one day.
    private mutating func interval() throws(CalendarError) -> WorkingInterval {
        let start = index
        let opening = try clock()
        guard peek == "-" else { throw error("expected '-' and a closing time after \(clockText(opening))", at: index) }
        index += 1
        let closing = try clock()
        let written = text(start..<index)
        if opening == 1_440 { throw error("an interval cannot open at 24:00 ('\(written)')", at: start) }
        if closing == opening { throw error("interval '\(written)' is empty", at: start) }
        if closing < opening {
            throw error(
                "interval '\(written)' ends before it starts; intervals cannot cross midnight, so split it "
                    + "into \(clockText(opening))-24:00 and 00:00-\(clockText(closing)) on the next day",
                at: start
            )
        }
        return WorkingInterval(start: opening, end: closing)
    }

    /// `H:MM` or `HH:MM`, 00:00…24:00, as minutes after midnight.
    private mutating func clock() throws(CalendarError) -> Int {
        let start = index
        while let character = peek, character.isNumber || character == ":" { index += 1 }
        let written = text(start..<index)
        let parts = written.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
            let hours = Int(parts[0]), let minutes = Int(parts[1])
        else {
            throw error(
                "expected a time such as 07:30, found '\(written.isEmpty ? String(peek ?? " ") : written)'",
                at: start
            )
        }
        guard hours < 24 && minutes < 60 || hours == 24 && minutes == 0 else {
            throw error("'\(written)' is not a time of day (00:00 to 24:00)", at: start)
        }
        return hours * 60 + minutes
    }

    private var peek: Character? { index < characters.count ? characters[index] : nil }

    private mutating func skipSpaces() {
        while let character = peek, character.isWhitespace { index += 1 }
    }

    private func text(_ range: Range<Int>) -> String { String(characters[range]) }

    private func clockText(_ minutes: Int) -> String { WorkingInterval.clock(minutes) }

    /// An error at a character offset, as a 1-based line and column.
    private func error(_ message: String, at offset: Int) -> CalendarError {
        var line = 1
        var column = 1
        for character in characters[..<min(offset, characters.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return CalendarError(message, line: line, column: column)
    }
}
