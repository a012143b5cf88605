import AduanCore

/// Checks parsed rule files as one snapshot and compiles them into a ``RuleProgram``, collecting every error and
/// warning rather than stopping at the first.
struct RuleChecker {
    /// How phrases are normalised: the caller's, until an `abbreviations` block replaces it.
    var normalizer: TextNormalizer
    /// Rule file texts by path, to find a position inside a string value (such as `hours`) in its file.
    let sources: [String: String]
    var diagnostics: [Diagnostic] = []
    var agencyIDs: [String: SourceLocation] = [:]
    var lists: [String: CheckedList] = [:]
    var listOrder: [String] = []
    var catalog = PhraseCatalog()
    var phraseLists: [[Int]] = []
    /// Declared priorities; referenced by routes (`priority = "P1"`) and steps (`raise("P1")`).
    var priorityNames: [String: DeclaredName] = [:]
    /// Declared escalations; referenced by priorities.
    var escalationNames: [String: DeclaredName] = [:]
    /// The first priority whose condition is `always`, written or implied by a missing `when`.
    var unconditionalPriority: String?
    /// Priorities after one that matches every complaint: used only if something names them.
    var shadowedPriorities: [(name: String, location: SourceLocation, shadowedBy: String)] = []
    /// The holiday files that calendars name, with their texts.
    var holidayFiles = HolidayFileReader()
    /// The list files that lists (and the abbreviation file that the abbreviations block) name, with their texts.
    var listFiles = ListFileReader()
    /// The `define` blocks.
    var defines = NamedConditions()

    init(normalizer: TextNormalizer, sources: [String: String]) {
        self.normalizer = normalizer
        self.sources = sources
    }

    /// Checks `documents` (in load order); the program is `nil` when there is any error.
    mutating func check(_ documents: [SyntaxDocument]) -> RuleProgram? {
        var blocksByKind: [String: [SyntaxBlock]] = [:]
        for document in documents {
            for attribute in document.attributes {
                diagnostics.append(
                    .error(
                        "'\(attribute.key)' must be inside a block",
                        at: attribute.location,
                        help: "rule files hold only blocks: \(RuleVocabulary.supportedKinds.joined(separator: ", "))"
                    )
                )
            }
            for block in document.blocks {
                switch block.kind {
                case RuleVocabulary.otherwise: blocksByKind[RuleVocabulary.route, default: []].append(block)
                case _ where RuleVocabulary.supportedKinds.contains(block.kind):
                    blocksByKind[block.kind, default: []].append(block)
                default: reportUnsupportedKind(block)
                }
            }
        }
        // Before any list: phrases are normalised with the snapshot's abbreviations.
        checkAbbreviations(blocksByKind[RuleVocabulary.abbreviations] ?? [])
        let agencyBlocks = blocksByKind[RuleVocabulary.agency] ?? []
        let agencies = agencyBlocks.compactMap { checkAgency($0) }
        checkAgencyParents(agencyBlocks)
        for block in blocksByKind[RuleVocabulary.list] ?? [] {
            checkList(block)
        }
        checkDefines(blocksByKind[RuleVocabulary.define] ?? [])
        // Escalations and priorities name each other (`escalation = …`, `raise(…)`): declare both first.
        let priorityBlocks = blocksByKind[RuleVocabulary.priority] ?? []
        let escalationBlocks = blocksByKind[RuleVocabulary.escalation] ?? []
        let priorityLabels = declare(priorityBlocks, example: Self.priorityExample, in: \.priorityNames)
        let escalationLabels = declare(escalationBlocks, example: Self.escalationExample, in: \.escalationNames)
        let escalations = zip(escalationBlocks, escalationLabels).compactMap { checkEscalation($0, name: $1) }
        let priorities = zip(priorityBlocks, priorityLabels).compactMap { checkPriority($0, name: $1) }
        let routes = checkRoutes(blocksByKind[RuleVocabulary.route] ?? [], lastPath: documents.last?.path ?? "")
        let calendar = checkCalendars(blocksByKind[RuleVocabulary.calendar] ?? [])
        let tests = checkTests(
            blocksByKind[RuleVocabulary.test] ?? [],
            routes: blocksByKind[RuleVocabulary.route] ?? []
        )
        reportUnused(escalationBlocks: escalationBlocks)
        reportUnusedDefines()
        if diagnostics.contains(where: \.isError) { return nil }
        guard let calendar else { return nil }
        return RuleProgram(
            agencies: agencies,
            phrases: catalog.phrases,
            phraseLists: phraseLists,
            routes: routes,
            priorities: priorities,
            escalations: escalations,
            calendar: calendar,
            phraseListNames: phraseListNames,
            tests: tests
        )
    }

    private mutating func reportUnsupportedKind(_ block: SyntaxBlock) {
        let known = RuleVocabulary.supportedKinds
        diagnostics.append(
            .error(
                "unknown block kind '\(block.kind)'",
                at: block.location,
                help: Suggestion.didYouMean(block.kind, among: known)
                    ?? "blocks are \(RuleVocabulary.supportedKinds.joined(separator: ", "))"
            )
        )
    }

    /// `route "label"` or `otherwise`, for messages.
    func describe(_ block: SyntaxBlock) -> String {
        block.labels.first.map { "\(block.kind) \"\($0)\"" } ?? block.kind
    }
}
