import AduanCore
import Testing

@Suite("Text normalisation")
struct TextNormalizerTests {
    let normalizer = TextNormalizer()

    @Test("text is lowercased and split on punctuation, keeping letters and digits")
    func lowercaseAndSplit() {
        #expect(
            normalizer.words(in: "Jalan RUSAK di RT.03/RW-05, (dekat) \"pasar\"; tolong!? cepat:segera")
                == ["jalan", "rusak", "di", "rt", "03", "rw", "05", "dekat", "pasar", "tolong", "cepat", "segera"]
        )
    }

    @Test("a longer word keeps its whole form: 'perjalanan' is not split into 'jalan'")
    func wholeWords() {
        #expect(normalizer.words(in: "perjalanan ke Serang") == ["perjalanan", "ke", "serang"])
    }

    @Test("fullwidth and compatibility characters fold to their NFKC letters")
    func compatibilityFolding() {
        #expect(normalizer.words(in: "ＪＡＬＡＮ Ｒｕｓａｋ") == ["jalan", "rusak"])
        #expect(normalizer.words(in: "ﬁlter Ⅻ ²") == ["filter", "xii", "2"])
    }

    @Test("accented letters compose, whether written precomposed or with a combining mark")
    func accents() {
        #expect(normalizer.words(in: "CAFÉ café cafe\u{301}") == ["café", "café", "café"])
    }

    @Test("non-ASCII punctuation separates words like ASCII punctuation")
    func unicodePunctuation() {
        #expect(
            normalizer.words(in: "jalan–rusak “parah” sekali…lagi 🙏 banjir")
                == ["jalan", "rusak", "parah", "sekali", "lagi", "banjir"]
        )
    }

    @Test("Indonesian abbreviations expand word by word, also into several words")
    func abbreviations() {
        #expect(
            normalizer.words(in: "Jln. rusak yg tdk diperbaiki") == ["jalan", "rusak", "yang", "tidak", "diperbaiki"]
        )
        #expect(normalizer.words(in: "sampah, got, dll") == ["sampah", "got", "dan", "lain", "lain"])
    }

    @Test("an abbreviation inside a longer word is left alone")
    func abbreviationsAreWholeWords() {
        #expect(normalizer.words(in: "yang gagal jlnan") == ["yang", "gagal", "jlnan"])
    }

    @Test("a table built from a dictionary replaces the built-in abbreviations")
    func customTable() throws {
        let table = try AbbreviationTable(["PJU": "penerangan jalan umum", "Sy": "saya"])
        let custom = TextNormalizer(abbreviations: table)
        #expect(
            custom.words(in: "PJU mati, sy lapor yg kemarin") == [
                "penerangan", "jalan", "umum", "mati", "saya", "lapor", "yg", "kemarin",
            ]
        )
    }

    @Test("with the empty table no word is expanded")
    func emptyTable() {
        #expect(TextNormalizer(abbreviations: .empty).words(in: "jln yg rusak") == ["jln", "yg", "rusak"])
    }

    @Test("an abbreviation of two words or an empty expansion is refused with its key")
    func invalidTable() {
        #expect(throws: AbbreviationError(abbreviation: "rt rw", reason: "an abbreviation must be exactly one word")) {
            try AbbreviationTable(["rt rw": "rukun tetangga"])
        }
        #expect(throws: AbbreviationError(abbreviation: "x", reason: "the expansion has no words")) {
            try AbbreviationTable(["x": "..."])
        }
    }

    @Test("folded words are handed out without expanding abbreviations")
    func foldedWords() {
        var words: [String] = []
        TextNormalizer.forEachFoldedWord(in: "Jln RUSAK") { words.append(String(decoding: $0, as: UTF8.self)) }
        #expect(words == ["jln", "rusak"])
    }

    @Test("text with no letters or digits has no words")
    func emptyText() {
        #expect(normalizer.words(in: "").isEmpty)
        #expect(normalizer.words(in: " ... !!! ").isEmpty)
    }
}
