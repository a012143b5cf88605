import AduanControl
import AduanCore
import AduanStore
import Foundation

/// The RFC 5322 message `kind = "sendmail"` hands to the mail command: a short summary in Indonesian and English,
/// then the delivery's JSON, as `text/plain; charset=utf-8` in quoted-printable (long JSON lines would break the
/// 998-byte line limit of 8bit).
struct MailMessage {
    /// `From:`.
    var from: String
    /// `To:`.
    var to: String
    /// The delivery it carries.
    var delivery: PendingDelivery
    /// The `Date:` header's time.
    var date: Date

    /// The whole message with `\n` line ends, as sendmail reads it on stdin.
    func rendered() -> String {
        let payload = try? ControlCoding.makeDecoder().decode(DeliveryPayload.self, from: Data(delivery.payload.utf8))
        let headers = [
            "From: \(from)",
            "To: \(to)",
            "Subject: " + Self.encodedWord(subject(payload)),
            "Date: " + Self.format(date),
            "Message-ID: <\(delivery.id)@aduan>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: quoted-printable",
            "X-Aduan-Delivery: \(delivery.id)",
        ]
        let body = summary(payload) + "\n\nData lengkap / Full data (JSON):\n" + delivery.payload + "\n"
        return headers.joined(separator: "\n") + "\n\n" + Self.quotedPrintable(body)
    }

    private func subject(_ payload: DeliveryPayload?) -> String {
        let heading =
            switch delivery.purpose {
            case .assignment: "Aduan untuk ditindaklanjuti / Complaint to act on"
            case .notice: "Peringatan eskalasi / Escalation notice"
            case .carbonCopy: "Tembusan / Copy for information"
            }
        let title = payload?.summary.title ?? payload?.complaint.text.prefix(60).description ?? ""
        return "[Aduan #\(delivery.caseID)] \(heading)" + (title.isEmpty ? "" : ": \(title)")
    }

    private func summary(_ payload: DeliveryPayload?) -> String {
        guard let payload else { return "Kasus / Case \(delivery.caseID) untuk / for \(delivery.agency)" }
        let summary = payload.summary
        var lines = [
            "Kasus / Case: \(summary.id) (\(summary.state.rawValue)), instansi / agency: \(delivery.agency)",
            "Prioritas / Priority: \(summary.priority ?? "-")",
            "Tanggapi sebelum / Respond by: \(summary.respondBy.map(RFC3339.format) ?? "-")",
            "Judul / Title: \(summary.title ?? "-")",
            "Wilayah / Region: \(summary.region ?? "-")",
            "Rute / Route: \(payload.route.label ?? "-")",
            "Alasan / Reason: \(payload.reason)",
        ]
        if let notice = payload.notice {
            lines.append("Eskalasi / Escalation: \(notice.escalation) step \(notice.step): \(notice.action)")
        }
        lines.append("")
        lines.append(payload.complaint.text)
        return lines.joined(separator: "\n")
    }

    /// `text` as is when it is printable ASCII, else as RFC 2047 `=?UTF-8?B?…?=` words of at most 75 characters,
    /// split between characters and folded onto continuation lines.
    static func encodedWord(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7f }) { return text }
        var words: [String] = []
        var chunk: [UInt8] = []
        // 45 bytes make 60 base64 characters: with `=?UTF-8?B?` and `?=` a word stays within 75.
        for character in text {
            let bytes = Array(String(character).utf8)
            if chunk.count + bytes.count > 45 {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk = []
            }
            chunk += bytes
        }
        if !chunk.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words.joined(separator: "\n ")
    }

    /// Quoted-printable (RFC 2045 §6.7): lines of at most 76 characters with soft breaks, `=XX` for `=`, non-ASCII
    /// bytes and spaces at a line's end; `\n` stays a line break.
    static func quotedPrintable(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var output: [UInt8] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if index > 0 { output.append(UInt8(ascii: "\n")) }
            let bytes = Array(line.utf8)
            var width = 0
            for (position, byte) in bytes.enumerated() {
                let isLast = position == bytes.count - 1
                let isPlain =
                    (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "="))
                    || (byte == 0x20 || byte == 0x09) && !isLast
                let encoded: [UInt8] =
                    isPlain ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0f)]]
                // Leave room for the soft break's `=` unless this is the line's last piece.
                if width + encoded.count > (isLast ? 76 : 75) {
                    output += [UInt8(ascii: "="), UInt8(ascii: "\n")]
                    width = 0
                }
                output += encoded
                width += encoded.count
            }
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// RFC 5322 date-time in UTC, e.g. `Tue, 03 Mar 2026 03:00:00 +0000`.
    static func format(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
