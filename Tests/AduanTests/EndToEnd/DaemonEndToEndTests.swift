import AduanControl
import AduanCore
import Foundation
import Testing

/// The built `aduand` as a real child process, driven through real files, a real socket and the real `aduanctl`.
@Suite("aduand end to end", .serialized)
struct DaemonEndToEndTests {
    /// Writes a spool file the way writers must: under a hidden name, then renamed into place.
    static func drop(_ lines: [String], named name: String, into inbox: String) throws {
        let hidden = inbox + "/." + name + ".tmp"
        try (lines.joined(separator: "\n") + "\n").write(toFile: hidden, atomically: false, encoding: .utf8)
        try FileManager.default.moveItem(atPath: hidden, toPath: inbox + "/" + name)
    }

    static func complaint(
        _ id: String,
        _ text: String,
        region: String = "Kota Serang",
        received: String = "2026-03-17T10:00:00+07:00"
    ) -> String {
        #"{"id":"\#(id)","title":"Aduan \#(id)","text":"\#(text)","channel":"web","region":"\#(region)","received_at":"\#(received)","reporter":{"name":"Budi","contact":"0812-0000-0001","kind":"citizen"}}"#
    }

    @Test("a complaint dropped into the inbox is stored, routed and shown by aduanctl with its history")
    func complaintEndToEnd() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        // Received now, so that no deadline has passed (an old complaint would already be escalated and reassigned).
        let received = RFC3339.format(Date(), offsetSeconds: 7 * 3_600)
        try Self.drop(
            [
                Self.complaint(
                    "w-1",
                    "Jln. rusak parah dan berlubang di depan pasar, sdh 3 bulan tdk diperbaiki.",
                    received: received
                )
            ],
            named: "web.jsonl",
            into: folder.file("state/inbox")
        )
        let ctl = ["--socket", daemon.socketPath]
        var listed: [CaseSummary] = []
        #expect(
            try eventually {
                let run = try CommandRun.aduanctl(ctl + ["cases", "--json"])
                listed = try ControlCoding.makeDecoder().decode([CaseSummary].self, from: Data(run.standardOutput.utf8))
                return listed.count == 1
            }
        )
        let routed = try #require(listed.first)
        #expect(routed.externalID == "w-1")
        #expect(routed.agency == "dpupr")
        #expect(routed.region == "Kota Serang")
        #expect(routed.route == "Jalan dan jembatan rusak")
        #expect(routed.receivedAt == RFC3339.parse(received))
        #expect(routed.priority == "P3")
        #expect(routed.respondBy != nil)

        let shown = try CommandRun.aduanctl(ctl + ["case", "show", routed.id])
        #expect(shown.exitCode == 0)
        #expect(shown.standardOutput.contains("received"))
        #expect(shown.standardOutput.contains("routed"))
        #expect(shown.standardOutput.contains("Jln. rusak parah dan berlubang"))

        let table = try CommandRun.aduanctl(ctl + ["cases", "--agency", "dpupr"])
        #expect(table.standardOutput.contains("Aduan w-1"))
        let missing = try CommandRun.aduanctl(ctl + ["case", "show", "999999"])
        #expect(missing.exitCode == 1)
        #expect(missing.standardError == "error: no case 999999\n")

        #expect(FileManager.default.fileExists(atPath: folder.file("state/processed/web.jsonl")))
        #expect(daemon.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: daemon.socketPath))
    }

    @Test("a duplicate, a malformed line and a half-written file neither lose nor double a complaint")
    func duplicatesMalformedAndTemporaryFiles() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let inbox = folder.file("state/inbox")
        let halfWritten = inbox + "/.late.jsonl.tmp"
        try Self.complaint("late-1", "Lampu jalan mati total di jalan protokol.").write(
            toFile: halfWritten,
            atomically: false,
            encoding: .utf8
        )
        try Self.drop(
            [
                Self.complaint("a-1", "Sekolah memungut pungli saat daftar ulang."),
                Self.complaint("a-1", "Sekolah memungut pungli saat daftar ulang."),
                #"{"id":"a-2","text":"kalimat terpotong"#,
                Self.complaint("a-3", "Banjir setinggi lutut sejak subuh."),
            ],
            named: "batch.jsonl",
            into: inbox
        )
        #expect(try eventually { try daemon.status().complaints == 2 })
        let reason = try String(contentsOfFile: folder.file("state/quarantine/batch.jsonl.reason"), encoding: .utf8)
        #expect(reason.contains("batch.jsonl line 3"))
        #expect(reason.contains("invalid JSON"))
        let quarantined = try String(contentsOfFile: folder.file("state/quarantine/batch.jsonl"), encoding: .utf8)
        #expect(quarantined == #"{"id":"a-2","text":"kalimat terpotong"# + "\n")

        // The same file again (a writer retrying) stores nothing new.
        try Self.drop(
            [Self.complaint("a-1", "Sekolah memungut pungli saat daftar ulang.")],
            named: "retry.jsonl",
            into: inbox
        )
        #expect(eventually { FileManager.default.fileExists(atPath: folder.file("state/processed/retry.jsonl")) })
        #expect(try daemon.status().complaints == 2)
        #expect(FileManager.default.fileExists(atPath: halfWritten))

        // Once renamed into place, the half-written file is read.
        try FileManager.default.moveItem(atPath: halfWritten, toPath: inbox + "/late.jsonl")
        #expect(try eventually { try daemon.status().complaints == 3 })
        let status = try daemon.status()
        #expect(status.sources.first?.itemsQuarantined == 1)
        #expect(daemon.stop() == 0)
    }

    @Test("the stored complaints survive a restart and are not ingested twice")
    func restartKeepsEverythingOnce() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.file("state")
        var daemon = try DaemonProcess(stateDirectory: state)
        try Self.drop(
            [Self.complaint("r-1", "Jalan rusak"), Self.complaint("r-2", "Banjir")],
            named: "one.jsonl",
            into: state + "/inbox"
        )
        #expect(try eventually { try daemon.status().complaints == 2 })
        #expect(daemon.stop() == 0)
        // A writer that did not see the first run's success delivers the same items again.
        try Self.drop(
            [Self.complaint("r-2", "Banjir"), Self.complaint("r-3", "PJU mati")],
            named: "one.jsonl",
            into: state + "/inbox"
        )
        daemon = try DaemonProcess(stateDirectory: state)
        #expect(try eventually { try daemon.status().complaints == 3 })
        #expect(FileManager.default.fileExists(atPath: state + "/processed/one.1.jsonl"))
        #expect(daemon.stop() == 0)
    }

    @Test("a second daemon on the same state directory refuses to start and leaves the first one serving")
    func secondDaemonIsRefused() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let first = try DaemonProcess(stateDirectory: folder.file("state"))
        let second = try DaemonProcess(
            stateDirectory: folder.file("state"),
            socketPath: folder.file("other.sock"),
            waitForReady: false
        )
        #expect(second.waitForExit() == 1)
        #expect(second.log.contains("another aduand (pid \(first.process.processIdentifier)) is running"))
        #expect(try first.status().complaints == 0)
        #expect(first.stop() == 0)
    }

    @Test("a daemon never takes the socket a live daemon answers on, but replaces a dead one's")
    func liveSocketIsNeverStolen() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let socket = folder.file("shared.sock")
        let first = try DaemonProcess(stateDirectory: folder.file("one"), socketPath: socket)
        let second = try DaemonProcess(stateDirectory: folder.file("two"), socketPath: socket, waitForReady: false)
        #expect(second.waitForExit() == 1)
        #expect(second.log.contains("refusing to take its socket"))
        #expect(try first.status().uptimeSeconds >= 0)
        // kill -9 leaves the socket file behind; the next daemon must replace it.
        #expect(first.stop(signal: SIGKILL) != nil)
        #expect(FileManager.default.fileExists(atPath: socket))
        let third = try DaemonProcess(stateDirectory: folder.file("one"), socketPath: socket)
        #expect(third.stop() == 0)
    }

    @Test("invalid rules stop the daemon from starting, with file:line:column diagnostics")
    func invalidRulesRefuseStart() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = folder.file("rules")
        try FileManager.default.createDirectory(atPath: rules, withIntermediateDirectories: true)
        try """
        agency "dpupr" { name = "Dinas PUPR" }
        route "Jalan" {
            when = text has any jalan_rusak
            to = "dpupr"
        }
        """.write(toFile: rules + "/main.rules", atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: rules, waitForReady: false)
        #expect(daemon.waitForExit() == 1)
        #expect(daemon.log.contains(rules + "/main.rules:3:"))
        #expect(daemon.log.contains("otherwise"))
        #expect(!FileManager.default.fileExists(atPath: folder.file("state/aduan.db")))
    }

    @Test("the embedded default runs on ./rules and ./.aduan and routes every sample complaint once")
    func embeddedDefaultRoutesSeeds() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.copyBundledRulesAndSeeds()
        let samples = try String(contentsOfFile: folder.file("seeds/complaints.jsonl"), encoding: .utf8)
            .split(separator: "\n").count
        var daemon = try DaemonProcess(
            stateDirectory: folder.file(".aduan"),
            workingDirectory: folder.path,
            socketPath: folder.file(".aduan/aduand.sock")
        )
        #expect(try eventually { try daemon.status().cases.byAgency.values.reduce(0, +) == samples })
        let status = try daemon.status()
        #expect(status.complaints == samples)
        #expect(
            status.cases.byState["received", default: 0] + status.cases.byState["dispatched", default: 0] == samples
        )
        #expect(daemon.stop() == 0)

        // The samples are fed on the first start only.
        daemon = try DaemonProcess(
            stateDirectory: folder.file(".aduan"),
            workingDirectory: folder.path,
            socketPath: folder.file(".aduan/aduand.sock")
        )
        // Seeds are copied before the socket opens: had they been copied again, they would be in the inbox now
        // or, once ingested (as duplicates), in processed/ under a second name.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.file(".aduan/inbox")).isEmpty)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.file(".aduan/processed")) == ["complaints.jsonl"]
        )
        #expect(try daemon.status().complaints == samples)
        #expect(daemon.stop() == 0)
    }

    @Test("SIGHUP swaps in valid rules and keeps the old ones when the new ones are invalid")
    func reloadOnHangup() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = try folder.copyBundledRulesAndSeeds()
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: rules)
        let original = try daemon.status().rules.hash

        try "# a comment changes the snapshot\n".write(
            toFile: rules + "/50-extra.rules",
            atomically: true,
            encoding: .utf8
        )
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(try eventually { try daemon.status().rules.hash != original })
        let reloaded = try daemon.status().rules.hash

        try "route \"broken\" {\n".write(toFile: rules + "/50-extra.rules", atomically: true, encoding: .utf8)
        kill(daemon.process.processIdentifier, SIGHUP)
        #expect(try eventually { try daemon.status().rules.lastReload.ok == false })
        let status = try daemon.status()
        #expect(status.rules.hash == reloaded)
        #expect(status.rules.lastReload.errors.joined().contains(rules + "/50-extra.rules:"))

        // aduanctl reload waits for the outcome: exit 1 with the diagnostics, then 0 once the file is fixed.
        let refused = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(refused.exitCode == 1)
        #expect(refused.standardError.contains(rules + "/50-extra.rules:"))
        #expect(refused.standardError.hasSuffix("error: reload refused; rules \(reloaded.prefix(12)) keep serving\n"))
        try FileManager.default.removeItem(atPath: rules + "/50-extra.rules")
        let accepted = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(accepted.exitCode == 0)
        #expect(accepted.standardOutput.hasPrefix("reloaded: rules \(original.prefix(12))"))
        #expect(daemon.stop() == 0)
    }

    @Test(
        "cases export writes spool lines that another daemon ingests into the same routing; rules show resolves the hash"
    )
    func exportRoundTripAndRulesShow() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let first = try DaemonProcess(stateDirectory: folder.file("one"))
        try Self.drop(
            [
                Self.complaint("x-1", "Jalan rusak parah"),
                Self.complaint("x-2", "Banjir setinggi lutut", region: "Kota Tangerang"),
            ],
            named: "a.jsonl",
            into: folder.file("one/inbox")
        )
        #expect(try eventually { try first.status().complaints == 2 })
        let export = try CommandRun.aduanctl(["--socket", first.socketPath, "cases", "export"])
        #expect(export.exitCode == 0)
        let lines = export.standardOutput.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.contains("\"received_at\":\"2026-03-17T03:00:00Z\"") })

        let hash = try first.status().rules.hash
        let shown = try CommandRun.aduanctl(["--socket", first.socketPath, "rules", "show", String(hash.prefix(8))])
        #expect(shown.exitCode == 0)
        #expect(shown.standardOutput.contains("# snapshot \(hash)"))
        #expect(shown.standardOutput.contains("otherwise"))
        let unknown = try CommandRun.aduanctl(["--socket", first.socketPath, "rules", "show", "abcdef00"])
        #expect(unknown.exitCode == 1)

        let second = try DaemonProcess(stateDirectory: folder.file("two"))
        try Self.drop(lines.map(String.init), named: "export.jsonl", into: folder.file("two/inbox"))
        #expect(try eventually { try second.status().complaints == 2 })
        let routedFirst = try ControlClient(socketPath: first.socketPath)
            .send(ControlRequest(op: .cases), expecting: [CaseSummary].self)
        let routedSecond = try ControlClient(socketPath: second.socketPath)
            .send(ControlRequest(op: .cases), expecting: [CaseSummary].self)
        #expect(
            routedFirst.map { [$0.externalID, $0.agency, $0.route, $0.region] }
                == routedSecond.map { [$0.externalID, $0.agency, $0.route, $0.region] }
        )
        #expect(first.stop() == 0)
        #expect(second.stop() == 0)
    }

    @Test(
        "a running daemon refuses a broken rules directory and keeps routing with the old snapshot",
        arguments: [
            ("unknown agency", "route \"Baru\" {\n    when = always\n    to = \"dinas-tidak-ada\"\n}\n"),
            ("syntax error", "route \"Baru\" {\n    when = text has any\n"),
            ("missing otherwise", nil),
        ]
    )
    func brokenRulesKeepOldSnapshot(label: String, extraFile: String?) throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let rules = try folder.copyBundledRulesAndSeeds()
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: rules)
        let original = try daemon.status().rules.hash
        if let extraFile {
            try extraFile.write(toFile: rules + "/50-broken.rules", atomically: true, encoding: .utf8)
        } else {
            try FileManager.default.removeItem(atPath: rules + "/99-otherwise.rules")
        }
        let reload = try CommandRun.aduanctl(["--socket", daemon.socketPath, "reload"])
        #expect(reload.exitCode == 1, "\(label)")
        #expect(reload.standardError.contains("error"), "\(label)")
        #expect(try daemon.status().rules.hash == original)
        let received = RFC3339.format(Date(), offsetSeconds: 7 * 3_600)
        try Self.drop(
            [Self.complaint("k-1", "Jalan rusak di depan pasar", received: received)],
            named: "k.jsonl",
            into: folder.file("state/inbox")
        )
        #expect(try eventually { try daemon.status().complaints == 1 })
        let routed = try ControlClient(socketPath: daemon.socketPath).send(
            ControlRequest(op: .cases),
            expecting: [CaseSummary].self
        )
        #expect(routed.first?.agency == "dpupr", "\(label)")
        #expect(daemon.stop() == 0)
    }

    @Test("rules route on the sample complaints reproduces the route, priority and deadline the daemon stored")
    func offlineRoutingMatchesTheDaemon() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try folder.copyBundledRulesAndSeeds()
        let samples = try String(contentsOfFile: folder.file("seeds/complaints.jsonl"), encoding: .utf8)
        let daemon = try DaemonProcess(
            stateDirectory: folder.file(".aduan"),
            workingDirectory: folder.path,
            socketPath: folder.file(".aduan/aduand.sock")
        )
        let count = samples.split(separator: "\n").count
        #expect(try eventually { try daemon.status().complaints == count })
        let stored = try ControlClient(socketPath: daemon.socketPath)
            .send(ControlRequest(op: .cases, limit: 0), expecting: [CaseSummary].self)
        #expect(daemon.stop() == 0)

        let replay = try CommandRun.run(
            TestPaths.aduanctl,
            ["rules", "route", folder.file("rules")],
            environment: CommandRun.cleanEnvironment(),
            input: samples
        )
        #expect(replay.exitCode == 0, "\(replay.standardError)")
        struct Routed: Decodable {
            var id: String
            var route: String
            var priority: String?
            var respondBy: Date?
            enum CodingKeys: String, CodingKey {
                case id, route, priority
                case respondBy = "respond_by"
            }
        }
        let decoder = ControlCoding.makeDecoder()
        let offline = try replay.standardOutput.split(separator: "\n").map {
            try decoder.decode(Routed.self, from: Data($0.utf8))
        }
        #expect(offline.count == count)
        let byID = Dictionary(uniqueKeysWithValues: stored.map { ($0.externalID, $0) })
        for routed in offline {
            let summary = try #require(byID[routed.id])
            #expect(summary.route == routed.route, "\(routed.id)")
            #expect(summary.priority == routed.priority, "\(routed.id)")
            #expect(summary.respondBy == routed.respondBy, "\(routed.id)")
        }
    }
}
