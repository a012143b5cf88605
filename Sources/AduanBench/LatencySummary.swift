/// Percentiles of a set of durations, in milliseconds.
public struct LatencySummary: Sendable, Codable, Hashable {
    /// How many samples.
    public var count: Int
    /// Median.
    public var p50: Double
    /// 99th percentile (nearest rank).
    public var p99: Double
    /// Largest sample.
    public var max: Double

    /// Summarises `milliseconds`; all zero when there are none.
    public init(milliseconds: [Double]) {
        let sorted = milliseconds.sorted()
        count = sorted.count
        func rank(_ fraction: Double) -> Double {
            guard !sorted.isEmpty else { return 0 }
            let index = Int((fraction * Double(sorted.count)).rounded(.up)) - 1
            return sorted[Swift.max(0, Swift.min(sorted.count - 1, index))]
        }
        p50 = rank(0.5)
        p99 = rank(0.99)
        max = sorted.last ?? 0
    }
}
