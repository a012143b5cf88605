import Foundation
import Glibc

/// Sends requests to a running `aduand` over its control socket and decodes the answers.
public struct ControlClient: Sendable {
    /// Why a request did not get an answer.
    public enum Failure: Error, Sendable, CustomStringConvertible {
        /// No daemon listens at the path (exit 69).
        case unreachable(path: String, reason: String)
        /// The daemon answered something that is not a response (exit 1).
        case malformedResponse(String)
        /// The daemon refused or failed the request (exit 1, or 77 when permission was refused).
        case refused(ControlError)

        public var description: String {
            switch self {
            case .unreachable(let path, let reason):
                "cannot reach aduand at \(path): \(reason) (is the daemon running? try --socket PATH)"
            case .malformedResponse(let detail): "malformed response from aduand: \(detail)"
            case .refused(let error): error.message
            }
        }
    }

    /// The socket path.
    public let socketPath: String
    /// Seconds to wait for an answer.
    public let timeout: Double

    /// Creates a client for the socket at `socketPath`.
    public init(socketPath: String, timeout: Double = 30) {
        self.socketPath = socketPath
        self.timeout = timeout
    }

    /// Pauses before each retry of a request the daemon answered "busy": about 1.5 s in all, then the client gives
    /// up with the daemon's message (a daemon that busy has a thousand connections waiting already).
    static let busyRetryDelays: [Double] = [0.05, 0.1, 0.2, 0.4, 0.8]

    /// Sends one request and decodes its result, retrying briefly while the daemon answers "busy".
    ///
    /// - Throws: ``Failure``.
    public func send<Result: Codable & Sendable>(_ request: ControlRequest, expecting: Result.Type) throws -> Result {
        for delay in Self.busyRetryDelays {
            do {
                return try sendOnce(request, expecting: expecting)
            } catch let failure as Failure {
                guard case .refused(let error) = failure, error.code == .busy else { throw failure }
                // Jitter, so that clients turned away together do not come back together.
                usleep(UInt32(delay * Double.random(in: 0.5...1.5) * 1_000_000))
            }
        }
        return try sendOnce(request, expecting: expecting)
    }

    private func sendOnce<Result: Codable & Sendable>(
        _ request: ControlRequest,
        expecting: Result.Type
    ) throws -> Result {
        let descriptor: Int32
        do {
            descriptor = try UnixSocket.connect(to: socketPath, timeout: timeout)
        } catch {
            throw Failure.unreachable(path: socketPath, reason: "\(error)")
        }
        defer { close(descriptor) }
        do {
            var line = try ControlCoding.makeEncoder().encode(request)
            line.append(UInt8(ascii: "\n"))
            try UnixSocket.writeAll(descriptor, Array(line))
        } catch {
            throw Failure.unreachable(path: socketPath, reason: "\(error)")
        }
        var reader = LineReader(descriptor: descriptor, maximumLineLength: 256 * 1_024 * 1_024)
        let answer: [UInt8]?
        do {
            answer = try reader.nextLine()
        } catch {
            throw Failure.malformedResponse("\(error)")
        }
        guard let answer else { throw Failure.malformedResponse("the daemon closed the connection without answering") }
        let response: ControlResponse<Result>
        do {
            response = try ControlCoding.makeDecoder().decode(ControlResponse<Result>.self, from: Data(answer))
        } catch {
            throw Failure.malformedResponse("\(error)")
        }
        if let error = response.error { throw Failure.refused(error) }
        guard response.ok, let result = response.result else { throw Failure.malformedResponse("no result") }
        return result
    }
}
