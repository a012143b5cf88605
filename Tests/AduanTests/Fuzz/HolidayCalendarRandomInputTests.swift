import AduanCore
import Foundation
import Testing

/// Mutated iCalendar holiday files: parsed, or refused at a line of the file with a one-line reason.
@Suite("holiday calendar parser on random input")
struct HolidayCalendarRandomInputTests {
    static let originals: [[UInt8]] = {
        let bundled = TestPaths.seedsDirectory + "/holidays/indonesia-2025-2027.ics"
        let small = TestPaths.packageRoot.appendingPathComponent("Tests/Fuzz/Data/holidays.ics").path
        let bundledLines = ((try? String(contentsOfFile: bundled, encoding: .utf8)) ?? "").split(separator: "\n")
        // The head of the bundled file (its header and first events) keeps each parse short.
        let head = bundledLines.prefix(30).joined(separator: "\n") + "\nEND:VCALENDAR\n"
        let smallText = (try? String(contentsOfFile: small, encoding: .utf8)) ?? ""
        return [Array(head.utf8), Array(smallText.utf8)]
    }()

    @Test("mutated iCalendar files are calendars or one-line reasons with a line, within the time bound")
    func mutations() {
        var mutation = RandomMutation(seed: 0x6963_7300, syntaxBytes: ":;=,\\\r\n BEGINENDVEVENTDTSTART0123456789")
        var outcomes = (parsed: 0, refused: 0)
        let start = ContinuousClock.now
        for _ in 0..<400 {
            let bytes = mutation.next(from: Self.originals)
            let lineCount = bytes.count { $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") } + 1
            do throws(CalendarError) {
                _ = try HolidayCalendar.parseICS(String(decoding: bytes, as: UTF8.self))
                outcomes.parsed += 1
            } catch {
                outcomes.refused += 1
                #expect(error.description.isOneReadableLine, "\(error.description.debugDescription)")
                #expect((error.line ?? 1) <= lineCount, "\(error)")
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(outcomes.parsed > 0 && outcomes.refused > 0, "\(outcomes)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
