import AduanCore
import Dispatch
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
}
