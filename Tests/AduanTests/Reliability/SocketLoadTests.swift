import AduanControl
import AduanCore
import Foundation
import Glibc
import Testing

/// The control socket under a burst of clients while the daemon is busy: intake of a few thousand complaints, an
/// escalation falling due, 200 `aduanctl` processes at once and one client that connects and says nothing.
@Suite("control socket under load", .serialized)
struct SocketLoadTests {
    /// Bulk complaints ("jalan rusak") go to dpupr with a long budget; the one "darurat" complaint goes to biro with
    /// a one-minute respond budget, so received 50 s ago it escalates about 10 s after intake.
    static let rules = """
        calendar "default" {
            timezone = "Asia/Jakarta"
            hours = "Mon-Sun 00:00-24:00"
        }
        agency "dpupr" { name = "Dinas Pekerjaan Umum dan Penataan Ruang" }
        agency "biro" { name = "Biro Pemerintahan" }
        list "jalan" { phrases = ["jalan rusak"] }
        list "darurat" { phrases = ["darurat"] }
        escalation "cepat" {
            step {
                at = respond_deadline
                do = notify("agency-head")
            }
        }
        priority "kilat" {
            when = text has any darurat
            respond = 1 minutes
            escalation = "cepat"
        }
        priority "biasa" {
            respond = 5 working_days
            escalation = "cepat"
        }
        route "Jalan" {
            when = text has any jalan
            to = "dpupr"
        }
        otherwise { to = "biro" }
        """

    static let bulkFiles = 2
    static let perFile = 1_000
    static let clients = 200
    /// How long the test waits for any one `aduanctl`: its own timeout (30 s) and then some.
    static let clientDeadline = 45.0

    /// One `aduanctl` started by the test, its output in files so that it never blocks on a pipe.
    private struct Client {
        let process: Process
        let arguments: [String]
        let outputPath: String
        let errorPath: String
        let startedAt: Date
        var finishedAt: Date?
    }

    @Test("200 concurrent aduanctl and a silent client while intake runs and an escalation fires: all answered")
    func burstOfClients() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: folder.file("out"), withIntermediateDirectories: true)
        try Self.rules.write(toFile: folder.file("rules/test.rules"), atomically: true, encoding: .utf8)
        let state = folder.file("state")
        let daemon = try DaemonProcess(stateDirectory: state, rules: folder.file("rules"))

        // The silent client takes a serving thread first and holds it until the server's timeout drops it.
        let silent = try UnixSocket.connect(to: daemon.socketPath, timeout: 60)
        defer { close(silent) }
        let silentSince = Date()

        let received = RFC3339.format(Date().addingTimeInterval(-50), offsetSeconds: 7 * 3_600)
        try DaemonEndToEndTests.drop(
            [#"{"id":"urgent","text":"Banjir darurat di pasar","received_at":"\#(received)"}"#],
            named: "urgent.jsonl",
            into: state + "/inbox"
        )
        for file in 0..<Self.bulkFiles {
            let lines = (0..<Self.perFile).map { number in
                #"{"id":"b-\#(file)-\#(number)","text":"Jalan rusak di depan rumah nomor \#(number)"}"#
            }
            try DaemonEndToEndTests.drop(lines, named: "bulk-\(file).jsonl", into: state + "/inbox")
        }

        // Every client is started before any is waited for, so they overlap with each other and with intake.
        var clients: [Client] = []
        for number in 0..<Self.clients {
            let arguments =
                ["--socket", daemon.socketPath] + (number % 2 == 0 ? ["status", "--json"] : ["cases", "--limit", "5"])
            let process = Process()
            process.executableURL = URL(fileURLWithPath: TestPaths.aduanctl)
            process.arguments = arguments
            process.environment = CommandRun.cleanEnvironment()
            let outputPath = folder.file("out/\(number).out")
            let errorPath = folder.file("out/\(number).err")
            _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
            _ = FileManager.default.createFile(atPath: errorPath, contents: nil)
            process.standardOutput = FileHandle(forWritingAtPath: outputPath)
            process.standardError = FileHandle(forWritingAtPath: errorPath)
            try process.run()
            clients.append(
                Client(
                    process: process,
                    arguments: arguments,
                    outputPath: outputPath,
                    errorPath: errorPath,
                    startedAt: Date()
                )
            )
        }
        let allStarted = Date()
        while clients.contains(where: { $0.finishedAt == nil }),
            Date().timeIntervalSince(allStarted) < Self.clientDeadline
        {
            for index in clients.indices where clients[index].finishedAt == nil && !clients[index].process.isRunning {
                clients[index].finishedAt = Date()
            }
            usleep(20_000)
        }
        var hung = 0
        for client in clients where client.finishedAt == nil {
            hung += 1
            kill(client.process.processIdentifier, SIGKILL)
            client.process.waitUntilExit()
        }
        #expect(hung == 0, "aduanctl processes still running after \(Self.clientDeadline) s")

        var answered = 0
        for client in clients where client.finishedAt != nil {
            let output = (try? String(contentsOfFile: client.outputPath, encoding: .utf8)) ?? ""
            let error = (try? String(contentsOfFile: client.errorPath, encoding: .utf8)) ?? ""
            let code = client.process.terminationStatus
            if code == 0 {
                answered += 1
                #expect(!output.isEmpty, "aduanctl \(client.arguments) printed nothing")
            } else {
                // A failure is one readable line with a documented exit code.
                #expect([1, 69].contains(code), "aduanctl \(client.arguments) exited \(code): \(error)")
                #expect(error.hasPrefix("error: ") && error.split(separator: "\n").count == 1, "\(error)")
            }
        }
        // Connections beyond the 32 served at once wait for a thread instead of being turned away.
        #expect(answered == Self.clients, "only \(answered) of \(Self.clients) aduanctl answered")

        // Intake completes and the escalation fires (its notice is delivered to biro's outbox).
        let total = Self.bulkFiles * Self.perFile + 1
        #expect(try eventually(within: 60) { try daemon.status().complaints == total }, "\(daemon.log)")
        func hasNotice() -> Bool {
            let outbox = state + "/outbox/biro"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: outbox)) ?? []
            return names.contains { name in
                (try? String(contentsOfFile: outbox + "/" + name, encoding: .utf8))?.contains(#""purpose":"notice""#)
                    == true
            }
        }
        #expect(eventually(within: 30) { hasNotice() }, "no escalation notice in biro's outbox")

        // The silent client was dropped after the server's 10 s timeout, not at once and not never.
        var byte: UInt8 = 0
        let read = recv(silent, &byte, 1, 0)
        let held = Date().timeIntervalSince(silentSince)
        #expect(read == 0, "the silent connection was not closed by the server (recv returned \(read))")
        #expect(held > 8 && held < 30, "the silent connection was held \(held) s")
        #expect(daemon.stop() == 0)
    }

    @Test("with every serving thread held by silent clients, aduanctl waits its turn and answers instead of busy")
    func waitsForAServingThread() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        // The server serves 32 connections at once: 32 silent clients hold them all until its 10 s timeout.
        var silent: [Int32] = []
        defer { silent.forEach { close($0) } }
        for _ in 0..<32 { silent.append(try UnixSocket.connect(to: daemon.socketPath, timeout: 60)) }
        let heldSince = Date()
        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "status", "--json"])
        let waited = Date().timeIntervalSince(heldSince)
        #expect(run.exitCode == 0, "\(run.standardError)")
        #expect(run.standardOutput.contains("\"uptime_s\""))
        // It was answered once a silent client was dropped, not turned away at once.
        #expect(waited > 5 && waited < 30, "aduanctl answered after \(waited) s")
        #expect(daemon.stop() == 0)
    }
}
