/// An item field a CSV column can feed; the raw value is the field's name and the default column name.
public enum CSVField: String, Sendable, Hashable, CaseIterable {
    /// The item's identifier within its source (required).
    case id
    /// The complaint (required for complaints).
    case text
    /// Short subject.
    case title
    /// RFC 3339, or `YYYY-MM-DD HH:MM:SS` taken as WIB (+07:00).
    case receivedAt = "received_at"
    /// One of ``Channel``'s names.
    case channel
    /// Region name or Kemendagri code.
    case region
    /// Reporter's name.
    case reporterName = "reporter_name"
    /// Reporter's phone number or e-mail address.
    case reporterContact = "reporter_contact"
    /// Reporter's kind (`citizen`, `anonymous`, …).
    case reporterKind = "reporter_kind"
    /// WGS 84 latitude (a decimal comma is accepted).
    case lat
    /// WGS 84 longitude (a decimal comma is accepted).
    case lon
    /// Street address.
    case address
    /// Non-empty on update rows: the case id, or the complaint's id in `update_for_source`.
    case updateFor = "update_for"
    /// The source of the complaint `update_for` names; empty when `update_for` is a case id.
    case updateForSource = "update_for_source"
    /// The case's new state (an update).
    case status
    /// A note for the case's history (an update).
    case note

    /// Every field name, for error messages.
    public static let acceptedNames: String = allCases.map(\.rawValue).joined(separator: " ")
}
