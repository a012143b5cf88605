/// How long a source waits after failed polls: capped exponential, jittered so that sources failing together
/// (a network outage) do not retry in lockstep.
struct Backoff: Sendable, Hashable {
    /// The wait after the first failure, in seconds (the source's poll interval).
    var initial: Double
    /// The longest wait, in seconds.
    var maximum: Double
    /// Failures since the last success.
    private(set) var failures = 0

    /// Creates a policy; `maximum` below `initial` is raised to it.
    init(initial: Double, maximum: Double) {
        self.initial = initial
        self.maximum = max(initial, maximum)
    }

    /// Records a failure and returns the wait before the next attempt: a uniform draw from the upper half of
    /// `initial × 2^(failures−1)`, capped at `maximum`.
    mutating func nextDelay(using generator: inout some RandomNumberGenerator) -> Double {
        failures += 1
        let ceiling = min(maximum, initial * Double(1 << min(failures - 1, 30)))
        return Double.random(in: (ceiling / 2)...ceiling, using: &generator)
    }

    /// Records a success: the next failure starts over at `initial`.
    mutating func reset() {
        failures = 0
    }
}
