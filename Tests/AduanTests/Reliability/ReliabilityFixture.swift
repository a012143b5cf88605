import AduanControl
import AduanCore
import Foundation
import Testing

@testable import AduanStore

/// A daemon folder for the reliability tests: a tiny rule set whose deadlines fall due within a minute, a config
/// with several sources, and writers that feed each source the way its real producers do (write aside, rename in).
struct ReliabilityFixture {
    /// A calendar open around the clock, a one-minute respond budget and a two-step ladder: a complaint received
    /// a minute ago is escalated at once, one received now a minute later.
    static let rules = """
        calendar "default" {
            timezone = "Asia/Jakarta"
            hours = "Mon-Sun 00:00-24:00"
        }
        agency "dpupr" { name = "Dinas Pekerjaan Umum dan Penataan Ruang" }
        agency "dlh" { name = "Dinas Lingkungan Hidup" }
        agency "biro" { name = "Biro Pemerintahan" }
        list "jalan" { phrases = ["jalan rusak"] }
        list "sampah" { phrases = ["sampah"] }
        escalation "cepat" {
            step {
                at = respond_deadline - 1 minutes
                do = mark_overdue
            }
            step {
                at = respond_deadline
                do = notify("agency-head")
            }
        }
        priority "kilat" {
            respond = 1 minutes
            resolve = 30 minutes
            escalation = "cepat"
        }
        route "Jalan" {
            when = text has any jalan
            to = "dpupr"
        }
        route "Sampah" {
            when = text has any sampah
            to = "dlh"
            verify = manual
        }
        otherwise { to = "biro" }
        """

    /// Complaint texts: one per route.
    static let texts = [
        "Jalan rusak parah di depan sekolah, banyak lubang",
        "Sampah menumpuk di pasar sejak seminggu",
        "Lampu penerangan mati di perumahan",
    ]

    let folder: TemporaryDirectory

    /// The spool sources' names, the CSV source's and the Maildir source's, as the config declares them.
    static let spoolSources = ["lapor", "web"]
    static let csvSource = "ekspor"
    static let maildirSource = "email"

    /// Makes the folder with `rules/` and `aduand.conf` (state in `state/`).
    init(
        label: String,
        every: String = "100ms",
        extraDaemonKeys: String = "",
        stateDirectory: String = "state"
    )
        throws
    {
        folder = try TemporaryDirectory(label)
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try Self.rules.write(toFile: folder.file("rules/test.rules"), atomically: true, encoding: .utf8)
        var config = """
            daemon {
                state_dir = "\(stateDirectory)"
                rules = "rules"
            \(extraDaemonKeys)
            }

            """
        for name in Self.spoolSources {
            config += """
                source "\(name)" {
                    kind = "spool"
                    path = "\(name)"
                    every = "\(every)"
                    backoff_max = "2s"
                }

                """
        }
        config += """
            source "\(Self.csvSource)" {
                kind = "csv"
                path = "\(Self.csvSource)"
                every = "\(every)"
                backoff_max = "2s"
            }
            source "\(Self.maildirSource)" {
                kind = "maildir"
                path = "Maildir"
                every = "\(every)"
                backoff_max = "2s"
            }
            """
        try config.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        for name in Self.spoolSources + [Self.csvSource] {
            try FileManager.default.createDirectory(
                atPath: folder.file(name + "/inbox"),
                withIntermediateDirectories: true
            )
        }
        for part in ["new", "cur", "tmp"] {
            try FileManager.default.createDirectory(
                atPath: folder.file("Maildir/" + part),
                withIntermediateDirectories: true
            )
        }
    }

    var stateDirectory: String { folder.file("state") }

    /// Removes the folder with `rm -rf`: tens of thousands of files (processed, outbox) go several times faster
    /// than through FileManager.
    func remove() {
        _ = try? CommandRun.run("/bin/rm", ["-rf", folder.path])
    }
    var databasePath: String { stateDirectory + "/aduan.db" }

    /// Starts the daemon on the fixture's config.
    func startDaemon(waitForReady: Bool = true, environment: [String: String]? = nil) throws -> DaemonProcess {
        try DaemonProcess(
            stateDirectory: stateDirectory,
            arguments: ["--config", folder.file("aduand.conf")],
            workingDirectory: folder.path,
            environment: environment,
            waitForReady: waitForReady
        )
    }

    // MARK: Items

    /// One spool complaint line.
    static func spoolLine(id: String, text: String, receivedAt: Date) -> String {
        let received = RFC3339.format(receivedAt, offsetSeconds: 7 * 3_600)
        return
            #"{"id":"\#(id)","title":"Aduan \#(id)","text":"\#(text)","channel":"web","region":"Kota Serang","received_at":"\#(received)","reporter":{"name":"Budi","contact":"0812-0000-0001","kind":"citizen"}}"#
    }

    /// A spool line the decoder rejects (an unknown channel): it must end in quarantine, never stored.
    static func badSpoolLine(id: String) -> String {
        #"{"id":"\#(id)","text":"Lampu jalan mati","channel":"fax"}"#
    }

    static let csvHeader = "id,text,received_at,region,channel\n"

    /// One CSV record.
    static func csvRow(id: String, text: String, receivedAt: Date) -> String {
        "\(id),\"\(text)\",\(RFC3339.format(receivedAt, offsetSeconds: 7 * 3_600)),Kabupaten Serang,web\n"
    }

    /// A CSV record the decoder rejects (an unknown channel).
    static func badCSVRow(id: String) -> String {
        "\(id),\"Lampu jalan mati\",2026-03-17T10:00:00+07:00,Kota Serang,fax\n"
    }

    /// A plain complaint mail; its Message-ID is the stored external id (`<id>@mail.example.id`).
    static func mail(id: String, text: String, receivedAt: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(secondsFromGMT: 7 * 3_600)
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return """
            From: Warga Banten <warga@example.id>
            To: aduan@bantenprov.go.id
            Subject: Aduan \(id)
            Date: \(formatter.string(from: receivedAt))
            Message-ID: <\(id)@mail.example.id>
            MIME-Version: 1.0
            Content-Type: text/plain; charset=UTF-8

            \(text)

            """
    }

    /// A file a producer hands to a source: written under a hidden name, then renamed into place.
    struct Drop: Sendable {
        /// The folder the file is renamed into (an inbox, or a Maildir's `new/`).
        var directory: String
        /// Its name there.
        var name: String
        /// Its content.
        var content: String
        /// Where the producer writes it first (same file system).
        var staging: String

        func write() throws {
            let temporary = staging + "/." + name + ".tmp"
            try content.write(toFile: temporary, atomically: false, encoding: .utf8)
            guard rename(temporary, directory + "/" + name) == 0 else {
                throw DaemonFailure(message: "cannot rename \(temporary) into \(directory): errno \(errno)")
            }
        }
    }

    /// Spool, CSV and Maildir drops holding `count` complaints (ids unique per source), split over the sources,
    /// and a few bad items in quarantine's way; `expected` holds each stored item's (source, external id).
    func drops(
        count: Int,
        receivedAt: (Int) -> Date,
        badItems: Int = 0
    ) -> (drops: [Drop], expected: Set<String>, bad: Int) {
        var drops: [Drop] = []
        var expected: Set<String> = []
        var bad = 0
        var number = 0
        func nextComplaint(_ source: String) -> (id: String, text: String, at: Date) {
            defer { number += 1 }
            let id = "\(source)-\(number)"
            return (id, Self.texts[number % Self.texts.count], receivedAt(number))
        }
        // 40 % in spool batches of 100 (lapor), 20 % in spool files of 10 (web), 25 % in CSV exports of 250,
        // 15 % as single mails.
        let lapor = count * 40 / 100
        let web = count * 20 / 100
        let csv = count * 25 / 100
        let mails = Self.expectedMails(of: count)
        for (source, total, perFile) in [("lapor", lapor, 100), ("web", web, 10)] {
            var fileNumber = 0
            var taken = 0
            while taken < total {
                var lines: [String] = []
                for _ in 0..<min(perFile, total - taken) {
                    let item = nextComplaint(source)
                    lines.append(Self.spoolLine(id: item.id, text: item.text, receivedAt: item.at))
                    expected.insert(source + "|" + item.id)
                    taken += 1
                }
                if bad < badItems / 2, fileNumber % 7 == 3 {
                    lines.insert(Self.badSpoolLine(id: "\(source)-bad-\(fileNumber)"), at: lines.count / 2)
                    bad += 1
                }
                let name = String(format: "%@-%05d.%@", source, fileNumber, fileNumber % 4 == 0 ? "ndjson" : "jsonl")
                drops.append(
                    Drop(
                        directory: folder.file(source + "/inbox"),
                        name: name,
                        content: lines.joined(separator: "\n") + "\n",
                        staging: folder.file(source + "/inbox")
                    )
                )
                fileNumber += 1
            }
        }
        var fileNumber = 0
        var taken = 0
        while taken < csv {
            var content = Self.csvHeader
            for _ in 0..<min(250, csv - taken) {
                let item = nextComplaint(Self.csvSource)
                content += Self.csvRow(id: item.id, text: item.text, receivedAt: item.at)
                expected.insert(Self.csvSource + "|" + item.id)
                taken += 1
            }
            if bad < badItems {
                content += Self.badCSVRow(id: "\(Self.csvSource)-bad-\(fileNumber)")
                bad += 1
            }
            drops.append(
                Drop(
                    directory: folder.file(Self.csvSource + "/inbox"),
                    name: String(format: "export-%04d.csv", fileNumber),
                    content: content,
                    staging: folder.file(Self.csvSource + "/inbox")
                )
            )
            fileNumber += 1
        }
        for _ in 0..<mails {
            let item = nextComplaint("mail")
            drops.append(
                Drop(
                    directory: folder.file("Maildir/new"),
                    name: "1764140000.M\(number)P4242.aduan-test",
                    content: Self.mail(id: item.id, text: item.text, receivedAt: item.at),
                    staging: folder.file("Maildir/tmp")
                )
            )
            expected.insert(Self.maildirSource + "|" + item.id + "@mail.example.id")
        }
        return (drops, expected, bad)
    }

    /// How many of `count` complaints ``drops(count:receivedAt:badItems:)`` sends as mail.
    static func expectedMails(of count: Int) -> Int {
        count - count * 40 / 100 - count * 20 / 100 - count * 25 / 100
    }

    // MARK: What is left in the folders

    /// Files still waiting in a spool or CSV inbox, or in the Maildir's `new/` and unseen `cur/`.
    func waitingFiles() -> [String] {
        var waiting: [String] = []
        for name in Self.spoolSources + [Self.csvSource] {
            let inbox = folder.file(name + "/inbox")
            waiting += ((try? FileManager.default.contentsOfDirectory(atPath: inbox)) ?? []).map { inbox + "/" + $0 }
        }
        waiting += ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Maildir/new"))) ?? [])
        waiting += ((try? FileManager.default.contentsOfDirectory(atPath: folder.file("Maildir/cur"))) ?? []).filter {
            !$0.hasSuffix(":2,S")
        }
        return waiting
    }

    /// The names of the files in a source folder's `processed/` or `quarantine/`.
    func files(in source: String, _ part: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.file(source + "/" + part))) ?? []).sorted()
    }

    // MARK: The store, read as it is on disk

    /// A read-only connection to the daemon's database (WAL lets it read while the daemon writes).
    func database() throws -> Database {
        try Database(path: databasePath, mode: .readOnly)
    }

    /// The stored complaints' `source|external_id` keys, with how often each is stored.
    func storedKeys() throws -> [String: Int] {
        var keys: [String: Int] = [:]
        try database().query("SELECT source, external_id FROM complaints") { row in
            keys[row.text(0) + "|" + row.text(1), default: 0] += 1
        }
        return keys
    }
}
