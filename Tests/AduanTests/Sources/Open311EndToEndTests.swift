import AduanControl
import AduanCore
import Foundation
import Synchronization
import Testing

/// A real `aduand` polling a GeoReport v2 server that runs in the test on 127.0.0.1 (the only stand-in: the city's
/// portal is outside the machine).
@Suite("Open311 intake end to end", .serialized)
struct Open311EndToEndTests {
    /// The city's requests as its server would list them, changed by the test between polls.
    final class City: Sendable {
        let requests = Mutex<[[String: Any]]>([])
        let pageSize = 2
        let answersJSON: Bool
        let failure = Mutex<(status: Int, body: String)?>(nil)

        init(answersJSON: Bool = true) {
            self.answersJSON = answersJSON
        }

        func respond(to request: LocalHTTPServer.Request) -> LocalHTTPServer.Response {
            if let failure = failure.withLock({ $0 }) {
                return .reply(
                    status: failure.status,
                    headers: ["Content-Type": "application/json"],
                    body: Array(failure.body.utf8)
                )
            }
            let path = request.target.split(separator: "?").first.map(String.init) ?? ""
            let query = URLComponents(string: request.target)?.queryItems ?? []
            let page = query.first { $0.name == "page" }?.value.flatMap(Int.init) ?? 1
            let all = requests.withLock { $0 }
            let slice = Array(all.dropFirst((page - 1) * pageSize).prefix(pageSize))
            if path.hasSuffix("/requests.json") {
                guard answersJSON else { return .reply(status: 404) }
                let body = try! JSONSerialization.data(withJSONObject: slice, options: [.sortedKeys])
                return .reply(status: 200, headers: ["Content-Type": "application/json"], body: [UInt8](body))
            }
            if path.hasSuffix("/requests.xml") {
                var xml = #"<?xml version="1.0" encoding="utf-8"?><service_requests>"#
                for item in slice {
                    xml += "<request>"
                    for (key, value) in item.sorted(by: { $0.key < $1.key }) {
                        xml += "<\(key)>\(value)</\(key)>"
                    }
                    xml += "</request>"
                }
                xml += "</service_requests>"
                return .reply(status: 200, headers: ["Content-Type": "text/xml"], body: Array(xml.utf8))
            }
            return .reply(status: 404)
        }
    }

    static func request(_ id: String, hoursAgo: Double, description: String, status: String = "open") -> [String: Any] {
        let requested = RFC3339.format(Date(timeIntervalSinceNow: -hoursAgo * 3_600))
        return [
            "service_request_id": id, "status": status, "service_name": "Jalan Rusak", "service_code": "jalan",
            "description": description, "requested_datetime": requested, "updated_datetime": requested,
            "address": "Jl. Raya Serang km 5, Kota Serang", "lat": -6.12, "long": 106.15,
        ]
    }

    func startDaemon(in folder: TemporaryDirectory, server: LocalHTTPServer) throws -> DaemonProcess {
        try """
        daemon {
            state_dir = "state"
            rules = "\(TestPaths.rulesDirectory)"
        }
        source "serang311" {
            kind = "open311"
            url = "\(server.url("/open311/v2"))"
            api_key = "rahasia"
            jurisdiction_id = "serangkota.go.id"
            every = "300ms"
            backoff_max = "1s"
        }
        """.write(toFile: folder.file("aduand.conf"), atomically: true, encoding: .utf8)
        return try DaemonProcess(
            stateDirectory: folder.file("state"),
            arguments: ["--config", folder.file("aduand.conf")],
            workingDirectory: folder.path
        )
    }

    func cases(_ daemon: DaemonProcess) throws -> [String: CaseSummary] {
        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "cases", "--limit", "0", "--json"])
        let list = try ControlCoding.makeDecoder().decode([CaseSummary].self, from: Data(run.standardOutput.utf8))
        return Dictionary(uniqueKeysWithValues: list.map { ($0.externalID, $0) })
    }

    func sources(_ daemon: DaemonProcess) throws -> SourceStatus? {
        let run = try CommandRun.aduanctl(["--socket", daemon.socketPath, "sources", "--json"])
        return try ControlCoding.makeDecoder().decode([SourceStatus].self, from: Data(run.standardOutput.utf8)).first
    }

    @Test("new, updated and repeated requests become exactly the right cases, page by page")
    func newUpdatedRepeated() throws {
        let city = City()
        let server = try LocalHTTPServer { city.respond(to: $0) }
        defer { server.stop() }
        let folder = try TemporaryDirectory("aduan-open311")
        defer { folder.remove() }
        city.requests.withLock {
            $0 = [
                Self.request("SR-1", hoursAgo: 5, description: "Jalan berlubang besar di depan pasar Rau"),
                Self.request("SR-2", hoursAgo: 4, description: "Lampu penerangan jalan mati sepanjang jalan"),
                Self.request("SR-3", hoursAgo: 3, description: "Saluran air tersumbat sampah, banjir saat hujan"),
            ]
        }
        let daemon = try startDaemon(in: folder, server: server)
        defer { daemon.stop() }
        #expect(try eventually { try cases(daemon).count == 3 })
        let secondBefore = try #require(try cases(daemon)["SR-2"])

        // The city closes SR-1 with a note and files SR-4; SR-2 and SR-3 come again unchanged on every poll.
        city.requests.withLock { requests in
            requests[0]["status"] = "closed"
            requests[0]["status_notes"] = "Sudah ditambal oleh UPT Jalan"
            requests[0]["updated_datetime"] = RFC3339.format(Date(timeIntervalSinceNow: -600))
            requests.append(Self.request("SR-4", hoursAgo: 1, description: "Pohon tumbang menutup jalan"))
        }
        #expect(try eventually { try cases(daemon)["SR-4"] != nil && cases(daemon)["SR-1"]?.state == .resolved })
        let pollsBefore = server.requests.count
        #expect(eventually { server.requests.count >= pollsBefore + 6 })  // several more polls of the same window

        let final = try cases(daemon)
        #expect(final.count == 4)
        #expect(final["SR-2"] == secondBefore)
        #expect(final["SR-1"]?.source == "serang311")
        #expect(final["SR-1"]?.region == "Kota Serang")
        let show = try CommandRun.aduanctl([
            "--socket", daemon.socketPath, "case", "show", try #require(final["SR-1"]?.id), "--json",
        ])
        let detail = try ControlCoding.makeDecoder().decode(CaseDetail.self, from: Data(show.standardOutput.utf8))
        #expect(detail.events.filter { $0.toState == .resolved }.count == 1)
        #expect(detail.events.contains { $0.reason == "Sudah ditambal oleh UPT Jalan" })
        #expect(detail.complaint.channel == .open311)

        let asked = try #require(server.requests.first?.target)
        #expect(
            asked.hasPrefix("/open311/v2/requests.json?jurisdiction_id=serangkota.go.id&api_key=rahasia&start_date=")
        )
        #expect(server.requests.contains { $0.target.contains("page=2") })
        let status = try #require(try sources(daemon))
        #expect(status.itemsIn == 5)  // four complaints and one update
        #expect(status.cursor != nil)
        #expect(status.lastError == nil)
    }

    @Test("a server without JSON is read as XML, and a server error shows in sources and backs off")
    func xmlOnlyAndErrors() throws {
        let city = City(answersJSON: false)
        let server = try LocalHTTPServer { city.respond(to: $0) }
        defer { server.stop() }
        let folder = try TemporaryDirectory("aduan-open311")
        defer { folder.remove() }
        city.requests.withLock {
            $0 = [Self.request("X-1", hoursAgo: 2, description: "Trotoar rusak &amp; membahayakan pejalan kaki")]
        }
        let daemon = try startDaemon(in: folder, server: server)
        defer { daemon.stop() }
        #expect(try eventually { try cases(daemon)["X-1"] != nil })
        #expect(server.requests.contains { $0.target.hasPrefix("/open311/v2/requests.xml?") })

        city.failure.withLock {
            $0 = (
                403, #"[{"code":403,"description":"Invalid api_key received -- can't proceed with create_request."}]"#
            )
        }
        #expect(try eventually { (try sources(daemon)?.consecutiveFailures ?? 0) >= 2 })
        let failing = try #require(try sources(daemon))
        #expect(failing.lastError?.contains("Invalid api_key received") == true)
        #expect(failing.lastError?.contains("rahasia") == false)
        city.failure.withLock { $0 = nil }
        #expect(try eventually(within: 5) { try sources(daemon)?.consecutiveFailures == 0 })
        #expect(try cases(daemon).count == 1)
    }
}
