import AduanCore

/// Checks parsed rule files as one snapshot and compiles them into a ``RuleProgram``, collecting every error and
/// warning rather than stopping at the first.
struct RuleChecker {
    let normalizer: TextNormalizer
    var diagnostics: [Diagnostic] = []
    var agencyIDs: [String: SourceLocation] = [:]
    var lists: [String: CheckedList] = [:]
    var listOrder: [String] = []
    var catalog = PhraseCatalog()
    var phraseLists: [[Int]] = []

    init(normalizer: TextNormalizer) {
        self.normalizer = normalizer
    }

    /// Checks `documents` (in load order); the program is `nil` when there is any error.
    mutating func check(_ documents: [SyntaxDocument]) -> RuleProgram? {
        var agencyBlocks: [SyntaxBlock] = []
        var listBlocks: [SyntaxBlock] = []
        var routeBlocks: [SyntaxBlock] = []
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
                case RuleVocabulary.agency: agencyBlocks.append(block)
                case RuleVocabulary.list: listBlocks.append(block)
                case RuleVocabulary.route, RuleVocabulary.otherwise: routeBlocks.append(block)
                default: reportUnsupportedKind(block)
                }
            }
        }
        let agencies = agencyBlocks.compactMap { checkAgency($0) }
        checkAgencyParents(agencyBlocks)
        for block in listBlocks {
            checkList(block)
        }
        let routes = checkRoutes(routeBlocks, lastPath: documents.last?.path ?? "")
        for name in listOrder {
            guard let list = lists[name], !list.isUsed else { continue }
            diagnostics.append(
                .warning(
                    "list '\(name)' is never used",
                    at: list.location,
                    help: "use it in a condition, e.g. 'text has any \(name)', or remove it"
                )
            )
        }
        if diagnostics.contains(where: \.isError) { return nil }
        return RuleProgram(agencies: agencies, phrases: catalog.phrases, phraseLists: phraseLists, routes: routes)
    }

    private mutating func reportUnsupportedKind(_ block: SyntaxBlock) {
        if RuleVocabulary.plannedKinds.contains(block.kind) {
            diagnostics.append(
                .error(
                    "'\(block.kind)' blocks are not supported yet",
                    at: block.location,
                    help:
                        "this version compiles \(RuleVocabulary.supportedKinds.joined(separator: ", ")); remove the block"
                )
            )
            return
        }
        let known = RuleVocabulary.supportedKinds + RuleVocabulary.plannedKinds
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
