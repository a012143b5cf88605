/// Ordered, named schema migrations; `PRAGMA user_version` holds how many have been applied.
///
/// Each migration runs in its own `BEGIN IMMEDIATE` transaction together with the bump of `user_version`, so a
/// failure leaves the file at the last complete version.
struct Migrator: Sendable {
    /// One step of the schema's history.
    struct Migration: Sendable {
        /// What the step does, for error messages.
        let name: String
        /// The changes, run inside the migration's transaction.
        let apply: @Sendable (Database) throws -> Void
    }

    /// The steps, oldest first; the schema version is the number applied.
    private(set) var migrations: [Migration] = []

    /// The schema version this binary knows: the number of registered migrations.
    var knownVersion: Int { migrations.count }

    /// Appends a migration; never reorder or edit a migration that has shipped.
    mutating func register(_ name: String, _ apply: @escaping @Sendable (Database) throws -> Void) {
        migrations.append(Migration(name: name, apply: apply))
    }

    /// Applies every migration the database lacks.
    ///
    /// - Throws: ``StoreError`` when the file's schema is newer than this binary knows, or a migration fails.
    func migrate(_ database: Database) throws {
        try refuseNewerSchema(version: database.schemaVersion())
        for (index, migration) in migrations.enumerated() {
            try database.inTransaction(.immediate) {
                // Read again under the write lock: another process may have migrated meanwhile.
                let version = try database.schemaVersion()
                try refuseNewerSchema(version: version)
                guard version == index else { return }
                do {
                    try migration.apply(database)
                } catch let error as StoreError {
                    throw StoreError(
                        migrationNumber: index + 1,
                        name: migration.name,
                        underlying: error
                    )
                }
                try database.execute("PRAGMA user_version = \(index + 1)")
            }
        }
    }

    /// Checks that a database is at exactly the version this binary knows, as a reader that cannot migrate must.
    ///
    /// - Throws: ``StoreError`` when the schema is newer or older.
    func requireCurrentSchema(_ database: Database) throws {
        let version = try database.schemaVersion()
        try refuseNewerSchema(version: version)
        guard version == knownVersion else {
            throw StoreError(
                "database schema version \(version) is older than this aduand (knows \(knownVersion)): "
                    + "start aduand once to migrate it"
            )
        }
    }

    private func refuseNewerSchema(version: Int) throws {
        guard version <= knownVersion else {
            throw StoreError(
                "database schema version \(version) is newer than this aduand (knows \(knownVersion)): "
                    + "upgrade aduand or restore a backup"
            )
        }
    }
}

extension Database {
    /// The schema version recorded in the file (`PRAGMA user_version`).
    func schemaVersion() throws -> Int {
        try scalar("PRAGMA user_version") ?? 0
    }
}

extension StoreError {
    /// Prefixes a migration's failure with which migration it was, keeping SQLite's code and SQL.
    fileprivate init(migrationNumber: Int, name: String, underlying: StoreError) {
        let message = "migration \(migrationNumber) (\(name)) failed: \(underlying.message)"
        if let code = underlying.extendedResultCode {
            self.init(resultCode: code, message: message, sql: underlying.sql)
        } else {
            self.init(message, sql: underlying.sql)
        }
    }
}
