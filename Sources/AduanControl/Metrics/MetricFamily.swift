/// One metric with its samples, as `aduanctl metrics` prints it in Prometheus' text format.
public struct MetricFamily: Sendable, Hashable, Codable {
    /// How Prometheus treats the samples.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Only goes up (restarts reset it); Prometheus takes rates of it.
        case counter
        /// Goes up and down.
        case gauge
    }

    /// The metric's name, `aduan_…`; counters end in `_total`.
    public var name: String
    /// One line saying what it measures.
    public var help: String
    /// Counter or gauge.
    public var kind: Kind
    /// Its samples; a family without labels has one.
    public var samples: [MetricSample]

    /// Creates a family.
    public init(name: String, help: String, kind: Kind, samples: [MetricSample]) {
        self.name = name
        self.help = help
        self.kind = kind
        self.samples = samples
    }

    /// A family of one sample without labels.
    public init(name: String, help: String, kind: Kind, value: Double) {
        self.init(name: name, help: help, kind: kind, samples: [MetricSample(value: value)])
    }
}

/// One sample: label values and a number.
public struct MetricSample: Sendable, Hashable, Codable {
    /// Label names and values; printed in name order.
    public var labels: [String: String]
    /// The value.
    public var value: Double

    /// Creates a sample.
    public init(labels: [String: String] = [:], value: Double) {
        self.labels = labels
        self.value = value
    }
}
