import AduanControl
import Foundation

/// What every online command needs: where the daemon is, and how to ask it.
struct CommandContext {
    var socketPath: String

    /// Sends a request and maps failures to exit codes: 69 unreachable, 77 refused permission, 1 otherwise.
    func send<Result: Codable & Sendable>(
        _ request: ControlRequest,
        expecting: Result.Type
    ) throws(CommandFailure) -> Result {
        do {
            return try ControlClient(socketPath: socketPath).send(request, expecting: expecting)
        } catch let failure as ControlClient.Failure {
            switch failure {
            case .unreachable: throw CommandFailure(failure.description, exitCode: .unreachable)
            case .refused(let error) where error.code == .permissionDenied:
                throw CommandFailure(error.message, exitCode: .permissionDenied)
            case .refused(let error) where error.code == .badRequest:
                throw CommandFailure(error.message, exitCode: .usage)
            default: throw CommandFailure(failure.description)
            }
        } catch {
            throw CommandFailure("\(error)")
        }
    }

    /// Prints a value as indented JSON with RFC 3339 UTC dates.
    static func printJSON(_ value: some Encodable) throws(CommandFailure) {
        let encoder = ControlCoding.makeEncoder()
        encoder.outputFormatting.insert(.prettyPrinted)
        do {
            print(String(decoding: try encoder.encode(value), as: UTF8.self))
        } catch {
            throw CommandFailure("cannot encode the output: \(error)")
        }
    }
}
