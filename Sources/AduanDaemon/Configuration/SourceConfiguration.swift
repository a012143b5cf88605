/// One intake source the daemon polls.
public struct SourceConfiguration: Sendable, Hashable {
    /// The kinds of source this build knows.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A folder with `inbox/`, `processed/` and `quarantine/` (DESIGN.md "Spool items").
        case spool
    }

    /// The source's name, the `source` half of each item's key.
    public var name: String
    /// Its kind.
    public var kind: Kind
    /// Its folder.
    public var path: String
    /// Seconds between polls.
    public var interval: Double

    /// Creates a source configuration.
    public init(name: String, kind: Kind, path: String, interval: Double) {
        self.name = name
        self.kind = kind
        self.path = path
        self.interval = interval
    }

    /// Parses a poll interval such as `5s`, `500ms`, `2m` or `1h`.
    public static func parseInterval(_ text: String) -> Double? {
        let units: [(suffix: String, seconds: Double)] = [("ms", 0.001), ("s", 1), ("m", 60), ("h", 3_600)]
        for unit in units where text.hasSuffix(unit.suffix) {
            guard let amount = Double(text.dropLast(unit.suffix.count)), amount > 0 else { return nil }
            return amount * unit.seconds
        }
        return nil
    }
}
