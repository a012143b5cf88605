import AduanCore
import Foundation
import Testing

@testable import AduanRules

/// A small snapshot for the rule-tool tests: the shared agencies (lines 1-4), two priorities, two routes and
/// `otherwise` (lines 5-10); tests and other blocks follow from line 11.
enum RuleToolFixtures {
    static let rules =
        RuleFixtures.agencies + "\n" + """
            list "jalan" { phrases = ["jalan rusak", "berlubang"] }
            priority "P1" { when = text has phrase "banjir", respond = 4 working_hours, resolve = 2 working_days }
            priority "P3" { respond = 5 working_days }
            route "Jalan rusak" { when = text has any jalan and not text has phrase "lampu jalan rusak", to = "dpupr" }
            route "Cek dulu" { when = channel is "social", to = "diskominfo", verify = manual }
            otherwise { to = "biro-pemerintahan" }

            """

    /// Compiles ``rules`` followed by `blocks` as `rules/main.rules`.
    static func compile(_ blocks: String) -> RuleLoadResult {
        RuleFixtures.compile(["main.rules": rules + blocks])
    }

    /// `2026-03-17T10:00:00+07:00` and the like.
    static func time(_ text: String) throws -> Date {
        try #require(RFC3339.parse(text))
    }
}
