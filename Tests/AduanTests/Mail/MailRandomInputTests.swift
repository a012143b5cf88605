import AduanBench
import AduanCore
import Foundation
import Testing

/// Mutations of the real-world fixtures: the parser must never crash or hang, and every refusal must say why.
@Suite("mail parser on random input")
struct MailRandomInputTests {
    static let fixtures: [[UInt8]] = [
        MailFixtures.gmail, MailFixtures.outlook, MailFixtures.base64Plain, MailFixtures.htmlOnly,
        MailFixtures.withAttachment, MailFixtures.nested, MailFixtures.foldedWithoutMessageID, MailFixtures.update,
    ]

    /// Bytes that matter to the grammar, so that mutations hit the interesting paths.
    static let syntaxBytes = Array("\r\n:;=?\"<>()-_ \t&#/\\@".utf8)

    @Test("a few thousand mutated mails are parsed or refused with a reason, within the time bound")
    func mutations() {
        var generator = SplitMix64(seed: 0x6D61_696C)
        let mapper = MailItemMapper(source: "mail")
        let start = ContinuousClock.now
        var accepted = 0
        var refused = 0
        for _ in 0..<4_000 {
            var bytes = Self.fixtures.randomElement(using: &generator)!
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                mutate(&bytes, using: &generator)
            }
            switch mapper.item(fromMail: bytes, receivedDefault: Date(timeIntervalSince1970: 0)) {
            case .success: accepted += 1
            case .failure(let error):
                refused += 1
                #expect(!error.description.isEmpty)
                #expect(!error.description.contains("\n"), "\(error.description)")
            }
        }
        let elapsed = ContinuousClock.now - start
        #expect(accepted > 0 && refused > 0, "accepted \(accepted), refused \(refused)")
        #expect(elapsed < .seconds(5), "took \(elapsed)")
    }

    private func mutate(_ bytes: inout [UInt8], using generator: inout SplitMix64) {
        guard !bytes.isEmpty else {
            bytes.append(Self.syntaxBytes.randomElement(using: &generator)!)
            return
        }
        let position = Int.random(in: 0..<bytes.count, using: &generator)
        switch Int.random(in: 0..<6, using: &generator) {
        case 0: bytes[position] = UInt8.random(in: 0...255, using: &generator)
        case 1: bytes[position] = Self.syntaxBytes.randomElement(using: &generator)!
        case 2: bytes.insert(Self.syntaxBytes.randomElement(using: &generator)!, at: position)
        case 3: bytes.removeSubrange(position..<min(bytes.count, position + Int.random(in: 1...40, using: &generator)))
        case 4: bytes.removeSubrange(position...)
        default:
            let length = min(bytes.count - position, Int.random(in: 1...60, using: &generator))
            let insertAt = Int.random(in: 0...bytes.count, using: &generator)
            bytes.insert(contentsOf: Array(bytes[position..<(position + length)]), at: insertAt)
        }
    }
}
