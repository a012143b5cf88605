/// The fixed words of the rules language, for checking and for "did you mean" suggestions.
enum RuleVocabulary {
    static let agency = "agency"
    static let list = "list"
    static let route = "route"
    static let otherwise = "otherwise"

    /// Top-level block kinds this version compiles.
    static let supportedKinds = [agency, list, route, otherwise]
    /// Block kinds of the design that are not compiled yet; reported as such rather than ignored.
    static let plannedKinds = ["define", "calendar", "priority", "escalation", "test"]

    static let agencyKeys = ["name", "short", "parent", "region"]
    static let listKeys = ["phrases", "regions"]
    static let routeKeys = ["when", "to", "verify"]
    static let otherwiseKeys = ["to", "verify"]
    /// Route keys of the design that are not compiled yet.
    static let plannedRouteKeys = ["cc", "priority"]
}
