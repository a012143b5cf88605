import AduanControl
import AduanCore
import Foundation
import Glibc
import Testing

@testable import AduanStore

/// The audit trail through the real `aduand` and `aduanctl`: chain checks, erasure, masking, and who tried what.
@Suite("audit trail end to end", .serialized)
struct AuditEndToEndTests {
    static let name = "Budi Santoso"
    static let contact = "081234560789"
    static let nik = "3671012345670001"

    /// Starts a daemon and waits until one complaint with a full reporter is stored as case 1.
    static func daemonWithOneCase(in folder: TemporaryDirectory, socketPath: String? = nil) throws -> DaemonProcess {
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"), socketPath: socketPath)
        let received = RFC3339.format(Date(), offsetSeconds: 7 * 3_600)
        let line =
            #"{"id":"p-1","text":"Jalan berlubang di depan pasar","channel":"web","region":"Kota Serang","received_at":"\#(received)","reporter":{"name":"\#(name)","contact":"\#(contact)","nik":"\#(nik)","kind":"citizen"}}"#
        try DaemonEndToEndTests.drop([line], named: "p.jsonl", into: folder.file("state/inbox"))
        let isStored = try eventually { try daemon.status().complaints == 1 }
        guard isStored else { throw DaemonFailure(message: "the complaint was not stored:\n\(daemon.log)") }
        return daemon
    }

    static func caseDetail(_ run: CommandRun) throws -> CaseDetail {
        try ControlCoding.makeDecoder().decode(CaseDetail.self, from: Data(run.standardOutput.utf8))
    }

    @Test("changes and an erasure keep the chain intact and the data gone; an edited event is named by audit verify")
    func chainErasureAndTampering() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try Self.daemonWithOneCase(in: folder)
        let ctl = ["--socket", daemon.socketPath]
        #expect(try CommandRun.aduanctl(ctl + ["case", "hold", "1", "--note", "menunggu foto"]).exitCode == 0)
        let intact = try CommandRun.aduanctl(ctl + ["audit", "verify"])
        #expect(intact.exitCode == 0)
        #expect(intact.standardOutput.hasPrefix("audit chain intact: "))
        let whole = try Self.caseDetail(try CommandRun.aduanctl(ctl + ["case", "show", "1", "--json"]))
        #expect(
            whole.complaint.reporter == Reporter(name: Self.name, contact: Self.contact, kind: "citizen", nik: Self.nik)
        )

        let erased = try CommandRun.aduanctl(ctl + ["reporter", "erase", "1", "--note", "permintaan pelapor"])
        #expect(erased.exitCode == 0)
        #expect(erased.standardOutput.hasPrefix("case 1: reporter's personal data erased (event "))
        let again = try CommandRun.aduanctl(ctl + ["reporter", "erase", "1"])
        #expect(again.exitCode == 1)
        #expect(again.standardError.hasPrefix("error: case 1 holds no reporter data"))
        let shown = try CommandRun.aduanctl(ctl + ["case", "show", "1"])
        #expect(!shown.standardOutput.contains("Budi"))
        #expect(shown.standardOutput.contains("reporter:  citizen"))
        let erasure = try #require(
            try Self.caseDetail(CommandRun.aduanctl(ctl + ["case", "show", "1", "--json"])).events.last
        )
        #expect(erasure.kind == "reporter_erased")
        #expect(erasure.actor == "uid:0(root)")
        #expect(try CommandRun.aduanctl(ctl + ["audit", "verify"]).exitCode == 0)
        let database = folder.file("state/aduan.db")
        for file in [database, database + "-wal"] {
            let bytes = (try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data()
            for secret in [Self.name, Self.contact, Self.nik] {
                #expect(bytes.range(of: Data(secret.utf8)) == nil, "\(secret) is still in \(file)")
            }
        }

        let intruder = try Database(path: database, mode: .readWrite)
        try intruder.executeScript(
            "DROP TRIGGER events_no_update; UPDATE events SET reason = 'nothing to see' WHERE id = 2"
        )
        intruder.close()
        let broken = try CommandRun.aduanctl(ctl + ["audit", "verify"])
        #expect(broken.exitCode == 1)
        #expect(
            broken.standardError
                == "error: audit chain broken at event 2: its content was changed after it was written "
                + "(the next event still links to its hash); events verified before it: 1\n"
        )
        let json = try CommandRun.aduanctl(ctl + ["audit", "verify", "--json"])
        let outcome = try ControlCoding.makeDecoder().decode(
            AuditVerification.self,
            from: Data(json.standardOutput.utf8)
        )
        #expect(outcome.brokenEventID == 2 && !outcome.isIntact)
        #expect(daemon.stop() == 0)
    }

    @Test(
        "a reader sees the reporter masked, an admin whole; refused changes are recorded with the caller's uid",
        .enabled(if: getuid() == 0, "runs aduanctl as nobody through runuser, which needs root (CI runs as root)")
    )
    func maskingAndRefusals() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try Self.daemonWithOneCase(in: folder, socketPath: folder.file("aduand.sock"))
        // Let anyone connect, so that the daemon's own check is what decides.
        #expect(chmod(daemon.socketPath, 0o666) == 0)
        let tail = ["--", TestPaths.aduanctl, "--socket", daemon.socketPath]
        // nobody with the daemon's group (root) as primary group: a member of the socket's group, a reader.
        let asReader = ["-u", "nobody", "-g", "root"] + tail
        let asStranger = ["-u", "nobody"] + tail
        func run(_ arguments: [String]) throws -> CommandRun {
            try CommandRun.run("/usr/sbin/runuser", arguments, environment: CommandRun.cleanEnvironment())
        }

        let masked = try Self.caseDetail(try run(asReader + ["case", "show", "1", "--json"]))
        #expect(
            masked.complaint.reporter
                == Reporter(name: "Bu** Sa*****", contact: "0812*****789", kind: "citizen", nik: "3671************")
        )
        let exported = try run(asReader + ["cases", "export"])
        #expect(exported.standardOutput.contains("Bu** Sa*****") && !exported.standardOutput.contains(Self.name))
        let adminExport = try CommandRun.aduanctl(["--socket", daemon.socketPath, "cases", "export"])
        #expect(adminExport.standardOutput.contains(Self.name) && adminExport.standardOutput.contains(Self.nik))

        #expect(try run(asReader + ["reporter", "erase", "1"]).exitCode == 77)
        #expect(try run(asStranger + ["case", "resolve", "1"]).exitCode == 77)
        #expect(try run(asStranger + ["status"]).exitCode == 77)

        let database = try Database(path: folder.file("state/aduan.db"), mode: .readOnly)
        defer { database.close() }
        var refusals: [String] = []
        try database.query("SELECT actor, data FROM events WHERE kind = 'refused' AND case_id IS NULL ORDER BY id") {
            row in
            refusals.append("\(row[0] as String) \(row[1] as String)")
        }
        // A refused read is not a change and is not recorded.
        #expect(
            refusals == [
                #"uid:65534(nobody) {"case_id":"1","op":"reporter.erase"}"#,
                #"uid:65534(nobody) {"case_id":"1","op":"case.resolve"}"#,
            ]
        )
        #expect(try CommandRun.aduanctl(["--socket", daemon.socketPath, "audit", "verify"]).exitCode == 0)
        #expect(!daemon.log.contains(Self.name) && !daemon.log.contains(Self.contact))
        #expect(daemon.stop() == 0)
    }
}
