import AduanCore
import Foundation

/// What the Open311 source does with a response body, for both formats' harnesses.
enum Open311Fuzzing {
    /// Decodes `body`, then maps every request as a complaint and as an update; every refusal must have a reason.
    static func decode(_ body: [UInt8], format: Open311Format) {
        switch Open311ResponseDecoder.requests(from: body, format: format) {
        case .failure(let error):
            FuzzExpectation.oneLine(error.description, "Open311 error")
        case .success(let requests):
            let mapper = Open311ItemMapper(source: "fuzz")
            for request in requests {
                if request.serviceRequestID.isEmpty { FuzzExpectation.fail("a request without an id was accepted") }
                let mapped = [
                    mapper.complaint(from: request, receivedDefault: Date(timeIntervalSince1970: 1_773_705_600)),
                    mapper.update(from: request),
                ]
                for case .failure(let error) in mapped {
                    FuzzExpectation.oneLine(error.description, "Open311 item error")
                }
            }
        }
    }
}
