import AduanCore
import Testing

/// RFC 2047 encoded-words as subjects and names arrive in them.
@Suite("encoded-words")
struct EncodedWordDecoderTests {
    @Test(
        "encoded-words decode in every supported charset and encoding",
        arguments: [
            ("=?UTF-8?B?SmFsYW4gcnVzYWsgZGkgQ2lsZWdvbg==?=", "Jalan rusak di Cilegon"),
            ("=?utf-8?b?SmFsYW4gcnVzYWs?=", "Jalan rusak"),  // no padding
            ("=?UTF-8?Q?Caf=C3=A9_Serang?=", "Café Serang"),
            ("=?ISO-8859-1?Q?Caf=E9_Serang?=", "Café Serang"),
            ("=?iso-8859-1?q?Caf=e9?=", "Café"),
            ("=?windows-1252?Q?=93Banjir=94_=96_Lebak?=", "“Banjir” – Lebak"),
            ("=?cp1252?Q?=80_100?=", "€ 100"),
            ("=?ISO-8859-15?Q?=A4_100?=", "€ 100"),
            ("=?us-ascii?Q?Jalan_rusak?=", "Jalan rusak"),
            ("=?UTF-8*id?Q?Jalan?=", "Jalan"),  // RFC 2231 language suffix
        ]
    )
    func decodes(encoded: String, decoded: String) {
        #expect(EncodedWordDecoder.decode(encoded) == decoded)
    }

    @Test(
        "white space between adjacent encoded-words is dropped, elsewhere it stays",
        arguments: [
            ("=?UTF-8?Q?Jalan_?= =?UTF-8?Q?rusak?=", "Jalan rusak"),
            ("=?UTF-8?Q?Jalan?=\t  =?UTF-8?Q?_rusak?=", "Jalan rusak"),
            ("=?UTF-8?Q?a?= =?ISO-8859-1?Q?=E9?=", "aé"),
            ("Re: =?UTF-8?Q?Jalan?= rusak", "Re: Jalan rusak"),
            ("=?UTF-8?Q?Jalan?= rusak =?UTF-8?Q?parah?=", "Jalan rusak parah"),
            ("Laporan =?UTF-8?Q?jalan?=  ", "Laporan jalan  "),
            // A character whose UTF-8 bytes are split across two words survives.
            ("=?UTF-8?B?SmFsYW4gcnVzYWsgZGkgQ2lsZWdvbiDi?= =?UTF-8?B?gJQgcGFyYWg=?=", "Jalan rusak di Cilegon — parah"),
        ]
    )
    func adjacentWords(encoded: String, decoded: String) {
        #expect(EncodedWordDecoder.decode(encoded) == decoded)
    }

    @Test(
        "malformed encoded-words and unknown charsets are left as they are",
        arguments: [
            "=?UTF-8?Q?Caf=C?=",
            "=?UTF-8?X?abc?=",
            "=?UTF-8?B?Sm$F?=",
            "=?koi8-r?Q?abc?=",
            "=?UTF-8?Q?no end",
            "=??Q?abc?=",
            "=?UTF-8?Q?with space?=",
            "plain = text ?= here",
            "=?",
        ]
    )
    func malformed(text: String) {
        #expect(EncodedWordDecoder.decode(text) == text)
    }
}
