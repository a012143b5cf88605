import Foundation

// The schema stores times as INTEGER unix seconds, UTC; fractions of a second are dropped.
extension Date {
    /// Whole seconds since 1970-01-01T00:00:00Z, rounded down.
    var unixSeconds: Int64 {
        Int64(timeIntervalSince1970.rounded(.down))
    }

    /// The date at a whole number of seconds since 1970-01-01T00:00:00Z.
    init(unixSeconds: Int64) {
        self.init(timeIntervalSince1970: TimeInterval(unixSeconds))
    }
}
