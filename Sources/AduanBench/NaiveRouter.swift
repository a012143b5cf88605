import AduanCore
import Glibc

/// The obvious evaluator the compiled rule set is measured against: for each route in order, for each of its
/// phrases, a substring search in the normalised text; the first route with a hit wins.
///
/// A hit counts only between spaces (the text has one at each end), so words match whole, as in the rule set.
struct NaiveRouter {
    private let routes: [(label: String, phrases: [[UInt8]])]

    init(_ ruleSet: SyntheticRuleSet) {
        routes = ruleSet.routes.map { route in
            (route.label, route.phrases.map { Array($0.utf8) })
        }
    }

    /// The normalised form the router searches: words separated by single spaces, with a space at each end.
    static func normalise(_ text: String, with normalizer: TextNormalizer) -> [UInt8] {
        Array((" " + normalizer.words(in: text).joined(separator: " ") + " ").utf8)
    }

    /// Whether `needle` occurs in `haystack` between two spaces: `memchr` to each candidate first byte, then
    /// `memcmp` (glibc's `memmem` needs `_GNU_SOURCE`, which Swift's Glibc module does not define).
    private static func contains(_ haystack: UnsafeRawBufferPointer, _ needle: UnsafeRawBufferPointer) -> Bool {
        guard let base = haystack.baseAddress, let needleBase = needle.baseAddress, let first = needle.first,
            needle.count + 2 <= haystack.count
        else {
            return false
        }
        let space = UInt8(ascii: " ")
        var offset = 1
        let lastStart = haystack.count - needle.count - 1
        while offset <= lastStart {
            guard let found = memchr(base + offset, Int32(first), lastStart - offset + 1) else { return false }
            let start = base.distance(to: UnsafeRawPointer(found))
            if haystack[start - 1] == space, haystack[start + needle.count] == space,
                memcmp(base + start, needleBase, needle.count) == 0
            {
                return true
            }
            offset = start + 1
        }
        return false
    }

    /// The label of the first route one of whose phrases occurs in `normalisedText`.
    func route(_ normalisedText: [UInt8]) -> String {
        normalisedText.withUnsafeBytes { text in
            for route in routes {
                for phrase in route.phrases {
                    if phrase.withUnsafeBytes({ Self.contains(text, $0) }) { return route.label }
                }
            }
            return SyntheticRuleSet.otherwiseLabel
        }
    }
}
