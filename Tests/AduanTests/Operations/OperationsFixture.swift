import AduanControl
import AduanCore
import Foundation
import Testing

/// A running `aduand` on a small rule set, fed through its spool inbox and asked through the real `aduanctl`.
struct OperationsFixture {
    /// Three agencies, one route and `otherwise`, respond within 1 working day, no escalation ladder.
    static let rules = """
        agency "dinas-air" { name = "Dinas Air" }
        agency "dinas-umum" { name = "Dinas Umum" }
        agency "pemkot-serang" { name = "Pemerintah Kota Serang", short = "Pemkot Serang" }
        list "air" { phrases = ["air", "pdam"] }
        priority "P3" { respond = 1 working_days, resolve = 5 working_days }
        route "Air bersih" { when = text has any air, to = "dinas-air" }
        otherwise { to = "dinas-umum" }

        """

    let folder: TemporaryDirectory
    let daemon: DaemonProcess

    init() throws {
        folder = try TemporaryDirectory("aduan-ops")
        try FileManager.default.createDirectory(atPath: folder.file("rules"), withIntermediateDirectories: true)
        try Self.rules.write(toFile: folder.file("rules/main.rules"), atomically: true, encoding: .utf8)
        daemon = try DaemonProcess(stateDirectory: folder.file("state"), rules: folder.file("rules"))
    }

    /// A spool complaint; without `received`, it is received at the time of intake.
    static func complaint(
        _ id: String,
        _ text: String,
        region: String = "Kota Serang",
        received: String? = nil
    )
        -> String
    {
        let time = received.map { #","received_at":"\#($0)""# } ?? ""
        return
            #"{"id":"\#(id)","title":"Aduan \#(id)","text":"\#(text)","channel":"web","region":"\#(region)"\#(time)}"#
    }

    /// Drops the complaints into the inbox and waits until every one is stored.
    func ingest(_ lines: [String]) throws {
        let inbox = folder.file("state/inbox")
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: inbox + "/.batch.tmp",
            atomically: false,
            encoding: .utf8
        )
        try FileManager.default.moveItem(atPath: inbox + "/.batch.tmp", toPath: inbox + "/batch.jsonl")
        let expected = lines.count
        #expect(try eventually { try daemon.status().complaints == expected })
    }

    /// Runs `aduanctl --socket … arguments`.
    func ctl(_ arguments: [String]) throws -> CommandRun {
        try CommandRun.aduanctl(["--socket", daemon.socketPath] + arguments)
    }

    /// `aduanctl cases --json …`, decoded.
    func cases(_ arguments: [String] = []) throws -> [CaseSummary] {
        let run = try ctl(["cases", "--json"] + arguments)
        #expect(run.exitCode == 0, "\(run.standardError)")
        return try ControlCoding.makeDecoder().decode([CaseSummary].self, from: Data(run.standardOutput.utf8))
    }

    /// The external ids `aduanctl cases --json …` lists, in its order.
    func listed(_ arguments: [String]) throws -> [String] {
        try cases(arguments).map(\.externalID)
    }

    /// `aduanctl case show ID --json`, decoded.
    func show(_ caseID: String) throws -> CaseDetail {
        let run = try ctl(["case", "show", caseID, "--json"])
        #expect(run.exitCode == 0, "\(run.standardError)")
        return try ControlCoding.makeDecoder().decode(CaseDetail.self, from: Data(run.standardOutput.utf8))
    }

    /// The case id of a complaint.
    func caseID(_ externalID: String) throws -> String {
        try #require(try cases().first { $0.externalID == externalID }).id
    }

    func stop() {
        #expect(daemon.stop() == 0)
        folder.remove()
    }
}
