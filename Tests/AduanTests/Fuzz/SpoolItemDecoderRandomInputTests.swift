import AduanCore
import Foundation
import Testing

/// Mutated spool lines (the bundled sample complaints and updates): decoded or refused with a one-line reason.
@Suite("spool decoder on random input")
struct SpoolItemDecoderRandomInputTests {
    static let originals: [[UInt8]] = {
        let path = TestPaths.seedsDirectory + "/complaints.jsonl"
        let text = (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
        let samples = text.split(separator: "\n").prefix(30).map { Array($0.utf8) }
        let updates = [
            #"{"id":"u1","update_for":"7","status":"in_progress"}"#,
            #"{"id":"u2","update_for":{"source":"lapor","id":"L-9"},"note":"dicek"}"#,
        ]
        return samples + updates.map { Array($0.utf8) }
    }()

    @Test("mutated spool lines are items or one-line reasons, within the time bound")
    func mutations() {
        var mutation = RandomMutation(seed: 0x7370_6F6F, syntaxBytes: #"{}[]:,"\ 0123456789-+.eEtrufalsn"#)
        let decoder = SpoolItemDecoder(source: "spool")
        var outcomes = (accepted: 0, refused: 0)
        let start = ContinuousClock.now
        for _ in 0..<3_000 {
            switch decoder.decode(mutation.next(from: Self.originals), receivedDefault: Date(timeIntervalSince1970: 0))
            {
            case .success(let item):
                outcomes.accepted += 1
                #expect(!item.externalID.isEmpty)
            case .failure(let error):
                outcomes.refused += 1
                #expect(error.description.isOneReadableLine, "\(error.description.debugDescription)")
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(outcomes.accepted > 0 && outcomes.refused > 0, "\(outcomes)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }
}
