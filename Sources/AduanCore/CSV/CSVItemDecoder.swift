public import Foundation

/// Turns a CSV file into spool items: each record through ``CSVColumnMapping`` into the fields of a spool JSON
/// object, then through ``SpoolItemDecoder``, so a CSV row obeys exactly the rules of a spool line.
///
/// Values are trimmed and an empty value is an absent field. Rows whose `update_for` is non-empty are updates, the
/// others complaints. CSV only: `received_at` may also be `YYYY-MM-DD HH:MM:SS`, taken as WIB (+07:00), and
/// `lat`/`lon` may use a decimal comma (`-6,12`).
public struct CSVItemDecoder: Sendable {
    /// The source whose files this decodes.
    public let source: String
    /// Which column feeds which field.
    public var mapping: CSVColumnMapping
    /// The field separator, or `nil` to detect it from the header.
    public var delimiter: CSVDelimiter?

    private let itemDecoder: SpoolItemDecoder

    /// Creates a decoder for the CSV files of `source`.
    public init(source: String, mapping: CSVColumnMapping = .identity, delimiter: CSVDelimiter? = nil) {
        self.source = source
        self.mapping = mapping
        self.delimiter = delimiter
        self.itemDecoder = SpoolItemDecoder(source: source)
    }

    /// Decodes a whole file: one row per record, valid or not, in file order.
    ///
    /// - Parameter receivedDefault: `received_at` for complaints that do not carry one (time of intake).
    /// - Returns: the rows, or the reason the whole file is refused (see ``CSVReader`` and
    ///   ``CSVColumnMapping/columnIndexes(in:)``).
    public func decode(_ bytes: [UInt8], receivedDefault: Date) -> Result<[CSVItemRow], CSVError> {
        let document: CSVDocument
        let indexes: [CSVField: Int]
        do {
            document = try CSVReader.read(bytes, delimiter: delimiter)
            indexes = try mapping.columnIndexes(in: document.header)
        } catch {
            return .failure(error)
        }
        return .success(
            document.records.map { record in
                let result: Result<SpoolItem, SpoolItemError> =
                    switch record.fields {
                    case .success(let fields):
                        itemDecoder.decode(
                            fields: Self.itemFields(fields, indexes: indexes),
                            original: record.bytes,
                            receivedDefault: receivedDefault
                        )
                    case .failure(let error): .failure(SpoolItemError(error.reason))
                    }
                return CSVItemRow(line: record.line, result: result, bytes: record.bytes)
            }
        )
    }

    /// The record's values in the shape of a spool JSON object.
    private static func itemFields(_ values: [String], indexes: [CSVField: Int]) -> [String: Any] {
        func value(_ field: CSVField) -> String? {
            guard let index = indexes[field] else { return nil }
            let text = values[index].trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        var fields: [String: Any] = [:]
        for field in [CSVField.id, .text, .title, .channel, .region, .status, .note] {
            fields[field.rawValue] = value(field)
        }
        fields["received_at"] = value(.receivedAt).map(localTimeAsWIB)
        if let target = value(.updateFor) {
            fields["update_for"] = value(.updateForSource).map { ["source": $0, "id": target] } ?? target
        }
        let reporter = [("name", CSVField.reporterName), ("contact", .reporterContact), ("kind", .reporterKind)]
            .compactMap { key, field in value(field).map { (key, $0) } }
        if !reporter.isEmpty { fields["reporter"] = Dictionary(uniqueKeysWithValues: reporter) }
        let location = [("lat", CSVField.lat), ("lon", .lon), ("address", .address)]
            .compactMap { key, field in
                value(field).map { (key, field == .address ? $0 : decimalPoint($0)) }
            }
        if !location.isEmpty { fields["location"] = Dictionary(uniqueKeysWithValues: location) }
        return fields
    }

    /// `2026-03-17 10:00:00` (a spreadsheet's local time) → `2026-03-17 10:00:00+07:00`; other text unchanged, so
    /// the spool rules judge it as RFC 3339.
    private static func localTimeAsWIB(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.count == 19, bytes[10] == UInt8(ascii: " ") else { return text }
        return text + "+07:00"
    }

    /// `-6,12` → `-6.12`: spreadsheets in Indonesian locales write a decimal comma.
    private static func decimalPoint(_ text: String) -> String {
        guard !text.contains("."), text.utf8.count(where: { $0 == UInt8(ascii: ",") }) == 1 else { return text }
        return text.replacingOccurrences(of: ",", with: ".")
    }
}
