public import Foundation

extension WorkingCalendar {
    /// The latest instant with `workingSeconds` of working time from it until `anchor`.
    ///
    /// The mirror of ``adding(workingSeconds:to:)``: counting back starts at `anchor`, or at the previous
    /// closing when `anchor` is outside working time; a result that lands exactly on an opening time is that
    /// opening time, not the previous closing. Zero is `anchor` itself; a negative amount counts forwards.
    public func subtracting(workingSeconds: Int, from anchor: Date) -> Date {
        if workingSeconds < 0 { return adding(workingSeconds: -workingSeconds, to: anchor) }
        if workingSeconds == 0 { return anchor }
        return Self.date(secondSubtracting(workingSeconds, from: Self.second(of: anchor)))
    }

    /// The same place in the working day, `workingDays` working days before `anchor`.
    ///
    /// The anchor's place is its wall-clock time on its working day; outside working time, the closing just
    /// before it (Saturday 10:00 is Friday's closing, Friday 12:00 in the break is 11:30). The result is on
    /// the `workingDays`-th working day before that day: at its last closing when the place is the last
    /// closing of its day (a deadline from ``adding(workingDays:to:)`` maps to the end of an earlier working
    /// day however long either day is), else at the same wall-clock time, moved back to the target day's
    /// preceding closing when that time is in a break or after hours, or forward to its opening when before.
    /// Zero is `anchor` itself; a negative amount counts forwards as ``adding(workingDays:to:)`` does.
    public func subtracting(workingDays: Int, from anchor: Date) -> Date {
        if workingDays < 0 { return adding(workingDays: -workingDays, to: anchor) }
        if workingDays == 0 { return anchor }
        let place = workingPlace(atOrBefore: Self.second(of: anchor))
        var target = place.day
        for _ in 0..<workingDays { target = workingDay(before: target) }
        if place.isDayEnd { return Self.date(closingSecond(ofDay: target)) }
        let intervals = intervals(ofDay: target)
        var wallSecond = intervals[0].startSecond
        for interval in intervals where interval.startSecond <= place.wallSecond {
            wallSecond = min(place.wallSecond, interval.endSecond)
        }
        return Self.date(zone.instant(day: target, second: wallSecond))
    }

    /// `start` moved by whole calendar days at the same wall-clock time in the calendar's zone.
    func adding(calendarDays: Int, to start: Date) -> Date {
        let second = Self.second(of: start)
        let moved = zone.instant(local: second + zone.offset(at: second) + calendarDays * 86_400)
        return start.addingTimeInterval(Double(moved - second))
    }

    /// The working day and wall-clock second of the latest working instant or closing at or before `second`.
    private func workingPlace(atOrBefore second: Int) -> (day: Int, wallSecond: Int, isDayEnd: Bool) {
        var day = zone.localDay(of: second)
        while true {
            if isWorkingDay(day) {
                let intervals = intervals(ofDay: day)
                for (index, interval) in intervals.enumerated().reversed() {
                    let opening = zone.instant(day: day, second: interval.startSecond)
                    guard opening <= second else { continue }
                    if second >= zone.instant(day: day, second: interval.endSecond) {
                        return (day, interval.endSecond, index == intervals.count - 1)
                    }
                    return (day, interval.startSecond + second - opening, false)
                }
            }
            day -= 1
        }
    }
}
