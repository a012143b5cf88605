/// How a complaint reached the province.
public enum Channel: String, Sendable, Codable, CaseIterable, Hashable {
    case web
    case sms
    case email
    case app
    case social
    case phone
    case walkIn = "walk_in"
    case open311
    case other

    /// Every accepted spelling, for error messages.
    public static let acceptedNames: String = allCases.map(\.rawValue).joined(separator: " ")
}
