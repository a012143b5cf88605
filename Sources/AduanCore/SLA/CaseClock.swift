public import Foundation

/// One SLA clock of a case: when it started, its budget, when it is due, and whether it is paused, stopped or
/// breached.
///
/// A clock counts its budget from its anchor: the start, or the last resume. Pausing keeps the working time still
/// left; resuming adds exactly that back from the moment of resumption (DESIGN.md "SLA semantics"), so time on hold
/// is never lost and never counted.
public struct CaseClock: Sendable, Hashable, Codable {
    /// Which clock.
    public var kind: ClockKind
    /// Its budget, e.g. 5 working days.
    public var budget: WorkingDuration
    /// When it first started.
    public var startedAt: Date
    /// When it last (re)started counting: the start, or the last resume.
    public var anchorAt: Date
    /// Working seconds (wall seconds for wall-clock budgets) left at the last resume; `nil` means the whole budget.
    public var anchorRemaining: Int?
    /// When it is due; `nil` while paused.
    public var dueAt: Date?
    /// When it was paused, while it is.
    public var pausedAt: Date?
    /// When it stopped because its work was done (or the case closed).
    public var stoppedAt: Date?
    /// When it went past its deadline.
    public var breachedAt: Date?

    /// Creates a clock with every field given (for the store).
    public init(
        kind: ClockKind,
        budget: WorkingDuration,
        startedAt: Date,
        anchorAt: Date,
        anchorRemaining: Int?,
        dueAt: Date?,
        pausedAt: Date?,
        stoppedAt: Date?,
        breachedAt: Date?
    ) {
        self.kind = kind
        self.budget = budget
        self.startedAt = startedAt
        self.anchorAt = anchorAt
        self.anchorRemaining = anchorRemaining
        self.dueAt = dueAt
        self.pausedAt = pausedAt
        self.stoppedAt = stoppedAt
        self.breachedAt = breachedAt
    }

    private enum CodingKeys: String, CodingKey {
        case kind
        case budget
        case startedAt = "started_at"
        case anchorAt = "anchor_at"
        case anchorRemaining = "anchor_remaining_s"
        case dueAt = "due_at"
        case pausedAt = "paused_at"
        case stoppedAt = "stopped_at"
        case breachedAt = "breached_at"
    }

    /// Starts a clock at `start` with its due time computed on `calendar`.
    public static func start(
        _ kind: ClockKind,
        budget: WorkingDuration,
        at start: Date,
        calendar: WorkingCalendar
    ) -> CaseClock {
        var clock = CaseClock(
            kind: kind,
            budget: budget,
            startedAt: start,
            anchorAt: start,
            anchorRemaining: nil,
            dueAt: nil,
            pausedAt: nil,
            stoppedAt: nil,
            breachedAt: nil
        )
        clock.dueAt = clock.computeDue(on: calendar)
        return clock
    }

    /// Whether the clock is counting: started, not paused, not stopped.
    public var isRunning: Bool { stoppedAt == nil && pausedAt == nil }

    /// Whether the clock still matters: not stopped (it may be paused).
    public var isActive: Bool { stoppedAt == nil }

    private var countsWorkingTime: Bool { budget.unit == .workingDays || budget.unit == .workingHours }

    /// The due time from the anchor on `calendar` (recomputed when rules or calendars change).
    public func computeDue(on calendar: WorkingCalendar) -> Date {
        guard let remaining = anchorRemaining else { return budget.deadline(from: anchorAt, in: calendar) }
        return countsWorkingTime
            ? calendar.adding(workingSeconds: remaining, to: anchorAt)
            : anchorAt.addingTimeInterval(TimeInterval(remaining))
    }

    /// Time still left at `now`: working seconds for working budgets, wall seconds otherwise; negative when late.
    public func remaining(at now: Date, on calendar: WorkingCalendar) -> Int {
        if pausedAt != nil { return anchorRemaining ?? 0 }
        guard let dueAt else { return 0 }
        guard countsWorkingTime else { return Int(dueAt.timeIntervalSince(now).rounded(.down)) }
        return now <= dueAt
            ? calendar.workingSeconds(from: now, to: dueAt) : -calendar.workingSeconds(from: dueAt, to: now)
    }

    /// Pauses a running clock, keeping the time still left.
    public mutating func pause(at now: Date, on calendar: WorkingCalendar) {
        guard isRunning else { return }
        anchorRemaining = max(0, remaining(at: now, on: calendar))
        pausedAt = now
        dueAt = nil
    }

    /// Resumes a paused clock: the time that was left counts again from `now`.
    public mutating func resume(at now: Date, on calendar: WorkingCalendar) {
        guard pausedAt != nil, stoppedAt == nil else { return }
        pausedAt = nil
        anchorAt = now
        dueAt = computeDue(on: calendar)
    }

    /// Stops the clock for good.
    public mutating func stop(at now: Date) {
        guard stoppedAt == nil else { return }
        stoppedAt = now
    }
}
