import AduanControl
import CAduanShims
import Foundation
import Glibc

/// One control connection's exchange: request lines in, one response line out for each, until the client closes,
/// falls silent for `timeout` seconds or sends a line longer than `maximumRequestBytes`.
struct ControlSession: Sendable {
    let handler: ControlHandler
    let logger: Logger
    let maximumRequestBytes: Int
    let timeout: Double

    /// Serves `connection` to its end and closes it.
    func serve(_ connection: Int32) {
        defer { close(connection) }
        UnixSocket.setTimeouts(connection, seconds: timeout)
        var credentials = aduan_peer_credentials()
        let peer = aduan_peer_credentials_of(connection, &credentials) == 0 ? PeerIdentity(credentials) : nil
        var reader = LineReader(descriptor: connection, maximumLineLength: maximumRequestBytes)
        while true {
            let line: [UInt8]
            do {
                guard let next = try reader.nextLine() else { return }
                line = next
            } catch .lineTooLong(let limit) {
                Self.refuse(connection, ControlError(.tooLarge, "request larger than \(limit) bytes"))
                return
            } catch {
                return
            }
            if line.isEmpty { continue }
            var answer = handler.respond(to: line, from: peer)
            answer.append(UInt8(ascii: "\n"))
            do {
                try UnixSocket.writeAll(connection, answer)
            } catch {
                logger.debug("control client went away", ["error": "\(error)"])
                return
            }
        }
    }

    /// Answers `connection` with `error` and no id, as the last thing said on it.
    static func refuse(_ connection: Int32, _ error: ControlError) {
        if var line = try? ControlCoding.makeEncoder().encode(
            ControlResponse<ControlEmptyResult>.failure(id: nil, error)
        ) {
            line.append(UInt8(ascii: "\n"))
            try? UnixSocket.writeAll(connection, Array(line))
        }
    }
}

/// Who is at the other end of a control connection, from `SO_PEERCRED`.
struct PeerIdentity: Sendable, Hashable {
    var pid: Int32
    var uid: UInt32
    var gid: UInt32

    init(_ credentials: aduan_peer_credentials) {
        pid = credentials.pid
        uid = credentials.uid
        gid = credentials.gid
    }
}
