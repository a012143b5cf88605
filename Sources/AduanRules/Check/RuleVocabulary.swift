/// The fixed words of the rules language, for checking and for "did you mean" suggestions.
enum RuleVocabulary {
    static let agency = "agency"
    static let list = "list"
    static let define = "define"
    static let calendar = "calendar"
    static let priority = "priority"
    static let escalation = "escalation"
    static let route = "route"
    static let otherwise = "otherwise"
    static let step = "step"
    static let test = "test"
    static let abbreviations = "abbreviations"

    /// Top-level block kinds this version compiles.
    static let supportedKinds = [
        agency, list, define, calendar, priority, escalation, route, otherwise, test,
        abbreviations,
    ]

    static let agencyKeys = ["name", "short", "parent", "region"]
    static let listKeys = ["phrases", "regions", "reporters"]
    static let defineKeys = ["when"]
    static let calendarKeys = ["timezone", "hours", "holidays"]
    static let priorityKeys = ["when", "respond", "resolve", "escalation"]
    static let stepKeys = ["at", "do", "quiet"]
    static let routeKeys = ["when", "to", "cc", "verify", "priority"]
    static let otherwiseKeys = ["to", "cc", "verify", "priority"]
    static let abbreviationKeys = ["entries", "builtin"]

    /// The calendar a snapshot uses when several are declared.
    static let defaultCalendar = "default"
    /// The only value of a step's `quiet`.
    static let quietWorkingHours = "working_hours"
    /// What a step's `do` can be, as written.
    static let actions = ["notify", "reassign", "raise", "mark_overdue"]
    /// Time zones of Indonesia, suggested for an unknown zone.
    static let indonesianTimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"]
}
