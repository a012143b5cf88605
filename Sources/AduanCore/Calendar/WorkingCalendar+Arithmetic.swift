/// The arithmetic of ``WorkingCalendar`` on whole UTC seconds and local day numbers.
extension WorkingCalendar {
    /// Whether a local day has working hours and is not a holiday.
    @inline(__always)
    func isWorkingDay(_ day: Int) -> Bool {
        hours.daySeconds[CivilDate.weekday(ofDayNumber: day) - 1] > 0 && holidays.names[day] == nil
    }

    /// The first working day after `day`.
    @inline(__always)
    func workingDay(after day: Int) -> Int {
        var next = day + 1
        while !isWorkingDay(next) { next += 1 }
        return next
    }

    /// The first working day before `day`.
    @inline(__always)
    func workingDay(before day: Int) -> Int {
        var previous = day - 1
        while !isWorkingDay(previous) { previous -= 1 }
        return previous
    }

    /// The intervals of a weekday by local day number.
    @inline(__always)
    func intervals(ofDay day: Int) -> [WorkingInterval] {
        hours.days[CivilDate.weekday(ofDayNumber: day) - 1]
    }

    /// The UTC second of a working day's last closing time.
    @inline(__always)
    func closingSecond(ofDay day: Int) -> Int {
        zone.instant(day: day, second: intervals(ofDay: day).last?.endSecond ?? 0)
    }

    /// The first working second at or after `second`.
    func openingSecond(atOrAfter second: Int) -> Int {
        var day = zone.localDay(of: second)
        while true {
            if isWorkingDay(day) {
                for interval in intervals(ofDay: day) where zone.instant(day: day, second: interval.endSecond) > second
                {
                    return max(zone.instant(day: day, second: interval.startSecond), second)
                }
            }
            day += 1
        }
    }

    /// `start` plus `amount` (> 0) seconds of working time.
    func secondAdding(_ amount: Int, to start: Int) -> Int {
        var remaining = amount
        var day = zone.localDay(of: start)
        if isWorkingDay(day) {
            for interval in intervals(ofDay: day) {
                let closing = zone.instant(day: day, second: interval.endSecond)
                guard closing > start else { continue }
                let from = max(zone.instant(day: day, second: interval.startSecond), start)
                if remaining <= closing - from { return from + remaining }
                remaining -= closing - from
            }
        }
        day += 1
        if day >= zone.fixedFromDay {
            // Whole weeks at once: a week holds weekSeconds less its holidays' hours; keep at least one second to
            // place within a day, so that a deadline on a closing time stays on it.
            while true {
                let weeks = (remaining - 1) / hours.weekSeconds
                guard weeks > 0 else { break }
                remaining -= weeks * hours.weekSeconds - holidaySeconds(from: day, to: day + weeks * 7)
                day += weeks * 7
            }
        }
        while true {
            if isWorkingDay(day) {
                for interval in intervals(ofDay: day) {
                    let opening = zone.instant(day: day, second: interval.startSecond)
                    let length = zone.instant(day: day, second: interval.endSecond) - opening
                    if remaining <= length { return opening + remaining }
                    remaining -= length
                }
            }
            day += 1
        }
    }

    /// `end` minus `amount` (> 0) seconds of working time: the latest second with that much working time
    /// until `end`, so a result on an opening time stays on it.
    func secondSubtracting(_ amount: Int, from end: Int) -> Int {
        var remaining = amount
        var day = zone.localDay(of: end)
        if isWorkingDay(day) {
            for interval in intervals(ofDay: day).reversed() {
                let opening = zone.instant(day: day, second: interval.startSecond)
                guard opening < end else { continue }
                let to = min(zone.instant(day: day, second: interval.endSecond), end)
                if remaining <= to - opening { return to - remaining }
                remaining -= to - opening
            }
        }
        day -= 1
        while true {
            let weeks = (remaining - 1) / hours.weekSeconds
            guard weeks > 0, day - weeks * 7 + 1 >= zone.fixedFromDay else { break }
            remaining -= weeks * hours.weekSeconds - holidaySeconds(from: day - weeks * 7 + 1, to: day + 1)
            day -= weeks * 7
        }
        while true {
            if isWorkingDay(day) {
                for interval in intervals(ofDay: day).reversed() {
                    let closing = zone.instant(day: day, second: interval.endSecond)
                    let length = closing - zone.instant(day: day, second: interval.startSecond)
                    if remaining <= length { return closing - remaining }
                    remaining -= length
                }
            }
            day -= 1
        }
    }

    /// Working seconds in `[start, end)`.
    func workingSecondsBetween(_ start: Int, _ end: Int) -> Int {
        guard end > start else { return 0 }
        let firstDay = zone.localDay(of: start)
        let lastDay = zone.localDay(of: end)
        var total = clippedSeconds(ofDay: firstDay, from: start, to: end)
        guard lastDay > firstDay else { return total }
        total += clippedSeconds(ofDay: lastDay, from: start, to: end)
        var day = firstDay + 1
        if day >= zone.fixedFromDay {
            let weeks = (lastDay - day) / 7
            total += weeks * hours.weekSeconds - holidaySeconds(from: day, to: day + weeks * 7)
            day += weeks * 7
        }
        while day < lastDay {
            if isWorkingDay(day) {
                for interval in intervals(ofDay: day) {
                    total +=
                        zone.instant(day: day, second: interval.endSecond)
                        - zone.instant(day: day, second: interval.startSecond)
                }
            }
            day += 1
        }
        return total
    }

    /// Working seconds of one local day that fall in `[start, end)`.
    private func clippedSeconds(ofDay day: Int, from start: Int, to end: Int) -> Int {
        guard isWorkingDay(day) else { return 0 }
        var total = 0
        for interval in intervals(ofDay: day) {
            let from = max(zone.instant(day: day, second: interval.startSecond), start)
            let to = min(zone.instant(day: day, second: interval.endSecond), end)
            total += max(0, to - from)
        }
        return total
    }

    /// The working hours, in seconds, that holidays take away from the local days `[first, last)`.
    ///
    /// Only valid where the zone's offset is fixed, since it counts wall-clock lengths.
    private func holidaySeconds(from first: Int, to last: Int) -> Int {
        var low = 0
        var high = holidays.sortedDays.count
        while low < high {
            let middle = (low + high) / 2
            if holidays.sortedDays[middle] < first { low = middle + 1 } else { high = middle }
        }
        var total = 0
        while low < holidays.sortedDays.count, holidays.sortedDays[low] < last {
            total += hours.daySeconds[CivilDate.weekday(ofDayNumber: holidays.sortedDays[low]) - 1]
            low += 1
        }
        return total
    }
}
