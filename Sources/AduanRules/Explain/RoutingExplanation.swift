public import AduanCore
public import Foundation

/// How the rules route one complaint, step by step: its normalised words, each route tried in order and why it
/// held or not, the winner, the priority and the block that chose it, and the deadlines with the days off they skip.
///
/// What `aduanctl rules explain` prints; `Codable` for its `--json`.
public struct RoutingExplanation: Sendable, Hashable, Codable {
    /// A route or priority block whose condition was evaluated.
    public struct Attempt: Sendable, Hashable, Codable {
        /// The route's label or the priority's name.
        public var name: String
        /// The agency a route sends to; `nil` for a priority.
        public var agency: String?
        /// Whether its condition held.
        public var isMatch: Bool
        /// The phrases its condition names that the complaint contains (negated ones included), normalised.
        public var phrases: [String]
        /// What made it hold (`phrase "banjir" and region Kota Serang`), or briefly why not (`no phrase of list
        /// 'pungli'`).
        public var reason: String

        /// Creates an attempt.
        public init(name: String, agency: String?, isMatch: Bool, phrases: [String], reason: String) {
            self.name = name
            self.agency = agency
            self.isMatch = isMatch
            self.phrases = phrases
            self.reason = reason
        }

        private enum CodingKeys: String, CodingKey {
            case name, agency, phrases, reason
            case isMatch = "matched"
        }
    }

    /// A day between receipt and a deadline that does not count.
    public struct SkippedDay: Sendable, Hashable, Codable {
        /// The local date.
        public var date: CivilDate
        /// The holiday's name, or the weekday's name for a day without working hours.
        public var reason: String

        /// Creates a skipped day.
        public init(date: CivilDate, reason: String) {
            self.date = date
            self.reason = reason
        }
    }

    /// A deadline the case starts with.
    public struct Deadline: Sendable, Hashable, Codable {
        /// Which clock.
        public var clock: ClockKind
        /// Its budget, e.g. `4 working_hours`.
        public var budget: WorkingDuration
        /// Where the budget comes from: `priority "P1"`, or `SP4N-LAPOR! default`.
        public var source: String
        /// When it is due.
        public var due: Date
        /// The days off from the day of receipt to the day it is due, both included.
        public var skipped: [SkippedDay]

        /// Creates a deadline.
        public init(clock: ClockKind, budget: WorkingDuration, source: String, due: Date, skipped: [SkippedDay]) {
            self.clock = clock
            self.budget = budget
            self.source = source
            self.due = due
            self.skipped = skipped
        }
    }

    /// The normalised words of the title, when there is one; no phrase spans title and text.
    public var titleWords: [String]?
    /// The normalised words of the text: lowercase, NFKC, abbreviations expanded.
    public var words: [String]
    /// The channel the conditions saw.
    public var channel: Channel
    /// The region the conditions saw, if known.
    public var region: Region?
    /// When the complaint was received; the deadlines count from it.
    public var receivedAt: Date
    /// The routes in file order up to the winner (`otherwise` last); those after it are never tried.
    public var routes: [Attempt]
    /// The winning route's label, or `otherwise`.
    public var route: String
    /// The agency id it sends to.
    public var agency: String
    /// Whether the case is verified automatically or waits for an administrator.
    public var verify: VerifyMode
    /// The decision's one-line reason, as the case's history records it.
    public var reason: String
    /// The priority's name; `nil` when none applies.
    public var priority: String?
    /// What chose the priority: `route "Banjir"`, `otherwise`, `priority "P2"`, or `none` (the SP4N-LAPOR!
    /// defaults hold).
    public var prioritySource: String
    /// The priority blocks in file order up to the one that applies; empty when the route sets the priority.
    public var priorities: [Attempt]
    /// The deadlines the case starts with: `verify` for a manual route, else `respond` and `resolve`.
    public var deadlines: [Deadline]

    private enum CodingKeys: String, CodingKey {
        case words, channel, region, routes, route, agency, verify, reason, priority, priorities, deadlines
        case titleWords = "title_words"
        case receivedAt = "received_at"
        case prioritySource = "priority_source"
    }
}
