public import AduanCore

/// An immutable, compiled snapshot of the rules: agencies, routes, priorities, escalations, the working calendar and
/// one phrase matcher for every condition.
///
/// Safe to use from many threads at once; a reload builds a new one and swaps it whole.
public final class RuleSet: Sendable {
    /// An agency declared in the rules.
    public struct Agency: Sendable, Hashable {
        /// The id routes send to, e.g. `dpupr-banten`.
        public var id: String
        /// Full name, e.g. `Dinas Pekerjaan Umum dan Penataan Ruang`.
        public var name: String
        /// Short name, e.g. `DPUPR`, if given.
        public var short: String?
        /// The id of the agency it belongs to, if given.
        public var parent: String?
        /// The region it serves, if given.
        public var region: Region?

        /// Creates an agency.
        public init(id: String, name: String, short: String? = nil, parent: String? = nil, region: Region? = nil) {
            self.id = id
            self.name = name
            self.short = short
            self.parent = parent
            self.region = region
        }
    }

    /// SHA-256 (hex) of the files' names and texts in load order; see ``RuleFile/snapshotHash(of:)``.
    public let hash: String
    /// The files the snapshot was compiled from: the rule files in load order, then the data files they name with
    /// `file("…")`: the list files, then the holiday files of calendars, each in the order first named.
    public let files: [RuleFile]
    /// Agencies in declaration order.
    public let agencies: [Agency]
    /// Route labels in evaluation order, without `otherwise`.
    public let routeLabels: [String]
    /// The working calendar of every SLA clock: the calendar named `default`, else the first declared, else
    /// Indonesian government hours in Asia/Jakarta without holidays.
    public let calendar: WorkingCalendar
    /// Priorities in file order; the first whose condition holds applies to a complaint its route gives none.
    public let priorities: [PriorityPolicy]
    /// Escalation ladders in file order.
    public let escalations: [EscalationPolicy]

    let routes: [CompiledRoute]
    let priorityConditions: [CompiledCondition]
    private let prioritiesByName: [String: PriorityPolicy]
    private let escalationsByName: [String: EscalationPolicy]
    let phraseTexts: [String]
    /// The name of each phrase list, for explanations.
    let phraseListNames: [String]
    /// How complaint text is normalised, for explanations.
    let normalizer: TextNormalizer
    private let phraseLists: [[Int]]
    /// For each phrase id, the phrase lists that contain it.
    private let listsByPhrase: [[Int]]
    private let matcher: PhraseMatcher

    init(program: RuleProgram, files: [RuleFile], normalizer: TextNormalizer) {
        hash = RuleFile.snapshotHash(of: files)
        self.files = files
        agencies = program.agencies
        routes = program.routes
        routeLabels = program.routes.dropLast().map(\.label)
        calendar = program.calendar
        priorities = program.priorities.map(\.policy)
        priorityConditions = program.priorities.map(\.condition)
        prioritiesByName = Dictionary(priorities.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        escalations = program.escalations
        escalationsByName = Dictionary(escalations.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        phraseTexts = program.phrases.map { $0.joined(separator: " ") }
        phraseLists = program.phraseLists
        phraseListNames = program.phraseListNames
        self.normalizer = normalizer
        var listsByPhrase = [[Int]](repeating: [], count: program.phrases.count)
        for (list, phrases) in program.phraseLists.enumerated() {
            for phrase in phrases {
                listsByPhrase[phrase].append(list)
            }
        }
        self.listsByPhrase = listsByPhrase
        matcher = PhraseMatcher(phrases: program.phrases, abbreviations: normalizer.abbreviations)
    }

    /// The file texts by path, as loaded; keep them to store the snapshot that served.
    public var sources: [String: String] {
        Dictionary(files.map { ($0.path, $0.text) }, uniquingKeysWith: { first, _ in first })
    }

    /// The agency with this id, if declared.
    public func agency(id: String) -> Agency? {
        agencies.first { $0.id == id }
    }

    /// The priority with this name, if declared.
    public func priority(named name: String) -> PriorityPolicy? {
        prioritiesByName[name]
    }

    /// The escalation ladder with this name, if declared.
    public func escalation(named name: String) -> EscalationPolicy? {
        escalationsByName[name]
    }

    /// Decides where a complaint goes and with which priority: the first route in file order whose condition
    /// holds, else `otherwise`; the route's priority, else the first priority whose condition holds.
    ///
    /// One pass of the phrase matcher over the complaint serves every route and priority condition.
    public func route(_ input: RoutingInput) -> RoutingDecision {
        let evaluation = evaluation(of: input)
        guard let route = routes.first(where: { evaluation.isSatisfied($0.condition) }) else {
            preconditionFailure("the checker guarantees that the last route is 'otherwise', which always matches")
        }
        var decision = decision(for: route, evaluation: evaluation)
        if let forced = route.priority {
            decision.priority = forced
            let setter = route.label == RuleVocabulary.otherwise ? "'otherwise'" : "the route"
            decision.reason += "; priority \(forced) (set by \(setter))"
        } else if let index = priorityConditions.firstIndex(where: { evaluation.isSatisfied($0) }) {
            let name = priorities[index].name
            var evidence = RouteEvidence()
            evaluation.collect(priorityConditions[index], into: &evidence)
            let phrases = evidence.phrases.map { phraseTexts[$0] }
            decision.priority = name
            decision.reason += "; priority \(name) (\(evidence.reason(priority: name, phrases: phrases)))"
        }
        return decision
    }

    /// What the complaint matched, ready to evaluate any condition of the snapshot.
    func evaluation(of input: RoutingInput) -> RouteEvaluation {
        let found = matcher.matches(in: input.title.map { [$0, input.text] } ?? [input.text])
        var listHits = [Int](repeating: 0, count: phraseLists.count)
        for phrase in found.members {
            for list in listsByPhrase[phrase] {
                listHits[list] += 1
            }
        }
        return RouteEvaluation(
            found: found,
            listHits: listHits,
            phraseLists: phraseLists,
            channel: input.channel,
            region: input.region,
            reporterKind: input.reporter?.kind.map(RouteEvaluation.normalizedReporterKind)
        )
    }

    private func decision(for route: CompiledRoute, evaluation: RouteEvaluation) -> RoutingDecision {
        guard route.label != RuleVocabulary.otherwise else {
            return RoutingDecision(
                route: route.label,
                agency: route.agency,
                cc: route.cc,
                verify: route.verify,
                priority: nil,
                matchedPhrases: [],
                reason: "no route matched, so 'otherwise' applies"
            )
        }
        var evidence = RouteEvidence()
        evaluation.collect(route.condition, into: &evidence)
        let phrases = evidence.phrases.map { phraseTexts[$0] }
        return RoutingDecision(
            route: route.label,
            agency: route.agency,
            cc: route.cc,
            verify: route.verify,
            priority: nil,
            matchedPhrases: phrases,
            reason: evidence.reason(route: route.label, phrases: phrases)
        )
    }
}
