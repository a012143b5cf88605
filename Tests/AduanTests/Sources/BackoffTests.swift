import AduanBench
import Testing

@testable import AduanDaemon

@Suite("source backoff")
struct BackoffTests {
    @Test("waits double after each failure, stay within the upper half of each step, and stop at the cap")
    func doublesUpToTheCap() {
        var backoff = Backoff(initial: 5, maximum: 60)
        var generator = SplitMix64(seed: 7)
        let ceilings: [Double] = [5, 10, 20, 40, 60, 60, 60]
        for ceiling in ceilings {
            let wait = backoff.nextDelay(using: &generator)
            #expect(wait >= ceiling / 2 && wait <= ceiling, "wait \(wait) outside \(ceiling / 2)…\(ceiling)")
        }
        #expect(backoff.failures == ceilings.count)
    }

    @Test("a success starts the waits over at the poll interval")
    func successResets() {
        var backoff = Backoff(initial: 5, maximum: 60)
        var generator = SplitMix64(seed: 1)
        for _ in 0..<6 { _ = backoff.nextDelay(using: &generator) }
        backoff.reset()
        #expect(backoff.nextDelay(using: &generator) <= 5)
    }

    @Test("two sources failing together do not retry in lockstep")
    func jitterSpreadsRetries() {
        var first = Backoff(initial: 10, maximum: 300)
        var second = Backoff(initial: 10, maximum: 300)
        var generatorA = SplitMix64(seed: 11)
        var generatorB = SplitMix64(seed: 12)
        let waitsA = (0..<5).map { _ in first.nextDelay(using: &generatorA) }
        let waitsB = (0..<5).map { _ in second.nextDelay(using: &generatorB) }
        #expect(waitsA != waitsB)
    }
}
