/// A large rule set written in memory: `routes` routes, each `when = text has any <its list>` of `phrasesPerRoute`
/// two-word phrases, then `otherwise`. Every word is made up and unique, so that a text matches the route whose
/// phrase was put into it and no other.
struct SyntheticRuleSet {
    /// Each route's label and phrases, in file order.
    let routes: [(label: String, phrases: [String])]
    /// The route a text that matches nothing goes to.
    static let otherwiseLabel = "otherwise"
    private static let agencyCount = 20

    init(routes routeCount: Int, phrasesPerRoute: Int) {
        routes = (0..<routeCount).map { route in
            let phrases = (0..<phrasesPerRoute).map { phrase in
                let index = route * phrasesPerRoute + phrase
                return Self.word(2 * index) + " " + Self.word(2 * index + 1)
            }
            return ("rute \(route)", phrases)
        }
    }

    /// A made-up word of three syllables, distinct for each `index` below 70³.
    static func word(_ index: Int) -> String {
        let consonants = Array("bcdfghjklmnprstw")
        let vowels = Array("aeiou")
        var remaining = index
        var word = ""
        for _ in 0..<3 {
            let syllable = remaining % (consonants.count * vowels.count)
            remaining /= consonants.count * vowels.count
            word.append(consonants[syllable / vowels.count])
            word.append(vowels[syllable % vowels.count])
        }
        // A last consonant keeps the words clear of the abbreviation table (all of whose entries are short).
        return word + "ng"
    }

    /// The rule file: agencies, one list and one route per route, and `otherwise`.
    var text: String {
        var text = ""
        for agency in 0..<Self.agencyCount {
            text += "agency \"dinas-\(agency)\" { name = \"Dinas Sintetis \(agency)\" }\n"
        }
        for (index, route) in routes.enumerated() {
            let phrases = route.phrases.map { "\"\($0)\"" }.joined(separator: ", ")
            text += "list \"daftar_\(index)\" { phrases = [\(phrases)] }\n"
            text += """
                route "\(route.label)" {
                    when = text has any daftar_\(index)
                    to   = "dinas-\(index % Self.agencyCount)"
                }

                """
        }
        text += "otherwise { to = \"dinas-0\" }\n"
        return text
    }
}
