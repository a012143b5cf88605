import AduanCore
import Foundation

extension ControlRequest {
    /// Decodes one request line as the daemon reads it, or says in one line why it is not a request.
    ///
    /// - Returns: The request, or a `bad_request` error naming the operations and what is wrong with the line.
    public static func decode(line: [UInt8]) -> Result<ControlRequest, ControlError> {
        do {
            return .success(try ControlCoding.makeDecoder().decode(ControlRequest.self, from: Data(line)))
        } catch {
            let operations = ControlOperation.allCases.map(\.rawValue).joined(separator: ", ")
            // The reason may quote the line's text, control characters and all; the answer must stay one line.
            let reason = describe(error).escapingControlCharacters
            return .failure(
                ControlError(.badRequest, "not a request: expected {\"op\": one of \(operations)}; \(reason)")
            )
        }
    }

    private static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context): context.debugDescription
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "'\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default: "\(error)"
        }
    }
}
