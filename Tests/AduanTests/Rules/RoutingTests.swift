import AduanCore
import Dispatch
import Synchronization
import Testing

@testable import AduanRules

@Suite("Routing complaints with a rule set")
struct RoutingTests {
    static let roads = """
        list "jalan-rusak" { phrases = ["jalan rusak", "jalan berlubang", "berlubang"] }
        list "sampah" { phrases = ["sampah", "tumpukan sampah", "TPS liar"] }
        list "serang-raya" { regions = ["Kota Serang", "Kabupaten Serang"] }
        route "Jalan rusak di Serang" {
            when = text has any jalan-rusak and region in serang-raya
            to = "biro-pemerintahan"
            verify = manual
        }
        route "Jalan rusak" { when = text has any jalan-rusak, to = "dpupr" }
        route "Sampah" { when = text has any sampah, to = "dlh" }
        otherwise { to = "diskominfo" }
        """

    @Test("the first route in file order whose condition holds wins")
    func firstMatchWins() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        let decision = rules.route(
            RoutingInput(text: "Jalan rusak parah dan banyak sampah", region: Region.resolve("Kota Serang"))
        )
        #expect(decision.route == "Jalan rusak di Serang")
        #expect(decision.agency == "biro-pemerintahan")
        #expect(decision.verify == .manual)
        #expect(decision.matchedPhrases == ["jalan rusak"])
        #expect(
            decision.reason == #"route "Jalan rusak di Serang" matched phrase "jalan rusak" and region Kota Serang"#
        )
    }

    @Test("a complaint no route matches goes to otherwise")
    func otherwiseCatchesTheRest() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        let decision = rules.route(RoutingInput(text: "Pelayanan KTP lambat sekali"))
        #expect(decision.route == "otherwise")
        #expect(decision.agency == "diskominfo")
        #expect(decision.verify == .auto)
        #expect(decision.matchedPhrases.isEmpty)
    }

    @Test("phrases match whole words only: 'perjalanan' does not match 'jalan'")
    func wholeWords() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            list "jalan" { phrases = ["jalan"] }
            route "Jalan" { when = text has any jalan, to = "dpupr" }
            otherwise { to = "diskominfo" }
            """
        )
        #expect(rules.route(RoutingInput(text: "Perjalanan dinas ke Serang")).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "jalanan macet, jalan-jalan")).route == "Jalan")
    }

    @Test("abbreviations in complaints and in lists meet: 'jln rusak' matches the phrase 'jalan rusak'")
    func abbreviations() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            list "jalan-rusak" { phrases = ["jalan rusak", "tdk diperbaiki"] }
            route "Jalan" { when = text has any jalan-rusak, to = "dpupr" }
            otherwise { to = "diskominfo" }
            """
        )
        let decision = rules.route(RoutingInput(text: "Jln. rusak yg tidak diperbaiki!!"))
        #expect(decision.route == "Jalan")
        #expect(decision.matchedPhrases == ["jalan rusak", "tidak diperbaiki"])
    }

    @Test("matching ignores case and compatibility forms: 'JALAN' and fullwidth 'ｊａｌａｎ' match 'jalan rusak'")
    func caseAndCompatibility() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        #expect(rules.route(RoutingInput(text: "JALAN RUSAK!!!")).route == "Jalan rusak")
        #expect(rules.route(RoutingInput(text: "ｊａｌａｎ ＲＵＳＡＫ")).route == "Jalan rusak")
    }

    @Test("a region condition needs the complaint's region to be in the list")
    func regionCondition() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        let lebak = rules.route(RoutingInput(text: "jalan berlubang", region: Region.resolve("Kabupaten Lebak")))
        let serang = rules.route(RoutingInput(text: "jalan berlubang", region: Region.resolve("36.04")))
        let unknown = rules.route(RoutingInput(text: "jalan berlubang"))
        #expect(lebak.route == "Jalan rusak")
        #expect(serang.route == "Jalan rusak di Serang")
        #expect(serang.reason.hasSuffix("and region Kabupaten Serang"))
        #expect(unknown.route == "Jalan rusak")
    }

    @Test("inline region lists and channel conditions select routes")
    func channelAndInlineRegion() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            route "SMS Cilegon" { when = channel is "sms" and region in ["Kota Cilegon"], to = "dlh" }
            route "Loket" { when = channel is "walk_in", to = "biro-pemerintahan", verify = manual }
            otherwise { to = "diskominfo" }
            """
        )
        let cilegon = Region.resolve("Kota Cilegon")
        let sms = rules.route(RoutingInput(text: "apa saja", channel: .sms, region: cilegon))
        #expect(sms.route == "SMS Cilegon")
        #expect(sms.reason == #"route "SMS Cilegon" matched channel sms and region Kota Cilegon"#)
        #expect(rules.route(RoutingInput(text: "apa saja", channel: .web, region: cilegon)).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "apa saja", channel: .walkIn)).verify == .manual)
    }

    @Test("not binds tighter than and, and binds tighter than or")
    func precedence() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            route "P" {
                when = not text has phrase "hoaks" and text has phrase "banjir" or channel is "phone"
                to = "dlh"
            }
            otherwise { to = "diskominfo" }
            """
        )
        #expect(rules.route(RoutingInput(text: "banjir di pasar")).route == "P")
        #expect(rules.route(RoutingInput(text: "hoaks banjir di pasar")).route == "otherwise")
        #expect(rules.route(RoutingInput(text: "hoaks banjir", channel: .phone)).route == "P")
        #expect(rules.route(RoutingInput(text: "hoaks", channel: .phone)).reason == #"route "P" matched channel phone"#)
    }

    @Test("text has all needs every phrase of the list, in any order")
    func allPhrases() throws {
        let rules = try RuleFixtures.ruleSet(
            """
            list "banjir-rob" { phrases = ["banjir", "air laut"] }
            route "Rob" { when = text has all banjir-rob, to = "dlh" }
            otherwise { to = "diskominfo" }
            """
        )
        #expect(rules.route(RoutingInput(text: "air laut naik, banjir lagi")).matchedPhrases == ["banjir", "air laut"])
        #expect(rules.route(RoutingInput(text: "banjir lagi")).route == "otherwise")
    }

    @Test("the title is matched too, but no phrase spans the title and the text")
    func titleAndText() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        #expect(rules.route(RoutingInput(text: "mohon diperbaiki", title: "Jalan rusak")).route == "Jalan rusak")
        #expect(rules.route(RoutingInput(text: "rusak parah", title: "Jalan")).route == "otherwise")
    }

    @Test("overlapping phrases are all found: 'tumpukan sampah' also contains 'sampah'")
    func overlappingPhrases() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        let decision = rules.route(RoutingInput(text: "ada tumpukan sampah dan TPS liar"))
        #expect(decision.route == "Sampah")
        #expect(decision.matchedPhrases == ["sampah", "tumpukan sampah", "tps liar"])
    }

    @Test("one rule set routes from many threads at once with the same results")
    func concurrentRouting() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        let inputs = [
            RoutingInput(text: "jalan rusak", region: Region.resolve("Kota Serang")),
            RoutingInput(text: "jalan rusak"),
            RoutingInput(text: "tumpukan sampah"),
            RoutingInput(text: "KTP"),
        ]
        let expected = inputs.map { rules.route($0).route }
        let mismatches = Mutex(0)
        DispatchQueue.concurrentPerform(iterations: 400) { iteration in
            let input = inputs[iteration % inputs.count]
            if rules.route(input).route != expected[iteration % inputs.count] {
                mismatches.withLock { $0 += 1 }
            }
        }
        #expect(expected == ["Jalan rusak di Serang", "Jalan rusak", "Sampah", "otherwise"])
        #expect(mismatches.withLock { $0 } == 0)
    }

    @Test("the decision lists the agencies and route labels of the snapshot")
    func snapshotContents() throws {
        let rules = try RuleFixtures.ruleSet(Self.roads)
        #expect(rules.routeLabels == ["Jalan rusak di Serang", "Jalan rusak", "Sampah"])
        #expect(rules.agencies.map(\.id) == ["dpupr", "dlh", "diskominfo", "biro-pemerintahan"])
        #expect(rules.agency(id: "dlh")?.short == "DLH")
        #expect(rules.sources["rules/main.rules"]?.contains("otherwise") == true)
    }
}
