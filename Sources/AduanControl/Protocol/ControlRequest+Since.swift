public import Foundation
import AduanCore

extension ControlRequest {
    /// Reads a `since` time: RFC 3339, or a date `YYYY-MM-DD` taken as midnight WIB (UTC+7), Banten's zone.
    public static func parseSince(_ text: String) -> Date? {
        if let date = RFC3339.parse(text) { return date }
        guard text.count == 10, CivilDate(iso: text) != nil else { return nil }
        return RFC3339.parse(text + "T00:00:00+07:00")
    }
}
