import AduanControl
import AduanCore
import Foundation
import Testing

/// The hand-written `cases` response is the wire format `JSONEncoder` writes, byte for byte, so that `aduanctl`,
/// scripts reading the socket and anything comparing answers see no change.
@Suite("cases response written by hand")
struct CaseListResponseTests {
    private static func summary(
        title: String?,
        receivedAt: Date,
        respondBy: Date? = nil,
        overdueSince: Date? = nil
    ) -> CaseSummary {
        CaseSummary(
            id: "42",
            externalID: "ext/1 \"quoted\"",
            source: "web",
            state: .onHold,
            agency: title == nil ? nil : "dpupr",
            route: "Jalan rusak",
            priority: nil,
            title: title,
            region: "Kabupaten Serang",
            receivedAt: receivedAt,
            respondBy: respondBy,
            overdueSince: overdueSince
        )
    }

    /// Every control character, quotes, backslashes, slashes and text beyond ASCII.
    private static let awkwardText =
        String(String.UnicodeScalarView((0..<0x20).compactMap(Unicode.Scalar.init)))
        + #"\ "quote" a/b é ₹ 😀 "# + "\u{7F}\u{2028}"

    @Test(
        "a cases answer has the same bytes as the JSON encoder's",
        arguments: [
            (1 as Int?, [CaseSummary]()),
            (nil, [summary(title: nil, receivedAt: Date(timeIntervalSince1970: 0))]),
            (
                7,
                [
                    summary(
                        title: awkwardText,
                        receivedAt: Date(timeIntervalSince1970: 1_773_716_400.75),
                        respondBy: Date(timeIntervalSince1970: 1_774_000_000),
                        overdueSince: Date(timeIntervalSince1970: 1_774_086_399)
                    ),
                    summary(
                        title: "Lampu jalan mati",
                        receivedAt: Date(timeIntervalSince1970: -86_401.5),
                        respondBy: Date(timeIntervalSince1970: 253_402_300_799)
                    ),
                ]
            ),
        ]
    )
    func matchesEncoder(id: Int?, summaries: [CaseSummary]) throws {
        let expected = try ControlCoding.makeEncoder().encode(ControlResponse.success(id: id, summaries))
        let written = CaseListResponse.encode(id: id, summaries)
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
        #expect(written == Array(expected))
    }

    @Test("dates on many days read back as the same instants, to the second")
    func datesRoundTrip() throws {
        var generator = SystemRandomNumberGenerator()
        let summaries = (0..<500).map { _ in
            Self.summary(
                title: "x",
                receivedAt: Date(timeIntervalSince1970: Double.random(in: -1e10...1e10, using: &generator)),
                respondBy: Date(timeIntervalSince1970: Double(Int.random(in: 0...4_000_000_000, using: &generator)))
            )
        }
        let written = CaseListResponse.encode(id: 1, summaries)
        #expect(written == Array(try ControlCoding.makeEncoder().encode(ControlResponse.success(id: 1, summaries))))
        let read = try ControlCoding.makeDecoder().decode(ControlResponse<[CaseSummary]>.self, from: Data(written))
        let readDates: [Date] = read.result?.map(\.receivedAt) ?? []
        let sentSeconds: [Double] = summaries.map { $0.receivedAt.timeIntervalSince1970.rounded(.down) }
        #expect(readDates.map(\.timeIntervalSince1970) == sentSeconds)
    }
}
