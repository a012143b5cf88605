extension StoreTransaction {
    /// Where a source's next poll resumes, as its last committed batch left it.
    public func sourceCursor(source: String) throws -> String? {
        try database.scalar("SELECT cursor FROM source_cursors WHERE source = ?1", [source], as: String?.self) ?? nil
    }
}
