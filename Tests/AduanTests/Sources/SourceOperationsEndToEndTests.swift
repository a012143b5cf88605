import AduanControl
import Foundation
import Testing

@testable import AduanStore

/// Sources and their quarantine through a real `aduand` with a config file and the real `aduanctl`.
@Suite("sources and quarantine end to end", .serialized)
struct SourceOperationsEndToEndTests {
    let folder: TemporaryDirectory
    let daemon: DaemonProcess

    init() throws {
        folder = try TemporaryDirectory("aduan-sources")
        try """
        daemon {
            state_dir = "state"
            rules = "\(TestPaths.rulesDirectory)"
        }
        source "lapor" {
            kind = "spool"
            path = "lapor"
            every = "200ms"
            backoff_max = "1s"
        }
        source "web" {
            kind = "spool"
            path = "web"
            every = "200ms"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        daemon = try DaemonProcess(
            stateDirectory: folder.file("state"),
            arguments: ["--config", folder.file("aduand.conf")],
            workingDirectory: folder.path
        )
    }

    func aduanctl(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.aduanctl(["--socket", daemon.socketPath] + arguments)
    }

    func sources() throws -> [String: SourceStatus] {
        let run = try aduanctl(["sources", "--json"])
        let list = try ControlCoding.makeDecoder().decode([SourceStatus].self, from: Data(run.standardOutput.utf8))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.name, $0) })
    }

    func drop(_ text: String, into source: String, as name: String) throws {
        let temporary = folder.file("\(source)/inbox/.\(name)")
        try text.write(toFile: temporary, atomically: false, encoding: .utf8)
        #expect(rename(temporary, folder.file("\(source)/inbox/\(name)")) == 0)
    }

    @Test("a bad line waits in quarantine with its reason, and once fixed and retried it is stored")
    func quarantineRoundTrip() throws {
        defer {
            daemon.stop()
            folder.remove()
        }
        try drop(
            #"{"id":"a1","text":"Jalan rusak parah di Ciruas","region":"Kabupaten Serang"}"# + "\n"
                + #"{"id":"a2","text":"Lampu jalan mati","channel":"fax"}"# + "\n",
            into: "lapor",
            as: "batch.jsonl"
        )
        #expect(try eventually { try sources()["lapor"]?.itemsQuarantined == 1 })
        let list = try aduanctl(["quarantine", "list"])
        #expect(list.exitCode == 0)
        #expect(list.standardOutput.contains("lapor"))
        #expect(list.standardOutput.contains("batch.jsonl"))
        #expect(list.standardOutput.contains("line 2"))
        let show = try aduanctl(["quarantine", "show", "lapor", "batch.jsonl"])
        #expect(show.standardOutput.contains(#""id":"a2""#))
        #expect(show.standardOutput.contains("channel"))
        #expect(!show.standardOutput.contains(#""id":"a1""#))

        // Fix the file where it waits, then put it back.
        let quarantined = folder.file("lapor/quarantine/batch.jsonl")
        try #"{"id":"a2","text":"Lampu jalan mati","channel":"web"}"#.write(
            toFile: quarantined,
            atomically: true,
            encoding: .utf8
        )
        let retry = try aduanctl(["quarantine", "retry", "lapor", "batch.jsonl"])
        #expect(retry.exitCode == 0, "\(retry.standardError)")
        #expect(try eventually { try daemon.status().complaints == 2 })
        let remaining = try aduanctl(["quarantine", "list", "--json"]).standardOutput
        #expect(try ControlCoding.makeDecoder().decode([QuarantineEntry].self, from: Data(remaining.utf8)).isEmpty)
        #expect(try sources()["lapor"]?.itemsIn == 2)
    }

    @Test("dropping a quarantined file deletes it and leaves an audit event naming who and the file's digest")
    func quarantineDrop() throws {
        defer {
            daemon.stop()
            folder.remove()
        }
        try drop("not json at all\n", into: "web", as: "junk.json")
        #expect(try eventually { try sources()["web"]?.itemsQuarantined == 1 })
        let missing = try aduanctl(["quarantine", "drop", "web", "nothing.json"])
        #expect(missing.exitCode == 1)
        #expect(missing.standardError.hasPrefix("error: no quarantined file 'nothing.json'"))
        let unknownSource = try aduanctl(["quarantine", "show", "fax", "junk.json"])
        #expect(unknownSource.exitCode == 1)
        #expect(unknownSource.standardError.contains("no source 'fax'; the sources are: lapor, web"))
        let drop = try aduanctl(["quarantine", "drop", "web", "junk.json", "--note", "spam"])
        #expect(drop.exitCode == 0, "\(drop.standardError)")
        #expect(!FileManager.default.fileExists(atPath: folder.file("web/quarantine/junk.json")))
        #expect(!FileManager.default.fileExists(atPath: folder.file("web/quarantine/junk.json.reason")))
        let database = try Database(path: folder.file("state/aduan.db"), mode: .readOnly)
        var events: [(kind: String, actor: String, reason: String, data: String)] = []
        try database.query("SELECT kind, actor, reason, data FROM events WHERE case_id IS NULL") { row in
            events.append((row.text(0), row.text(1), row.text(2), row.text(3)))
        }
        let dropped = try #require(events.first { $0.kind == "quarantine_dropped" })
        #expect(dropped.reason == "spam")
        #expect(dropped.actor.hasPrefix("uid:\(getuid())("))
        #expect(dropped.data.contains("junk.json") && dropped.data.contains("sha256"))
    }

    @Test("a source that cannot be read backs off and reports its error, the others go on, and it recovers")
    func failingSourceBacksOff() throws {
        defer {
            daemon.stop()
            folder.remove()
        }
        try FileManager.default.removeItem(atPath: folder.file("lapor/inbox"))
        #expect(try eventually { (try sources()["lapor"]?.consecutiveFailures ?? 0) >= 2 })
        let failing = try #require(try sources()["lapor"])
        #expect(failing.lastError?.contains("inbox") == true)
        let table = try aduanctl(["sources"]).standardOutput
        #expect(table.contains("lapor") && table.contains("spool"))

        try drop(#"{"id":"w1","text":"Sampah menumpuk di pasar"}"#, into: "web", as: "one.json")
        #expect(try eventually { try sources()["web"]?.itemsIn == 1 })

        try FileManager.default.createDirectory(atPath: folder.file("lapor/inbox"), withIntermediateDirectories: true)
        try drop(#"{"id":"l1","text":"Banjir di Pandeglang"}"#, into: "lapor", as: "one.json")
        #expect(try eventually(within: 5) { try sources()["lapor"]?.itemsIn == 1 })
        let recovered = try #require(try sources()["lapor"])
        #expect(recovered.consecutiveFailures == 0)
        #expect(recovered.lastError == nil)
    }
}
