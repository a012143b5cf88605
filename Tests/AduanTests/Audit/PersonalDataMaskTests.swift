import Testing

@testable import AduanDaemon

@Suite("personal data masking")
struct PersonalDataMaskTests {
    @Test(
        "names, phone numbers, e-mail addresses and NIKs keep only what lets someone who knows them recognise them",
        arguments: [
            (PersonalDataMask.name("Budi Santoso"), "Bu** Sa*****"),
            (PersonalDataMask.name("Ny. Ai"), "Ny* A*"),
            (PersonalDataMask.contact("081234567789"), "0812*****789"),
            (PersonalDataMask.contact("0812-3456-789"), "0812******789"),
            (PersonalDataMask.contact("andi@gmail.com"), "a***@gmail.com"),
            (PersonalDataMask.contact("12345"), "1****"),
            (PersonalDataMask.nik("3671012345670001"), "3671************"),
        ]
    )
    func masks(masked: String, expected: String) {
        #expect(masked == expected)
    }

    @Test("free text in a log line loses phone numbers, NIKs and e-mail addresses, not times, ids or counts")
    func scrubsFreeText() {
        #expect(
            PersonalDataMask.scrub("hubungi 0812-3456-7890 atau budi@mail.id, NIK 3671012345670001")
                == "hubungi 0812*******890 atau b***@mail.id, NIK 3671*********001"
        )
        let plain = "batch of 1000 items at 2026-03-17T03:00:00Z for case 123456"
        #expect(PersonalDataMask.scrub(plain) == plain)
    }
}
