import AduanControl
import AduanCore
import Foundation
import Testing

/// A real `aduand` reading a folder of CSV exports with Indonesian column names.
@Suite("CSV intake end to end", .serialized)
struct CSVEndToEndTests {
    @Test("good rows are stored, a bad row waits in quarantine under the header, an update row moves its case")
    func csvExports() throws {
        let folder = try TemporaryDirectory("aduan-csv")
        defer { folder.remove() }
        try """
        daemon {
            state_dir = "state"
            rules = "\(TestPaths.rulesDirectory)"
        }
        source "lapor-csv" {
            kind = "csv"
            path = "lapor"
            every = "200ms"
            column_id = "nomor"
            column_text = "isi_aduan"
            column_region = "wilayah"
            column_received_at = "tanggal"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        let daemon = try DaemonProcess(
            stateDirectory: folder.file("state"),
            arguments: ["--config", folder.file("aduand.conf")],
            workingDirectory: folder.path
        )
        defer { daemon.stop() }
        let export =
            "\u{FEFF}nomor;isi_aduan;wilayah;tanggal\r\n"
            + "L-1;\"Jalan rusak parah; banyak lubang\r\ndi depan SDN 2\";Kota Serang;2026-11-20 09:15:00\r\n"
            + "L-2;Sampah menumpuk di pasar Rau;Kota Serang;2026-11-20 10:00:00\r\n"
            + "L-3;Lampu jalan mati;Kota Serang;kemarin sore\r\n"
        let inbox = folder.file("lapor/inbox")
        try export.write(toFile: inbox + "/.a.csv", atomically: false, encoding: .utf8)
        #expect(rename(inbox + "/.a.csv", inbox + "/a.csv") == 0)
        #expect(try eventually { try daemon.status().complaints == 2 })
        #expect(eventually { FileManager.default.fileExists(atPath: folder.file("lapor/processed/a.csv")) })
        let quarantined = try String(contentsOfFile: folder.file("lapor/quarantine/a.csv"), encoding: .utf8)
        // Foundation drops the byte order mark when it reads the file as a String.
        #expect(quarantined.hasPrefix("nomor;isi_aduan;wilayah;tanggal\r\n"))
        #expect(quarantined.contains("L-3;Lampu jalan mati"))
        #expect(!quarantined.contains("L-1"))
        let reason = try String(contentsOfFile: folder.file("lapor/quarantine/a.csv.reason"), encoding: .utf8)
        #expect(reason.contains("a.csv line 5"))  // the record after one with a quoted line break
        #expect(reason.contains("received_at"))

        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "cases", "--json"])
        let cases = try ControlCoding.makeDecoder().decode([CaseSummary].self, from: Data(run.standardOutput.utf8))
        let first = try #require(cases.first { $0.externalID == "L-1" })
        #expect(first.region == "Kota Serang")
        #expect(first.receivedAt == RFC3339.parse("2026-11-20T09:15:00+07:00"))
        let show = try CommandRun.aduanctl(["--socket", daemon.socketPath, "case", "show", first.id, "--json"])
        let detail = try ControlCoding.makeDecoder().decode(CaseDetail.self, from: Data(show.standardOutput.utf8))
        #expect(detail.complaint.text == "Jalan rusak parah; banyak lubang\r\ndi depan SDN 2")

        let update =
            "nomor,isi_aduan,wilayah,tanggal,update_for,update_for_source,status,note\n"
            + "U-1,,,,L-2,lapor-csv,on_hold,menunggu foto lokasi\n"
        try update.write(toFile: inbox + "/.b.csv", atomically: false, encoding: .utf8)
        #expect(rename(inbox + "/.b.csv", inbox + "/b.csv") == 0)
        #expect(try eventually { try daemon.status().cases.byState["on_hold"] == 1 })
    }
}
