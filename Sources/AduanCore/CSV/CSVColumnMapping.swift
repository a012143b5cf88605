import Foundation

/// Which header column feeds which item field.
///
/// A field the mapping names must be a column of the header, or the whole file is refused. Every other field is
/// read from a column of its own name (``CSVField``'s raw value) when the header has one. Header names match
/// ignoring case and surrounding spaces.
public struct CSVColumnMapping: Sendable, Hashable {
    /// The columns named explicitly, by field.
    public var columns: [CSVField: String]

    /// Every field from the column of its own name: `id,text,region,…`.
    public static let identity = CSVColumnMapping(columns: [:])

    /// Creates a mapping; fields it does not name keep their own names as optional columns.
    public init(columns: [CSVField: String]) {
        self.columns = columns
    }

    /// Finds each field's column in a header.
    ///
    /// - Returns: the column index of every field the file has, by field.
    /// - Throws: ``CSVError`` (line 1) naming every mapped column missing from the header, a mapped column that
    ///   appears twice, or a header without an `id` column or without both `text` and `update_for`.
    public func columnIndexes(in header: [String]) throws(CSVError) -> [CSVField: Int] {
        let keys = header.map(Self.key)
        var indexes: [CSVField: Int] = [:]
        var missing: [String] = []
        for field in CSVField.allCases {
            let column = columns[field] ?? field.rawValue
            let matches = keys.indices.filter { keys[$0] == Self.key(column) }
            if matches.count > 1 {
                throw CSVError(line: 1, reason: "column '\(column)' appears \(matches.count) times in the header")
            }
            if let index = matches.first {
                indexes[field] = index
            } else if columns[field] != nil {
                missing.append("'\(column)' (for \(field.rawValue))")
            }
        }
        let found = "the header has: \(header.joined(separator: ", "))"
        if !missing.isEmpty {
            throw CSVError(
                line: 1,
                reason: "mapped column \(missing.joined(separator: ", ")) not in the header; \(found)"
            )
        }
        if indexes[.id] == nil {
            throw CSVError(line: 1, reason: "no column for 'id' (map one or name it 'id'); \(found)")
        }
        if indexes[.text] == nil, indexes[.updateFor] == nil {
            throw CSVError(line: 1, reason: "no column for 'text' (map one or name it 'text'); \(found)")
        }
        return indexes
    }

    private static func key(_ name: String) -> String {
        name.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
