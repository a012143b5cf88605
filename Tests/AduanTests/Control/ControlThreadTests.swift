import AduanControl
import Foundation
import Testing

@testable import AduanDaemon

/// The daemon's threads as `top -H` shows them: control requests reuse kept serving threads that wake with a short
/// time slice, and intake runs below them, at the bulk nice value, while it stores.
@Suite("control and intake threads", .serialized)
struct ControlThreadTests {
    /// A thread of the daemon, from `/proc/PID/task/TID`.
    private struct DaemonThread {
        var id: String
        var name: String
        var nice: Int
        var sliceNanoseconds: Int?
    }

    private static func threads(of pid: Int32) -> [DaemonThread] {
        let tasks = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/\(pid)/task")) ?? []
        return tasks.compactMap { task in
            let folder = "/proc/\(pid)/task/\(task)"
            guard let name = try? String(contentsOfFile: folder + "/comm", encoding: .utf8),
                let stat = try? String(contentsOfFile: folder + "/stat", encoding: .utf8),
                let fieldsAfterName = stat.split(separator: ")").last?.split(separator: " "),
                fieldsAfterName.count > 17, let nice = Int(fieldsAfterName[16])
            else { return nil }
            // The scheduler's view; its `se.slice` line exists on kernels that let a thread choose its slice.
            let schedule = (try? String(contentsOfFile: folder + "/sched", encoding: .utf8)) ?? ""
            let slice = schedule.split(separator: "\n").first { $0.hasPrefix("se.slice") }
                .flatMap { $0.split(separator: ":").last }
                .flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            return DaemonThread(
                id: task,
                name: name.trimmingCharacters(in: .newlines),
                nice: nice,
                sliceNanoseconds: slice
            )
        }
    }

    @Test("a hundred requests one after another are served by a few kept threads with a 0.1 ms slice at nice 0")
    func servingThreadsAreKept() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let daemon = try DaemonProcess(stateDirectory: folder.file("state"))
        let client = ControlClient(socketPath: daemon.socketPath)
        var serving: [String: DaemonThread] = [:]
        for _ in 0..<100 {
            _ = try client.send(ControlRequest(op: .status), expecting: StatusReport.self)
            for thread in Self.threads(of: daemon.process.processIdentifier) where thread.name == "aduan.control" {
                serving[thread.id] = thread
            }
        }
        // A thread per connection would show up to a hundred; a request that comes before the last one's thread
        // has parked again may start a second or third.
        #expect(!serving.isEmpty && serving.count <= 5, "\(serving.count) serving threads for 100 requests")
        for thread in serving.values {
            #expect(thread.nice == 0)
            if let slice = thread.sliceNanoseconds { #expect(slice == 100_000, "serving thread slice \(slice) ns") }
        }
        #expect(daemon.stop() == 0)
    }

    @Test("while intake stores complaints a daemon thread runs at the bulk nice value, and the control threads at 0")
    func intakeRunsBelowControl() throws {
        let folder = try TemporaryDirectory()
        defer { folder.remove() }
        let state = folder.file("state")
        let daemon = try DaemonProcess(stateDirectory: state)
        for file in 0..<5 {
            let lines = (0..<1_000).map { #"{"id":"n-\#(file)-\#($0)","text":"Jalan rusak di rumah nomor \#($0)"}"# }
            try DaemonEndToEndTests.drop(lines, named: "bulk-\(file).jsonl", into: state + "/inbox")
        }
        var sawBulkThread = false
        var control: [DaemonThread] = []
        let isStored = eventually(within: 60) {
            let all = Self.threads(of: daemon.process.processIdentifier)
            sawBulkThread = sawBulkThread || all.contains { $0.nice == ThreadScheduling.bulkNiceValue }
            control += all.filter { $0.name == "aduan.control" || $0.name == "aduan.accept" }
            return ((try? daemon.status().complaints) ?? 0) >= 5_000
        }
        #expect(isStored, "intake did not store the complaints:\n\(daemon.log)")
        #expect(
            sawBulkThread,
            "no thread ran at nice \(ThreadScheduling.bulkNiceValue) while intake stored 5,000 complaints"
        )
        #expect(!control.isEmpty && control.allSatisfy { $0.nice == 0 })
        #expect(daemon.stop() == 0)
    }
}
