import AduanControl
import Foundation
import Glibc
import Testing

@testable import AduanDaemon

/// Intake's lower priority is put back after each poll, or never taken where the thread could not get it back.
@Suite(
    "bulk priority is put back",
    .serialized,
    .enabled(
        if: getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
        "needs root and setpriv to drop CAP_SYS_NICE"
    )
)
struct BulkPriorityRestoreTests {
    /// The nice value of each thread of `pid`.
    private static func niceValues(of pid: Int32) -> [Int] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.compactMap { task in
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/task/\(task)/stat", encoding: .utf8),
                let fields = stat.split(separator: ")").last?.split(separator: " "), fields.count > 17
            else { return nil }
            return Int(fields[16])
        }
    }

    @Test("root without CAP_SYS_NICE: no thread stays at the bulk nice value after intake has stored everything")
    func noWorkerLeftAtBulkNice() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.file("state")
        let daemon = try DaemonProcess(
            stateDirectory: state,
            launcher: ["/usr/bin/setpriv", "--inh-caps=-sys_nice", "--bounding-set=-sys_nice"]
        )
        let status = { try? daemon.status() }
        try FileManager.default.createDirectory(atPath: state + "/inbox", withIntermediateDirectories: true)
        for file in 0..<5 {
            let lines = (0..<1_000).map { #"{"id":"n-\#(file)-\#($0)","text":"Jalan rusak nomor \#($0)"}"# }
            try DaemonEndToEndTests.drop(lines, named: "bulk-\(file).jsonl", into: state + "/inbox")
        }
        #expect(eventually(within: 60) { (status()?.complaints ?? 0) >= 5_000 })
        // Idle now: a poll lasts milliseconds, so a thread at the bulk value in five samples a second apart stayed.
        var alwaysAtBulk = Int.max
        for _ in 0..<5 {
            Thread.sleep(forTimeInterval: 1)
            let atBulk = Self.niceValues(of: daemon.process.processIdentifier).filter {
                $0 == Int(ThreadScheduling.bulkNiceValue)
            }
            alwaysAtBulk = min(alwaysAtBulk, atBulk.count)
        }
        #expect(alwaysAtBulk == 0, "\(alwaysAtBulk) threads stayed at the bulk nice value after intake finished")
    }
}
