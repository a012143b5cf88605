import AduanCore
import Foundation
import Testing

/// How a mail becomes the intake's complaint or update, and the reasons the quarantine gives when it cannot.
@Suite("mail to spool item")
struct MailItemMapperTests {
    let mapper = MailItemMapper(source: "mail")
    let intakeTime = Date(timeIntervalSince1970: 1_773_716_400)

    func item(_ bytes: [UInt8]) -> Result<SpoolItem, SpoolItemError> {
        mapper.item(fromMail: bytes, receivedDefault: intakeTime)
    }

    func complaint(_ bytes: [UInt8]) throws -> Complaint {
        guard case .success(.complaint(let complaint)) = item(bytes) else {
            throw SpoolItemError("not a complaint: \(item(bytes))")
        }
        return complaint
    }

    @Test("a Gmail complaint keeps subject, text, sender, Message-ID and date, on channel email")
    func gmailComplaint() throws {
        let complaint = try complaint(MailFixtures.gmail)
        #expect(complaint.source == "mail")
        #expect(complaint.externalID == "CAJx9Lk+Qm7w=ab_12@mail.gmail.com")
        #expect(complaint.title == "Jalan rusak di Cilegon — mohon segera diperbaiki")
        #expect(complaint.text == MailFixtures.gmailText)
        #expect(complaint.channel == .email)
        #expect(
            complaint.reporter == Reporter(name: "Siti Nurhaliza", contact: "siti.nurhaliza@gmail.com", kind: "citizen")
        )
        #expect(complaint.receivedAt == RFC3339.parse("2026-03-17T03:00:00Z"))
        #expect(complaint.region == nil)
    }

    @Test("X-Aduan-Region is resolved the way a spool item's region is")
    func region() throws {
        let outlook = try complaint(MailFixtures.outlook)
        #expect(outlook.regionText == "Kab. Serang")
        #expect(outlook.region == Region(code: "36.04", name: "Kabupaten Serang"))
        let nested = try complaint(MailFixtures.nested)
        #expect(nested.region == Region(code: "36.74", name: "Kota Tangerang Selatan"))
    }

    @Test("without a Message-ID the id is the SHA-256 of the raw bytes: the same mail twice gets the same id")
    func hashIdentifier() throws {
        let first = try complaint(MailFixtures.foldedWithoutMessageID)
        let again = try complaint(MailFixtures.foldedWithoutMessageID)
        #expect(first.externalID == "sha256:" + SHA256.hexDigest(MailFixtures.foldedWithoutMessageID))
        #expect(first.externalID == again.externalID)
        let other = try complaint(MailFixtures.foldedWithoutMessageID + Array("Lokasi: Desa Junti.\r\n".utf8))
        #expect(other.externalID != first.externalID)
    }

    @Test("a mail without a readable Date field is dated at intake")
    func defaultDate() throws {
        let mail = Array("From: a@example.id\nDate: kemarin\n\nBanjir di Lebak".utf8)
        #expect(try complaint(mail).receivedAt == intakeTime)
    }

    @Test("an HTML-only mail's text is its reduced HTML, trimmed")
    func htmlComplaint() throws {
        #expect(try complaint(MailFixtures.htmlOnly).text == MailFixtures.htmlOnlyText)
    }

    @Test("X-Aduan-Update-For with a case id makes an update: status from X-Aduan-Status, note from the body")
    func updateByCaseID() {
        guard case .success(.update(let update)) = item(MailFixtures.update) else {
            Issue.record("not an update: \(item(MailFixtures.update))")
            return
        }
        #expect(update.target == .caseID(42))
        #expect(update.status == .inProgress)
        #expect(update.note == "Tim sudah dikirim ke lokasi, perbaikan dimulai Senin.")
        #expect(update.externalID == "update-42-1@dpupr.bantenprov.go.id")
        #expect(update.source == "mail")
        #expect(update.originalLine == String(decoding: MailFixtures.update, as: UTF8.self))
    }

    @Test("X-Aduan-Update-For names a complaint by <source>/<external id>; a status alone needs no body")
    func updateByKey() {
        let mail = Array(
            "Message-ID: <u2@example.id>\nX-Aduan-Update-For: mail/<CAJx9Lk@mail.gmail.com>\nX-Aduan-Status: resolved\n\n"
                .utf8
        )
        guard case .success(.update(let update)) = item(mail) else {
            Issue.record("not an update: \(item(mail))")
            return
        }
        #expect(update.target == .complaint(source: "mail", externalID: "CAJx9Lk@mail.gmail.com"))
        #expect(update.status == .resolved)
        #expect(update.note == nil)
    }

    @Test(
        "mail that cannot become an item is refused with a reason that names the problem and the Message-ID",
        arguments: [
            (
                "Message-ID: <e1@x.id>\nSubject: kosong\n\n  \n", "no body text: the mail's text part is empty",
                "e1@x.id"
            ),
            (
                "Message-ID: <e2@x.id>\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: application/pdf\n"
                    + "Content-Disposition: attachment; filename=foto.pdf\n\nJVBE\n--b--\n",
                "no body text: the mail has no text/plain or text/html part (attachments: foto.pdf)", "e2@x.id"
            ),
            (
                "Message-ID: <e3@x.id>\nX-Aduan-Update-For: 42\nX-Aduan-Status: done\n\ncatatan",
                "unknown status 'done' in 'X-Aduan-Status': use one of received verified", "e3@x.id"
            ),
            (
                "Message-ID: <e4@x.id>\nX-Aduan-Update-For: kasus-42\n\ncatatan",
                "'X-Aduan-Update-For' must be a case id or <source>/<external id>, found 'kasus-42'", "e4@x.id"
            ),
            ("Message-ID: <e5@x.id>\nX-Aduan-Update-For: 0\n\ncatatan", "must be a case id", "e5@x.id"),
            ("Message-ID: <e6@x.id>\nX-Aduan-Update-For: mail/\n\ncatatan", "must be a case id", "e6@x.id"),
            (
                "Message-ID: <e7@x.id>\nX-Aduan-Update-For: 7\n\n", "an update needs 'X-Aduan-Status' or a body text",
                "e7@x.id"
            ),
            (
                "Message-ID: <e8@x.id>\nContent-Type: text/plain; charset=\"x-mac-cyrillic\"\n\n\u{00E9}",
                "unsupported charset 'x-mac-cyrillic' in the text/plain part", "e8@x.id"
            ),
        ]
    )
    func refused(mail: String, reason: String, id: String) {
        guard case .failure(let error) = item(Array(mail.utf8)) else {
            Issue.record("accepted: \(mail.debugDescription)")
            return
        }
        #expect(error.description.contains(reason), "\(error.description)")
        #expect(error.id == id)
    }

    @Test("bytes that are not a mail are refused without an id")
    func notAMail() {
        guard case .failure(let error) = item(Array("{\"id\":\"x\",\"text\":\"json, not mail\"}\n".utf8)) else {
            Issue.record("accepted")
            return
        }
        #expect(error.description.hasPrefix("not a mail"))
        #expect(error.id == nil)
    }
}
