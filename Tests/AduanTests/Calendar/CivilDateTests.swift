import AduanCore
import Foundation
import Testing

/// Calendar dates without time: validation, ISO text, weekday and order.
@Suite("civil dates")
struct CivilDateTests {
    @Test(
        "ISO text reads and writes, and the weekday is ISO (1 = Monday)",
        arguments: [
            ("2026-03-20", 5), ("1970-01-01", 4), ("2024-02-29", 4), ("2026-03-22", 7), ("1969-12-29", 1),
            ("0999-01-01", 2),
        ]
    )
    func isoAndWeekday(iso: String, weekday: Int) throws {
        let date = try #require(CivilDate(iso: iso))
        #expect(date.iso == iso)
        #expect(date.weekday == weekday)
    }

    @Test(
        "days that do not exist are refused",
        arguments: ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "2026-3-1", "20260301", "2026-03-1x"]
    )
    func invalid(text: String) {
        #expect(CivilDate(iso: text) == nil)
    }

    @Test("dates order chronologically and encode as ISO text")
    func orderAndCoding() throws {
        let earlier = CivilDate(year: 2025, month: 12, day: 31)!
        let later = CivilDate(year: 2026, month: 1, day: 1)!
        #expect(earlier < later)
        let data = try JSONEncoder().encode([later])
        #expect(String(decoding: data, as: UTF8.self) == "[\"2026-01-01\"]")
        #expect(try JSONDecoder().decode([CivilDate].self, from: data) == [later])
        #expect(throws: DecodingError.self) {
            try JSONDecoder().decode([CivilDate].self, from: Data("[\"2026-02-30\"]".utf8))
        }
    }
}
