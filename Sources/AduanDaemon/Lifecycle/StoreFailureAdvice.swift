import AduanStore

/// Turns a store failure at start into one line that names the database, says what is wrong and what to do: an
/// operator reading `systemctl status` should not need to know SQLite's result codes.
enum StoreFailureAdvice {
    /// The line for `error`, met while doing `action` (e.g. "cannot open the store") on `databasePath`.
    static func message(for error: any Error, databasePath: String, action: String) -> String {
        guard let error = error as? StoreError else { return "\(action) \(databasePath): \(error)" }
        let code = error.codeName.map { " (\($0))" } ?? ""
        if error.isReadOnly {
            return "the database \(databasePath) is read-only\(code); not starting: make the file and its folder "
                + "writable by the daemon's user (chown/chmod), or mount its file system read-write"
        }
        if error.isDamaged {
            return "the database \(databasePath) is damaged: \(error.message)\(code); not starting: move it aside "
                + "and put the last backup (aduanctl backup FILE) in its place"
        }
        if error.isDiskFull {
            return "no space left for the database \(databasePath)\(code); not starting: free space on its file "
                + "system, then start again"
        }
        return "\(action) \(databasePath): \(error)"
    }
}
