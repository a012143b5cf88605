import AduanCore
import Testing

@Suite("Word table")
struct WordTableTests {
    @Test("words are found by their bytes and unknown words are not")
    func lookup() {
        var table = WordTable<Int>()
        table.set(1, for: Array("jalan".utf8))
        table.set(2, for: Array("rusak".utf8))
        #expect(table.value(for: "jalan".utf8) == 1)
        #expect(table.value(for: "rusak".utf8) == 2)
        #expect(table.value(for: "jala".utf8) == nil)
        #expect(table.value(for: "jalann".utf8) == nil)
    }

    @Test("setting a word again replaces its value")
    func replace() {
        var table = WordTable<String>()
        table.set("a", for: Array("x".utf8))
        table.set("b", for: Array("x".utf8))
        #expect(table.value(for: "x".utf8) == "b")
        #expect(table.count == 1)
    }

    @Test("thousands of words stay findable as the table grows")
    func growth() {
        var table = WordTable<Int>()
        for number in 0..<5000 {
            table.set(number, for: Array("kata\(number)".utf8))
        }
        #expect(table.count == 5000)
        var misplaced: [Int] = []
        for number in 0..<5000 where table.value(for: "kata\(number)".utf8) != number {
            misplaced.append(number)
        }
        #expect(misplaced.isEmpty)
        #expect(table.value(for: "kata5000".utf8) == nil)
    }
}
