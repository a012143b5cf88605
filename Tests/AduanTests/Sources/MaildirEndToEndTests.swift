import AduanControl
import AduanCore
import Foundation
import Testing

/// A real `aduand` reading a real Maildir: every message becomes one case, even across `kill -9`.
@Suite("Maildir intake end to end", .serialized)
struct MaildirEndToEndTests {
    /// Complaint mail as citizens' mail programs send it: encoded-word subjects, base64 or quoted-printable
    /// bodies, sometimes HTML only, each with its own Message-ID.
    static func message(_ number: Int, text: String, title: String) -> String {
        let subject = "=?UTF-8?B?\(Data(title.utf8).base64EncodedString())?="
        let headers = """
            From: =?UTF-8?Q?Warga_Banten_\(number)?= <warga\(number)@example.id>
            To: aduan@bantenprov.go.id
            Subject: \(subject)
            Date: Thu, 26 Nov 2026 09:\(String(format: "%02d", number % 60)):00 +0700
            Message-ID: <aduan-\(number)@mail.example.id>
            MIME-Version: 1.0
            """
        switch number % 3 {
        case 0:
            let body = Data(text.utf8).base64EncodedString(options: .lineLength76Characters)
            return headers + "\nContent-Type: text/plain; charset=UTF-8\nContent-Transfer-Encoding: base64\n\n\(body)\n"
        case 1:
            return headers + """

                Content-Type: multipart/alternative; boundary="b\(number)"

                --b\(number)
                Content-Type: text/plain; charset=UTF-8
                Content-Transfer-Encoding: 8bit

                \(text)
                --b\(number)
                Content-Type: text/html; charset=UTF-8

                <p>\(text)</p>
                --b\(number)--

                """
        default:
            return headers + "\nContent-Type: text/html; charset=UTF-8\n\n<html><body><p>\(text)</p></body></html>\n"
        }
    }

    static func seedTexts() throws -> [(title: String, text: String)] {
        let lines = try String(contentsOfFile: TestPaths.seedsDirectory + "/complaints.jsonl", encoding: .utf8)
            .split(separator: "\n")
        return try lines.map { line in
            let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
            return (object["title"] as? String ?? "Aduan", object["text"] as? String ?? "")
        }
    }

    func writeMaildir(_ root: String, count: Int) throws {
        for folder in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let texts = try Self.seedTexts()
        for number in 1...count {
            let seed = texts[number % texts.count]
            let name = "1764140000.M\(number)P4242.aduan-test"
            try Self.message(number, text: seed.text, title: seed.title)
                .write(toFile: root + "/tmp/" + name, atomically: false, encoding: .utf8)
            #expect(rename(root + "/tmp/" + name, root + "/new/" + name) == 0)
        }
    }

    func startDaemon(_ folder: TemporaryDirectory) throws -> DaemonProcess {
        try DaemonProcess(
            stateDirectory: folder.file("state"),
            arguments: ["--config", folder.file("aduand.conf")],
            workingDirectory: folder.path
        )
    }

    @Test("1,000 messages become 1,000 cases, and kill -9 in the middle then a restart still gives exactly 1,000")
    func thousandMessagesSurviveKill() throws {
        let folder = try TemporaryDirectory("aduan-maildir")
        defer { folder.remove() }
        try writeMaildir(folder.file("Maildir"), count: 1_000)
        try """
        daemon {
            state_dir = "state"
            rules = "\(TestPaths.rulesDirectory)"
        }
        source "email" {
            kind = "maildir"
            path = "Maildir"
            every = "200ms"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        let first = try startDaemon(folder)
        // Kill it while it moves the stored batch's messages to cur/: stored but not yet all marked seen.
        _ = eventually(within: 60) {
            ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Maildir/cur"))) ?? []).count > 0
        }
        #expect(first.stop(signal: SIGKILL) != nil)
        let second = try startDaemon(folder)
        defer { second.stop() }
        #expect(try eventually(within: 120) { try second.status().complaints == 1_000 })
        #expect(
            eventually(within: 60) {
                ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Maildir/new"))) ?? []).isEmpty
            }
        )
        let status = try second.status()
        #expect(status.complaints == 1_000)
        #expect(status.cases.byState.values.reduce(0, +) == 1_000)
        let seen = try FileManager.default.contentsOfDirectory(atPath: folder.file("Maildir/cur"))
        #expect(seen.count == 1_000)
        #expect(seen.allSatisfy { $0.hasSuffix(":2,S") })

        let run = try CommandRun.aduanctl(["--socket", second.socketPath, "cases", "--limit", "0", "--json"])
        let cases = try ControlCoding.makeDecoder().decode([CaseSummary].self, from: Data(run.standardOutput.utf8))
        #expect(Set(cases.map(\.externalID)).count == 1_000)
        #expect(cases.allSatisfy { $0.source == "email" && $0.externalID.hasSuffix("@mail.example.id") })
        #expect(cases.allSatisfy { $0.agency != nil })
    }

    @Test("an unreadable message goes to quarantine with its reason; a mail update moves its case")
    func quarantineAndUpdates() throws {
        let folder = try TemporaryDirectory("aduan-maildir")
        defer { folder.remove() }
        let root = folder.file("Maildir")
        try writeMaildir(root, count: 1)
        try "this is not a mail at all".write(
            toFile: root + "/new/1764140001.M9P1.broken",
            atomically: true,
            encoding: .utf8
        )
        try """
        daemon {
            state_dir = "state"
            rules = "\(TestPaths.rulesDirectory)"
        }
        source "email" {
            kind = "maildir"
            path = "Maildir"
            every = "200ms"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        let daemon = try startDaemon(folder)
        defer { daemon.stop() }
        #expect(try eventually { try daemon.status().complaints == 1 })
        let list = try CommandRun.aduanctl(["--socket", daemon.socketPath, "quarantine", "list", "--json"])
        let entries = try ControlCoding.makeDecoder().decode(
            [QuarantineEntry].self,
            from: Data(list.standardOutput.utf8)
        )
        #expect(entries.map(\.name) == ["1764140001.M9P1.broken"])
        #expect(entries.first?.reason.isEmpty == false)

        let update = """
            From: petugas@dpupr.bantenprov.go.id
            Subject: Tindak lanjut
            Message-ID: <update-1@dpupr.bantenprov.go.id>
            X-Aduan-Update-For: email/aduan-1@mail.example.id
            X-Aduan-Status: resolved
            Content-Type: text/plain; charset=UTF-8

            Jalan sudah diperbaiki oleh tim UPT.
            """
        try update.write(toFile: root + "/tmp/u1", atomically: false, encoding: .utf8)
        #expect(rename(root + "/tmp/u1", root + "/new/1764140002.M10P1.update") == 0)
        #expect(try eventually { try daemon.status().cases.byState["resolved"] == 1 })
    }
}
