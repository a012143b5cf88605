import AduanStore
import Foundation

/// The rows a daemon stored for its complaints, read back and inserted again into a fresh store, one INSERT per row
/// through the C API in one transaction: what Aduan's data model costs in SQLite alone, without any of the
/// daemon's work (parsing, routing, deadlines, audit hashing, statement handling).
///
/// Its rate against the one-row-per-complaint baseline is the limit the data model sets; the daemon's rate against
/// it is how close the daemon's own code comes to that limit.
struct StoredRowsReplay {
    /// The tables intake writes, in an order that satisfies their foreign keys.
    static let tables = [
        "complaints", "reporters", "cases", "events", "clocks", "escalation_steps", "deliveries", "applied_updates",
    ]

    /// What the replay measured.
    struct Measurement {
        /// Rows inserted, over every table.
        var rows: Int
        /// Seconds from BEGIN to the end of COMMIT.
        var seconds: Double
    }

    /// Reads every row of ``tables`` from the store at `sourcePath` (not timed), then inserts them into a fresh
    /// store at `path`: same schema, indexes, triggers and connection settings as the daemon's (WAL,
    /// synchronous=NORMAL, foreign keys, 64 MiB cache).
    static func measure(from sourcePath: String, into path: String) throws -> Measurement {
        let source = try RawSQLite(path: sourcePath, isReadOnly: true)
        var tables: [(name: String, columns: Int32, rows: [[RawSQLite.Value]])] = []
        for name in Self.tables {
            let select = try source.prepare("SELECT * FROM \(name)")
            var rows: [[RawSQLite.Value]] = []
            while try select.step() {
                rows.append((0..<select.columnCount).map(select.value))
            }
            tables.append((name, select.columnCount, rows))
        }
        try Store(path: path).close()
        let target = try RawSQLite(path: path)
        try target.execute(
            "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON; PRAGMA cache_size = -65536"
        )
        let inserts = try tables.map { table in
            let parameters = (1...max(1, table.columns)).map { "?\($0)" }.joined(separator: ", ")
            return try target.prepare("INSERT INTO \(table.name) VALUES (\(parameters))")
        }
        let (_, seconds) = try Stopwatch.measure {
            try target.execute("BEGIN IMMEDIATE")
            for (table, insert) in zip(tables, inserts) {
                for row in table.rows {
                    for (index, value) in row.enumerated() { insert.bind(value, at: Int32(index + 1)) }
                    try insert.run()
                }
            }
            try target.execute("COMMIT")
        }
        return Measurement(rows: tables.reduce(0) { $0 + $1.rows.count }, seconds: seconds)
    }
}
