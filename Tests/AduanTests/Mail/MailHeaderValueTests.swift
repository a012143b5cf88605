import AduanCore
import Foundation
import Testing

/// Date and From fields in their current and obsolete forms.
@Suite("mail dates and addresses")
struct MailHeaderValueTests {
    @Test(
        "RFC 5322 dates and their obsolete forms give the same instant",
        arguments: [
            ("Tue, 17 Mar 2026 10:00:00 +0700", "2026-03-17T03:00:00Z"),
            ("17 Mar 2026 10:00:00 +0700", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 26 03:00:00 GMT", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 03:00:00 UT", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 03:00:00 Z", "2026-03-17T03:00:00Z"),
            ("Mon, 16 Mar 2026 22:00:00 EST", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 10:00 +0700", "2026-03-17T03:00:00Z"),
            ("Tue,17 Mar 2026 10:00:00 +0700 (WIB)", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 10:00:00 WIB", "2026-03-17T03:00:00Z"),
            ("tue, 17 march 2026 03:00:00 -0000", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 03:00:00", "2026-03-17T03:00:00Z"),
            ("Tue, 17 Mar 2026 03:00:00 A", "2026-03-17T03:00:00Z"),
            ("Mon, 16 Mar 2026 20:30:00 -0630", "2026-03-17T03:00:00Z"),
            ("Mon, 1 Mar 99 00:00:00 +0000", "1999-03-01T00:00:00Z"),
            ("Sat, 1 Jan 105 00:00:00 +0000", "2005-01-01T00:00:00Z"),
            ("Sat, 29 Feb 2020 12:00:00 +0000", "2020-02-29T12:00:00Z"),
        ]
    )
    func dates(field: String, instant: String) {
        #expect(MailDate.parse(field) == RFC3339.parse(instant), "\(field)")
    }

    @Test(
        "text that is not a date-time gives no date",
        arguments: [
            "", "kemarin sore", "2026-03-17T10:00:00+07:00", "Tue, 30 Feb 2026 10:00:00 +0700",
            "Tue, 17 Foo 2026 10:00:00 +0700", "Tue, 17 Mar 2026 25:00:00 +0700", "Tue, 17 Mar 2026 10:00:00 +07",
            "Tue, 17 Mar 2026 10:00:00 XYZ", "Tue, 17 Mar 20261 10:00:00 +0700", "Tue, 17 Mar 2026",
        ]
    )
    func notDates(field: String) {
        #expect(MailDate.parse(field) == nil)
    }

    @Test(
        "From fields in every form give the address and the display name",
        arguments: [
            ("Budi Santoso <budi@example.id>", "Budi Santoso", "budi@example.id"),
            ("\"Santoso, Budi\" <budi@example.id>", "Santoso, Budi", "budi@example.id"),
            ("\"Budi \\\"Bud\\\" Santoso\" <budi@example.id>", "Budi \"Bud\" Santoso", "budi@example.id"),
            ("<budi@example.id>", nil, "budi@example.id"),
            ("budi@example.id", nil, "budi@example.id"),
            ("  budi@example.id  ", nil, "budi@example.id"),
            ("budi@example.id (Budi Santoso)", "Budi Santoso", "budi@example.id"),
            ("Budi (kantor) Santoso <budi@example.id>", "Budi Santoso", "budi@example.id"),
            ("=?UTF-8?B?U2l0aSBOdXJoYWxpemE=?= <siti@example.id>", "Siti Nurhaliza", "siti@example.id"),
            ("=?UTF-8?Q?Dewi?= =?UTF-8?Q?_Lestari?= <dewi@example.id>", "Dewi Lestari", "dewi@example.id"),
            ("Andi <andi@example.id>, Budi <budi@example.id>", "Andi", "andi@example.id"),
            ("Relay <@mx.example.id:andi@example.id>", "Relay", "andi@example.id"),
            ("Andi < andi@example.id >", "Andi", "andi@example.id"),
        ] as [(String, String?, String)]
    )
    func addresses(field: String, name: String?, address: String) {
        #expect(MailAddress(parsing: field) == MailAddress(name: name, address: address), "\(field)")
    }

    @Test(
        "a From field without an address gives no mailbox",
        arguments: ["", "Budi Santoso", "undisclosed-recipients:;"]
    )
    func noAddress(field: String) {
        #expect(MailAddress(parsing: field) == nil)
    }
}
