/// One measured number, the same-run baseline it is compared with, and the goal it is held to.
public struct BenchmarkResult: Sendable, Encodable, Hashable {
    /// The benchmark it belongs to (`intake`, `routing`, `deadlines`, `control`).
    public var benchmark: String
    /// What was measured, in words.
    public var measured: String
    /// The number.
    public var value: Double
    /// Its unit (`complaints/s`, `ms`, `MiB`).
    public var unit: String
    /// What the baseline did, in words; `nil` when the number has no baseline (its goal is absolute).
    public var baselineName: String?
    /// The baseline's number, in the same unit.
    public var baseline: Double?
    /// The goal, in words.
    public var goal: Goal

    /// `value / baseline`.
    public var ratio: Double? {
        guard let baseline, baseline > 0 else { return nil }
        return value / baseline
    }

    /// Whether the number meets its goal.
    public var meetsGoal: Bool {
        switch goal {
        case .ratioAtLeast(let minimum): (ratio ?? 0) >= minimum
        case .ratioAtMost(let maximum): ratio.map { $0 <= maximum } ?? false
        case .atMost(let maximum): value <= maximum
        case .below(let limit): value < limit
        case .none: true
        }
    }

    private enum CodingKeys: String, CodingKey {
        case benchmark, measured, value, unit, baseline, ratio, goal
        case baselineName = "baseline_name"
        case meetsGoal = "meets_goal"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(benchmark, forKey: .benchmark)
        try container.encode(measured, forKey: .measured)
        try container.encode(value, forKey: .value)
        try container.encode(unit, forKey: .unit)
        try container.encodeIfPresent(baselineName, forKey: .baselineName)
        try container.encodeIfPresent(baseline, forKey: .baseline)
        try container.encodeIfPresent(ratio, forKey: .ratio)
        try container.encode(goal.description, forKey: .goal)
        try container.encode(meetsGoal, forKey: .meetsGoal)
    }

    /// What a number is held to.
    public enum Goal: Sendable, Hashable, CustomStringConvertible {
        /// value / baseline ≥ the bound (throughput).
        case ratioAtLeast(Double)
        /// value / baseline ≤ the bound (time: at most that many times the baseline's).
        case ratioAtMost(Double)
        /// value ≤ the bound.
        case atMost(Double)
        /// value < the bound.
        case below(Double)
        /// Reported for context only.
        case none

        public var description: String {
            switch self {
            case .ratioAtLeast(let minimum): "ratio ≥ \(Self.format(minimum))"
            case .ratioAtMost(let maximum): "ratio ≤ \(Self.format(maximum))"
            case .atMost(let maximum): "≤ \(Self.format(maximum))"
            case .below(let limit): "< \(Self.format(limit))"
            case .none: "-"
            }
        }

        private static func format(_ number: Double) -> String {
            number == number.rounded() ? String(Int(number)) : String(number)
        }
    }

    init(
        benchmark: String,
        measured: String,
        value: Double,
        unit: String,
        baselineName: String? = nil,
        baseline: Double? = nil,
        goal: Goal = .none
    ) {
        self.benchmark = benchmark
        self.measured = measured
        self.value = value
        self.unit = unit
        self.baselineName = baselineName
        self.baseline = baseline
        self.goal = goal
    }
}
