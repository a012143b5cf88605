import AduanCore

/// What the checker hands to ``RuleSet``: every name resolved, every phrase normalised.
struct RuleProgram: Sendable {
    /// Agencies in declaration order.
    var agencies: [RuleSet.Agency]
    /// Every distinct phrase of the snapshot as normalised words; a phrase id is an index here.
    var phrases: [[String]]
    /// The distinct phrase ids of each phrase list; a list index in a condition is an index here.
    var phraseLists: [[Int]]
    /// Routes in file order, `otherwise` last.
    var routes: [CompiledRoute]
    /// Priorities in file order; the first whose condition holds applies.
    var priorities: [CompiledPriority]
    /// Escalation ladders in file order.
    var escalations: [EscalationPolicy]
    /// The snapshot's working calendar.
    var calendar: WorkingCalendar
    /// The name of each phrase list, parallel to ``phraseLists``, for explanations.
    var phraseListNames: [String]
    /// The `test` blocks, in load order, run once the snapshot is compiled.
    var tests: [RuleTest]
}
