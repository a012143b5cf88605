import Foundation

/// A time zone's UTC offsets, with a fast path for the instants after its last transition.
///
/// `TimeZone.secondsFromGMT(for:)` costs far more than the rest of a deadline computation, and zones such as
/// Asia/Jakarta have not changed offset since 1964; so the offset after the last known transition is kept, and
/// the zone is asked only about earlier instants or when it has transitions without end (DST zones).
struct ZoneOffsets: Sendable, Hashable {
    let timeZone: TimeZone
    /// The offset in force from ``fixedSince`` on, or `nil` when the zone keeps changing offset.
    let fixedOffset: Int?
    /// The UTC second from which ``fixedOffset`` holds.
    let fixedSince: Int
    /// The first local day that lies wholly after ``fixedSince``.
    let fixedFromDay: Int

    /// Transitions searched for before deciding that a zone never settles (about two centuries of DST).
    private static let transitionSearchLimit = 400
    /// The search for transitions starts here (2000-01-01T00:00:00Z); earlier instants always ask the zone.
    private static let searchStart = 946_684_800

    init(_ timeZone: TimeZone) {
        self.timeZone = timeZone
        var last = Date(timeIntervalSince1970: Double(Self.searchStart))
        var transitions = 0
        while transitions < Self.transitionSearchLimit,
            let next = timeZone.nextDaylightSavingTimeTransition(after: last)
        {
            last = next
            transitions += 1
        }
        if transitions < Self.transitionSearchLimit {
            let offset = timeZone.secondsFromGMT(for: last)
            let since = Int(last.timeIntervalSince1970.rounded(.up))
            fixedOffset = offset
            fixedSince = since
            fixedFromDay = floorDivide(since + offset, 86_400) + 1
        } else {
            fixedOffset = nil
            fixedSince = Int.max
            fixedFromDay = Int.max
        }
    }

    /// The offset from UTC, in seconds, at a UTC second.
    @inline(__always)
    func offset(at second: Int) -> Int {
        if let fixedOffset, second >= fixedSince { return fixedOffset }
        return timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(second)))
    }

    /// The local day (days since 1970-01-01 in this zone) of a UTC second.
    @inline(__always)
    func localDay(of second: Int) -> Int {
        floorDivide(second + offset(at: second), 86_400)
    }

    /// The UTC second of a local wall-clock second (seconds since 1970-01-01 local).
    ///
    /// A wall time that happens twice (clocks set back) is its earlier instant; one that never happens (clocks
    /// set forward) moves forward by the gap, as `java.time` does.
    @inline(__always)
    func instant(local: Int) -> Int {
        if let fixedOffset, local >= fixedFromDay * 86_400 { return local - fixedOffset }
        return resolve(local: local)
    }

    /// The UTC second of a wall-clock time on a local day.
    @inline(__always)
    func instant(day: Int, second: Int) -> Int {
        instant(local: day * 86_400 + second)
    }

    private func resolve(local: Int) -> Int {
        let before = offset(at: local - 86_400)
        let after = offset(at: local + 86_400)
        if before == after { return local - before }
        let earlier = local - before
        let later = local - after
        let earlierHolds = offset(at: earlier) == before
        let laterHolds = offset(at: later) == after
        switch (earlierHolds, laterHolds) {
        case (true, true): return min(earlier, later)
        case (true, false): return earlier
        case (false, true): return later
        case (false, false): return earlier
        }
    }
}

/// Integer division rounding towards negative infinity.
@inline(__always)
func floorDivide(_ dividend: Int, _ divisor: Int) -> Int {
    let quotient = dividend / divisor
    return dividend % divisor < 0 ? quotient - 1 : quotient
}
