import AduanBench
import AduanCore
import Foundation
import Testing

/// What the parser reads out of mail as the clients citizens use really write it.
@Suite("mail parser")
struct MailParserTests {
    func parse(_ bytes: [UInt8]) throws -> MailMessage {
        try MailParser.parse(bytes).get()
    }

    @Test("a Gmail multipart/alternative mail gives its Base64 subject, sender and quoted-printable plain text")
    func gmail() throws {
        let message = try parse(MailFixtures.gmail)
        #expect(message.subject == "Jalan rusak di Cilegon — mohon segera diperbaiki")
        #expect(message.from == MailAddress(name: "Siti Nurhaliza", address: "siti.nurhaliza@gmail.com"))
        #expect(message.messageID == "CAJx9Lk+Qm7w=ab_12@mail.gmail.com")
        #expect(message.date == RFC3339.parse("2026-03-17T10:00:00+07:00"))
        #expect(message.text == MailFixtures.gmailText + "\n")
        #expect(message.isTextFromHTML == false)
        #expect(message.attachments.isEmpty)
        #expect(message.headers["received"]?.hasSuffix("Tue, 17 Mar 2026 02:59:58 -0700 (PDT)") == true)
        #expect(message.headers["DELIVERED-TO"] == "aduan@bantenprov.go.id")
    }

    @Test("an Outlook mail: ISO-8859-1 Q subject with underscores, Windows-1252 body, folded Message-ID")
    func outlook() throws {
        let message = try parse(MailFixtures.outlook)
        #expect(message.subject == "Banjir di Perumahan Café Indah, Serang")
        #expect(message.from == MailAddress(name: "Lestari, Dewi", address: "dewi.lestari@outlook.co.id"))
        #expect(message.messageID == "SG2PR01MB4321ABCD1234@SG2PR01MB4321.apcprd01.prod.exchangelabs.com")
        #expect(message.text == "Air setinggi 50 cm masuk rumah warga – sudah dua hari.\nMohon bantuan pompa.")
    }

    @Test("a Base64 text/plain body without padding, upper-case media type and LF line ends")
    func base64Body() throws {
        let message = try parse(MailFixtures.base64Plain)
        #expect(message.text?.hasPrefix("Assalamualaikum,\n\nSaya warga Kecamatan Cipocok Jaya, Kota Serang.") == true)
        #expect(message.text?.hasSuffix("Hormat saya,\nRahmat Hidayat\n") == true)
        #expect(message.date == RFC3339.parse("2026-03-19T14:30:00+07:00"))
        #expect(message.from?.name == "Rahmat Hidayat")
    }

    @Test("an HTML-only mail becomes text: entities decoded, style/script/comments dropped, <br> and <p> as lines")
    func htmlOnly() throws {
        let message = try parse(MailFixtures.htmlOnly)
        #expect(message.text == MailFixtures.htmlOnlyText)
        #expect(message.isTextFromHTML)
        #expect(message.from == MailAddress(name: "Budi Santoso", address: "budi@example.id"))
        #expect(message.date == RFC3339.parse("2026-03-20T19:05:00Z"))
    }

    @Test("multipart/mixed: the text part is chosen after a PDF attachment, whose decoded name is recorded")
    func attachment() throws {
        let message = try parse(MailFixtures.withAttachment)
        #expect(message.text == "Jembatan di Desa Sukamaju putus. Foto terlampir.")
        #expect(
            message.attachments == [MailAttachment(filename: "Foto jembatan rûsak.pdf", mediaType: "application/pdf")]
        )
        #expect(message.date == RFC3339.parse("2026-03-23T02:00:00Z"))
    }

    @Test("nested mixed/related/alternative: the plain part, an inline image and an RFC 2231-named attachment")
    func nested() throws {
        let message = try parse(MailFixtures.nested)
        #expect(message.text == "Drainase di Jl. Pajajaran tersumbat, air meluap ke jalan.")
        #expect(message.isTextFromHTML == false)
        #expect(message.subject == "Drainase tersumbat di Tangerang Selatan")
        #expect(message.from?.name == "Nur\u{A0}Aini")
        #expect(
            message.attachments == [
                MailAttachment(filename: "foto.png", mediaType: "image/png"),
                MailAttachment(
                    filename: "Surat pengaduan – RT 03.docx",
                    mediaType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
                ),
            ]
        )
    }

    @Test("folded header fields are unfolded: the line breaks go, the blanks that follow them stay")
    func folded() throws {
        let message = try parse(MailFixtures.foldedWithoutMessageID)
        #expect(message.subject == "Irigasi sawah di Kecamatan Cikande  tidak mengalir sejak musim tanam")
        #expect(message.from == MailAddress(name: "Kelompok Tani Maju Sejahtera", address: "poktan.maju@example.id"))
        #expect(message.messageID == nil)
        #expect(message.headers.values(named: "subject").count == 1)
    }

    @Test("a multipart body without its closing boundary keeps the last part (truncated mail is still read)")
    func missingClosingBoundary() throws {
        let mail = Array(
            """
            From: a@example.id
            Content-Type: multipart/alternative; boundary="b1"

            --b1
            Content-Type: text/html

            <b>Sinyal</b> hilang
            --b1
            Content-Type: text/plain

            Sinyal hilang di Desa Cibaliung
            """.utf8
        )
        let message = try parse(mail)
        #expect(message.text == "Sinyal hilang di Desa Cibaliung")
    }

    @Test("an mbox 'From ' line before the header is skipped; an obsolete 'From :' field is not mistaken for one")
    func mboxLine() throws {
        let mbox = Array("From siti@example.id Tue Mar 17 10:00:00 2026\nFrom: siti@example.id\n\nBanjir\n".utf8)
        #expect(try parse(mbox).from?.address == "siti@example.id")
        let obsolete = Array("From : siti@example.id\nSubject : Banjir\n\nBanjir\n".utf8)
        let message = try parse(obsolete)
        #expect(message.from?.address == "siti@example.id")
        #expect(message.subject == "Banjir")
    }

    @Test("a part labelled with an unknown charset is read when its text is plain ASCII")
    func unknownCharsetOverASCII() throws {
        let mail = Array("From: a@example.id\nContent-Type: text/plain; charset=koi8-r\n\nJalan berlubang\n".utf8)
        #expect(try parse(mail).text == "Jalan berlubang\n")
    }

    @Test(
        "bytes that are not a readable mail are refused with a reason",
        arguments: [
            ("", "empty message"),
            ("\r\n\r\n  \n", "empty message"),
            (
                "Selamat pagi, jalan rusak di Serang.\nMohon diperbaiki.\n",
                "not a mail: the first line is not a header field"
            ),
            ("From: a@example.id\nSubject: x\nJalan rusak\n", "header line 3 is not a 'Name: value' field"),
            ("From: a@example.id\nSubject: tanpa badan", "not a mail: no empty line separates the header fields"),
            ("\nJalan rusak", "not a mail: the message starts with an empty line"),
            (" folded: first\n\nx", "the first header line is a continuation line"),
            (
                "Message-ID: <k1@example.id>\nContent-Type: text/plain; charset=koi8-r\n\n\u{00C1}\u{00D4}",
                "unsupported charset 'koi8-r' in the text/plain part"
            ),
            ("Content-Type: multipart/mixed\n\n--x\n\nteks\n", "multipart/mixed part without a 'boundary' parameter"),
            (
                "Content-Type: multipart/mixed; boundary=zz\n\n--yy\n\nteks\n",
                "multipart/mixed body never uses its boundary 'zz'"
            ),
        ]
    )
    func refused(input: String, reason: String) {
        guard case .failure(let error) = MailParser.parse(Array(input.utf8)) else {
            Issue.record("accepted: \(input.debugDescription)")
            return
        }
        #expect(error.description.contains(reason), "\(error.description)")
    }

    @Test("binary garbage is refused as not a mail")
    func binaryGarbage() {
        var generator = SplitMix64(seed: 7)
        let garbage = (0..<2_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        guard case .failure(let error) = MailParser.parse(garbage) else {
            Issue.record("garbage accepted")
            return
        }
        #expect(error.description.hasPrefix("not a mail"))
    }

    @Test("an error after the header was read carries the Message-ID")
    func errorKeepsMessageID() {
        let mail = Array("Message-ID: <k1@example.id>\nContent-Type: text/plain; charset=x-unknown\n\n\u{00E9}".utf8)
        guard case .failure(let error) = MailParser.parse(mail) else {
            Issue.record("accepted")
            return
        }
        #expect(error.messageID == "k1@example.id")
    }

    @Test("deeply nested multiparts are refused instead of exhausting the stack")
    func nestingBound() {
        var mail = "From: a@example.id\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 0..<100 {
            mail += "--b\(level)\nContent-Type: multipart/mixed; boundary=b\(level + 1)\n\n"
        }
        guard case .failure(let error) = MailParser.parse(Array(mail.utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.contains("nested deeper than"))
    }
}
