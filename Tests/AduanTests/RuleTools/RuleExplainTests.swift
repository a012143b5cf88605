import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// `RuleSet.explain`: each route and priority tried in order with what held or why not, the winner, and the
/// deadlines with the days they skip, always in agreement with `RuleSet.route`.
@Suite("Explaining a routing decision")
struct RuleExplainTests {
    static let bantenRules: RuleSet? = RuleLoader.load(directory: TestPaths.rulesDirectory).ruleSet

    static let received = RFC3339.parse("2026-03-17T10:00:00+07:00") ?? Date()

    @Test("a negated phrase, a channel and 'always' each say why a route held or not")
    func whyNot() throws {
        let ruleSet = try #require(RuleToolFixtures.compile("").ruleSet)
        let explanation = ruleSet.explain(
            RoutingInput(text: "Lampu jalan rusak di gang", title: "Jln gelap"),
            receivedAt: Self.received
        )
        #expect(explanation.titleWords == ["jalan", "gelap"])
        #expect(explanation.words == ["lampu", "jalan", "rusak", "di", "gang"])
        #expect(
            explanation.routes == [
                RoutingExplanation.Attempt(
                    name: "Jalan rusak",
                    agency: "dpupr",
                    isMatch: false,
                    phrases: ["jalan rusak", "lampu jalan rusak"],
                    reason: "excluded by phrase \"lampu jalan rusak\""
                ),
                RoutingExplanation.Attempt(
                    name: "Cek dulu",
                    agency: "diskominfo",
                    isMatch: false,
                    phrases: [],
                    reason: "channel is other, not social"
                ),
                RoutingExplanation.Attempt(
                    name: "otherwise",
                    agency: "biro-pemerintahan",
                    isMatch: true,
                    phrases: [],
                    reason: "always"
                ),
            ]
        )
        #expect(explanation.route == "otherwise")
        #expect(explanation.priority == "P3")
        #expect(explanation.prioritySource == "priority \"P3\"")
        #expect(explanation.priorities.map(\.name) == ["P1", "P3"])
        #expect(explanation.priorities.first?.reason == "no phrase \"banjir\"")
        #expect(explanation.deadlines.map(\.clock) == [.respond])
        #expect(explanation.deadlines.first?.source == "priority \"P3\"")
    }

    @Test("a route stops the search: later routes are not listed, and a forced priority skips the priority blocks")
    func winnerStopsTheSearch() throws {
        let ruleSet = try #require(
            RuleFixtures.compile([
                "main.rules": RuleFixtures.agencies + "\n" + """
                    priority "P1" { respond = 4 working_hours }
                    route "Jalan" { when = text has phrase "jalan rusak", to = "dpupr", priority = "P1" }
                    route "Sampah" { when = text has phrase "sampah", to = "dlh" }
                    otherwise { to = "biro-pemerintahan" }
                    """
            ]).ruleSet
        )
        let explanation = ruleSet.explain(RoutingInput(text: "jalan rusak dan sampah"), receivedAt: Self.received)
        #expect(explanation.routes.map(\.name) == ["Jalan"])
        #expect(explanation.routes.first?.reason == "phrase \"jalan rusak\"")
        #expect(explanation.prioritySource == "route \"Jalan\"")
        #expect(explanation.priorities.isEmpty)
        #expect(explanation.deadlines.first?.budget == WorkingDuration(4, .workingHours))
    }

    @Test("'text has all' names the missing phrases, an unknown region says so, and 'or' gives both reasons")
    func allPhrasesRegionsAndOr() throws {
        let ruleSet = try #require(
            RuleFixtures.compile([
                "main.rules": RuleFixtures.agencies + "\n" + """
                    list "longsor" { phrases = ["tanah longsor", "jalan tertutup", "korban"] }
                    list "utara" { regions = ["Kota Serang", "Kota Cilegon"] }
                    route "Longsor" { when = text has all longsor, to = "dpupr" }
                    route "Utara" { when = region in utara or text has phrase "pantai", to = "dlh" }
                    otherwise { to = "biro-pemerintahan" }
                    """
            ]).ruleSet
        )
        let explanation = ruleSet.explain(
            RoutingInput(text: "Tanah longsor, jalan tertutup"),
            receivedAt: Self.received
        )
        #expect(
            explanation.routes.map(\.reason) == [
                "list 'longsor' needs every phrase; missing \"korban\"",
                "no known region; needs one of Kota Serang, Kota Cilegon; no phrase \"pantai\"",
                "always",
            ]
        )
        #expect(explanation.routes.first?.phrases == ["tanah longsor", "jalan tertutup"])
        #expect(explanation.priority == nil)
        #expect(explanation.prioritySource == "none")
        #expect(explanation.deadlines.first?.budget == SLADefaults.respond)
        #expect(explanation.deadlines.first?.source == "SP4N-LAPOR! default")
    }

    @Test("a region condition says which region the complaint has; the deadlines skip Nyepi and Idul Fitri 2026")
    func regionAndHolidays() throws {
        let ruleSet = try #require(Self.bantenRules)
        let explanation = ruleSet.explain(
            RoutingInput(text: "Jalan rusak di depan pasar, banyak lubang", region: Region.resolve("Kota Serang")),
            receivedAt: Self.received
        )
        let southern = try #require(explanation.routes.first { $0.name == "Jalan rusak Banten Selatan" })
        #expect(!southern.isMatch)
        #expect(southern.phrases == ["jalan rusak"])
        #expect(southern.reason == "region Kota Serang is not one of Kabupaten Pandeglang, Kabupaten Lebak")
        #expect(explanation.routes.last?.name == "Jalan dan jembatan rusak")
        #expect(explanation.routes.last?.isMatch == true)
        #expect(explanation.agency == "dpupr")
        let respond = try #require(explanation.deadlines.first)
        #expect(respond.clock == .respond)
        #expect(respond.due == RFC3339.parse("2026-03-31T16:00:00+07:00"))
        let skipped = respond.skipped.map { "\($0.date.iso) \($0.reason)" }
        #expect(skipped.contains("2026-03-19 Hari Suci Nyepi Tahun Baru Saka 1948"))
        #expect(skipped.contains("2026-03-20 Cuti Bersama Idul Fitri 1447 H"))
        #expect(skipped.contains("2026-03-21 Idul Fitri 1447 H"))
        #expect(skipped.contains("2026-03-24 Cuti Bersama Idul Fitri 1447 H"))
        #expect(skipped.last == "2026-03-29 Sunday")
        #expect(explanation.deadlines.map(\.clock) == [.respond, .resolve])
    }

    @Test("a manual route has only a verify deadline, at the SP4N-LAPOR! default")
    func manualRoute() throws {
        let ruleSet = try #require(Self.bantenRules)
        let explanation = ruleSet.explain(
            RoutingInput(text: "Ada pungli di loket", channel: .web),
            receivedAt: Self.received
        )
        #expect(explanation.verify == .manual)
        #expect(explanation.deadlines.map(\.clock) == [.verify])
        #expect(explanation.deadlines.first?.budget == SLADefaults.verify)
        #expect(explanation.deadlines.first?.source == "SP4N-LAPOR! default")
    }

    @Test("for every sample complaint the explanation agrees with the decision, and only its winner matched")
    func agreesWithRoute() throws {
        let ruleSet = try #require(Self.bantenRules)
        #expect(!BantenRuleSetTests.complaints.isEmpty)
        for (id, input) in BantenRuleSetTests.complaints {
            let decision = ruleSet.route(input)
            let explanation = ruleSet.explain(input, receivedAt: Self.received)
            #expect(explanation.route == decision.route, "\(id)")
            #expect(explanation.agency == decision.agency, "\(id)")
            #expect(explanation.priority == decision.priority, "\(id)")
            #expect(explanation.reason == decision.reason, "\(id)")
            #expect(explanation.routes.filter(\.isMatch).map(\.name) == [decision.route], "\(id)")
            #expect(explanation.routes.last?.name == decision.route, "\(id)")
            // The winner's trace lists every phrase of its condition found in the text, also those of a branch that
            // did not decide (e.g. `… or text has any jalan_provinsi`); the decision names those that did.
            let traced = Set(explanation.routes.last?.phrases ?? [])
            #expect(Set(decision.matchedPhrases).isSubset(of: traced), "\(id)")
        }
    }

    @Test("the JSON form uses snake_case keys and RFC 3339 dates")
    func json() throws {
        let ruleSet = try #require(Self.bantenRules)
        let explanation = ruleSet.explain(
            RoutingInput(text: "banjir setinggi lutut", title: "Banjir"),
            receivedAt: Self.received
        )
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(RFC3339.format(date))
        }
        let object = try #require(
            try JSONSerialization.jsonObject(with: encoder.encode(explanation)) as? [String: Any]
        )
        #expect(object["received_at"] as? String == "2026-03-17T03:00:00Z")
        #expect(object["title_words"] as? [String] == ["banjir"])
        #expect(object["priority_source"] as? String == "priority \"P1\"")
        #expect(object["verify"] as? String == "auto")
        let routes = try #require(object["routes"] as? [[String: Any]])
        #expect(routes.last?["matched"] as? Bool == true)
        let deadlines = try #require(object["deadlines"] as? [[String: Any]])
        #expect(deadlines.first?["due"] as? String == "2026-03-17T07:00:00Z")
        #expect(deadlines.first?["clock"] as? String == "respond")
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            try RFC3339.parse(decoder.singleValueContainer().decode(String.self)) ?? Date.distantPast
        }
        #expect(try decoder.decode(RoutingExplanation.self, from: encoder.encode(explanation)) == explanation)
    }
}
