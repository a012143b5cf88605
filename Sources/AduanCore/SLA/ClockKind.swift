/// The SLA clocks a case can run (SP4N-LAPOR! terms in the comments).
public enum ClockKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// The admin verifies and forwards a received complaint (manual routes; 3 working days).
    case verify
    /// The agency follows up (ditindaklanjuti) after dispatch (5 working days by default).
    case respond
    /// The agency settles the matter, by complexity (5, 14 or 60 working days).
    case resolve
    /// After a follow-up, the case closes itself when the citizen does not reply (10 working days).
    case autoclose

    /// How an escalation step names this clock's deadline: `respond_deadline`.
    public var deadlineName: String { rawValue + "_deadline" }

    /// The clock whose deadline an escalation step names, e.g. `respond_deadline` → `.respond`.
    public init?(deadlineName: String) {
        guard deadlineName.hasSuffix("_deadline") else { return nil }
        self.init(rawValue: String(deadlineName.dropLast("_deadline".count)))
    }
}
