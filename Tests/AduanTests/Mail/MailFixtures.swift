/// Complaint mails shaped like what Gmail, Outlook and other clients really send, for the mail parser's tests.
enum MailFixtures {
    /// The bytes of `text` with every LF turned into CRLF, as mail travels over SMTP.
    static func crlf(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        for byte in text.utf8 {
            if byte == 0x0A { bytes.append(0x0D) }
            bytes.append(byte)
        }
        return bytes
    }

    /// Gmail: multipart/alternative, a Base64 UTF-8 subject and sender name, a quoted-printable plain part with
    /// soft line breaks and `=C3=A9` bytes, CRLF line ends, a folded Received field.
    static let gmail = crlf(
        #"""
        Delivered-To: aduan@bantenprov.go.id
        Received: from mail-sor-f41.google.com (mail-sor-f41.google.com. [209.85.220.41])
                by mx.google.com with SMTPS id a1sor1234567pla.12.2026.03.17.02.59.58
                for <aduan@bantenprov.go.id>;
                Tue, 17 Mar 2026 02:59:58 -0700 (PDT)
        MIME-Version: 1.0
        From: =?UTF-8?B?U2l0aSBOdXJoYWxpemE=?= <siti.nurhaliza@gmail.com>
        Date: Tue, 17 Mar 2026 10:00:00 +0700
        Message-ID: <CAJx9Lk+Qm7w=ab_12@mail.gmail.com>
        Subject: =?UTF-8?B?SmFsYW4gcnVzYWsgZGkgQ2lsZWdvbiDigJQgbW9ob24gc2VnZXJhIGRpcGVyYmFpa2k=?=
        To: aduan@bantenprov.go.id
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5"

        --000000000000a1b2c3d4e5
        Content-Type: text/plain; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        Selamat pagi,

        Jalan di depan kantor kelurahan Jombang Wetan, Cilegon rusak parah sejak b=
        ulan lalu. Sudah tiga pengendara motor jatuh. Mohon dinas terkait segera =
        memperbaiki. Caf=C3=A9 di sebelahnya juga terdampak.

        Terima kasih,
        Siti

        --000000000000a1b2c3d4e5
        Content-Type: text/html; charset="UTF-8"
        Content-Transfer-Encoding: quoted-printable

        <div dir=3D"ltr">Selamat pagi,<div><br></div><div>Jalan di depan kantor kel=
        urahan Jombang Wetan rusak parah.</div></div>

        --000000000000a1b2c3d4e5--
        """#
    )

    /// The plain text Gmail's part decodes to.
    static let gmailText = """
        Selamat pagi,

        Jalan di depan kantor kelurahan Jombang Wetan, Cilegon rusak parah sejak bulan lalu. Sudah tiga pengendara \
        motor jatuh. Mohon dinas terkait segera memperbaiki. Café di sebelahnya juga terdampak.

        Terima kasih,
        Siti
        """

    /// Outlook: an ISO-8859-1 `Q` subject with underscores, a Windows-1252 body (0x96 is an en dash), quoted
    /// display name, region header set by the province's web form relay.
    static let outlook = crlf(
        #"""
        From: "Lestari, Dewi" <dewi.lestari@outlook.co.id>
        To: "Aduan Banten" <aduan@bantenprov.go.id>
        Subject: =?iso-8859-1?Q?Banjir_di_Perumahan_Caf=E9_Indah,_Serang?=
        Thread-Topic: Banjir di Perumahan
        Thread-Index: AdqXyZ1234567890abcdefABCDEF==
        Date: Wed, 18 Mar 2026 08:15:00 +0000
        Message-ID:
         <SG2PR01MB4321ABCD1234@SG2PR01MB4321.apcprd01.prod.exchangelabs.com>
        Accept-Language: id-ID, en-US
        Content-Language: id-ID
        X-Aduan-Region: Kab. Serang
        Content-Type: text/plain; charset="Windows-1252"
        Content-Transfer-Encoding: quoted-printable
        MIME-Version: 1.0

        Air setinggi 50 cm masuk rumah warga =96 sudah dua hari.=0D=0A=
        Mohon bantuan pompa.
        """#
    )

    /// A text/plain body in Base64 (lines of 76) from a mobile client, LF line ends, no weekday in the Date.
    static let base64Plain = Array(
        #"""
        From: Rahmat Hidayat <rahmat.h@yahoo.co.id>
        To: aduan@bantenprov.go.id
        Subject: Sampah tidak diangkut
        Date: 19 Mar 2026 14:30 +0700
        Message-ID: <1742369400.rahmat@yahoo.co.id>
        MIME-Version: 1.0
        Content-Type: TEXT/PLAIN; CHARSET=utf-8
        Content-Transfer-Encoding: BASE64

        QXNzYWxhbXVhbGFpa3VtLAoKU2F5YSB3YXJnYSBLZWNhbWF0YW4gQ2lwb2NvayBKYXlhLCBLb3Rh
        IFNlcmFuZy4gU2FtcGFoIGRpIFRQUyBkZWthdCBwYXNhciBzdWRhaAp0aWdhIG1pbmdndSB0aWRh
        ayBkaWFuZ2t1dCBkYW4gYmF1bnlhIHNhbXBhaSBrZSBydW1haCB3YXJnYS4gTW9ob24gZGl0aW5k
        YWtsYW5qdXRpLgoKSG9ybWF0IHNheWEsClJhaG1hdCBIaWRheWF0Cg
        """#.utf8
    )

    /// HTML only: entities, a style sheet and a script that must not become text, `<br>` and paragraphs.
    static let htmlOnly = crlf(
        #"""
        From: budi@example.id (Budi Santoso)
        Subject: Lampu jalan mati
        Date: Fri, 20 Mar 26 19:05:00 GMT
        Message-ID: <html-only-1@example.id>
        Content-Type: text/html; charset=us-ascii

        <html><head><title>Pengaduan</title><style>p { color: red; }</style></head>
        <body><p>Lampu   jalan mati &amp; gelap</p>
        <p>Lokasi: Jl.&nbsp;Raya Serang&#8211;Cilegon km&nbsp;5 &lt;dekat SPBU&gt; &#x2014; caf&eacute;</p>
        <script type="text/javascript">if (a < b) { alert("x"); }</script><!-- tracking <p>pixel</p> -->
        Terima kasih<br>Budi<br/>0812&nbsp;3456</body></html>
        """#
    )

    /// The text `htmlOnly` reduces to.
    static let htmlOnlyText =
        "Lampu jalan mati & gelap\n\nLokasi: Jl. Raya Serang–Cilegon km 5 <dekat SPBU> — café\n\n"
        + "Terima kasih\nBudi\n0812 3456"

    /// multipart/mixed: a text part and a Base64 PDF attachment whose name is an encoded-word.
    static let withAttachment = crlf(
        #"""
        From: Andi <andi@example.id>
        Subject: Laporan kerusakan jembatan
        Date: Mon, 23 Mar 2026 09:00:00 +0700 (WIB)
        Message-ID: <mixed-attachment-1@example.id>
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="----=_Part_123_456.789"

        This is a multi-part message in MIME format.

        ------=_Part_123_456.789
        Content-Type: application/pdf; name="=?UTF-8?Q?Foto_jembatan_r=C3=BBsak.pdf?="
        Content-Disposition: attachment; filename="=?UTF-8?Q?Foto_jembatan_r=C3=BBsak.pdf?="
        Content-Transfer-Encoding: base64

        JVBERi0xLjQKJeLjz9MKMSAwIG9iaiA8PCAvVHlwZSAvQ2F0YWxvZyA+PiBlbmRvYmoKdHJhaWxl
        ciA8PCAvUm9vdCAxIDAgUiA+PgolJUVPRgo=
        ------=_Part_123_456.789
        Content-Type: text/plain; charset=ISO-8859-1
        Content-Transfer-Encoding: 8bit

        Jembatan di Desa Sukamaju putus. Foto terlampir.
        ------=_Part_123_456.789--

        epilogue text that is not part of any part
        """#
    )

    /// mixed → related → alternative (plain, html) + inline image, then an RFC 2231-named attachment; LF ends.
    static let nested = Array(
        #"""
        From: "=?UTF-8?Q?Nur=C2=A0Aini?=" <nur.aini@example.id>
        Subject: =?UTF-8?Q?Drainase_tersumbat_?= =?UTF-8?Q?di_Tangerang_Selatan?=
        Date: Tue, 24 Mar 2026 07:45:10 +0700
        Message-ID: <nested-1@example.id>
        X-Aduan-Region: Kota Tangerang Selatan
        Content-Type: multipart/mixed; boundary=outer

        --outer
        Content-Type: multipart/related; boundary="related"; type="multipart/alternative"

        --related
        Content-Type: multipart/alternative; boundary="alt"

        --alt
        Content-Type: text/plain; charset=utf-8

        Drainase di Jl. Pajajaran tersumbat, air meluap ke jalan.
        --alt
        Content-Type: text/html; charset=utf-8

        <p>Drainase di Jl. Pajajaran tersumbat.</p>
        --alt--
        --related
        Content-Type: image/png; name="foto.png"
        Content-Disposition: inline
        Content-ID: <foto@example.id>
        Content-Transfer-Encoding: base64

        iVBORw0KGgoAAAANSUhEUg==
        --related--
        --outer
        Content-Type: application/vnd.openxmlformats-officedocument.wordprocessingml.document
        Content-Disposition: attachment;
         filename*=UTF-8''Surat%20pengaduan%20%E2%80%93%20RT%2003.docx

        UEsDBBQAAAAIAA==
        --outer--
        """#.utf8
    )

    /// Folded Subject and From, no Message-ID (the mapper falls back to a hash of the bytes).
    static let foldedWithoutMessageID = crlf(
        #"""
        From: Kelompok Tani Maju
         Sejahtera <poktan.maju@example.id>
        Subject: Irigasi sawah di Kecamatan Cikande
          tidak mengalir sejak
         musim tanam
        Date: Thu, 26 Mar 2026 16:20:00 +0700
        Content-Type: text/plain

        Saluran irigasi tersier rusak dan air tidak sampai ke sawah.
        """#
    )

    /// An update sent by an agency officer: case 42 is in progress, the body is the note.
    static let update = crlf(
        #"""
        From: Petugas DPUPR <petugas@dpupr.bantenprov.go.id>
        Subject: Re: Jalan rusak di Cilegon
        Date: Fri, 27 Mar 2026 11:00:00 +0700
        Message-ID: <update-42-1@dpupr.bantenprov.go.id>
        X-Aduan-Update-For: 42
        X-Aduan-Status: in_progress
        Content-Type: text/plain; charset=utf-8

        Tim sudah dikirim ke lokasi, perbaikan dimulai Senin.
        """#
    )
}
