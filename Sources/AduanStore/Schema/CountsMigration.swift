/// Counts that `aduanctl status` reads, kept up to date by triggers instead of counted at every request.
///
/// Counting a million cases by state and agency took 280 ms per `status`; these tables answer in microseconds and
/// cost intake one small upsert per case and one update per complaint. Self-contained: it creates its tables and
/// triggers and fills them from the rows already stored, whatever migrations ran before it.
enum CountsMigration {
    // - case_counts: one row per state and agency ('' for an unrouted case), with how many of those cases carry an
    //   overdue mark. Rows that fall to zero stay (a handful at most: states × agencies); readers skip them.
    // - row_counts: how many complaints are stored (complaints are never deleted, but the trigger does not rely on
    //   that).
    // The update trigger fires only when state, agency or the overdue mark changes, so routine updates (respond_by,
    // updated_at) cost nothing.
    static let script = """
        CREATE TABLE case_counts (
            state TEXT NOT NULL,
            agency TEXT NOT NULL,
            cases INTEGER NOT NULL,
            overdue INTEGER NOT NULL,
            PRIMARY KEY (state, agency)
        ) WITHOUT ROWID;
        INSERT INTO case_counts (state, agency, cases, overdue)
        SELECT state, coalesce(agency, ''), count(*), count(overdue_at) FROM cases GROUP BY 1, 2;

        CREATE TRIGGER case_counts_insert AFTER INSERT ON cases
        BEGIN
            INSERT INTO case_counts (state, agency, cases, overdue)
            VALUES (NEW.state, coalesce(NEW.agency, ''), 1, NEW.overdue_at IS NOT NULL)
            ON CONFLICT (state, agency) DO UPDATE SET cases = cases + 1, overdue = overdue + excluded.overdue;
        END;
        CREATE TRIGGER case_counts_update AFTER UPDATE OF state, agency, overdue_at ON cases
        WHEN OLD.state IS NOT NEW.state OR OLD.agency IS NOT NEW.agency
            OR (OLD.overdue_at IS NULL) != (NEW.overdue_at IS NULL)
        BEGIN
            UPDATE case_counts SET cases = cases - 1, overdue = overdue - (OLD.overdue_at IS NOT NULL)
            WHERE state = OLD.state AND agency = coalesce(OLD.agency, '');
            INSERT INTO case_counts (state, agency, cases, overdue)
            VALUES (NEW.state, coalesce(NEW.agency, ''), 1, NEW.overdue_at IS NOT NULL)
            ON CONFLICT (state, agency) DO UPDATE SET cases = cases + 1, overdue = overdue + excluded.overdue;
        END;
        CREATE TRIGGER case_counts_delete AFTER DELETE ON cases
        BEGIN
            UPDATE case_counts SET cases = cases - 1, overdue = overdue - (OLD.overdue_at IS NOT NULL)
            WHERE state = OLD.state AND agency = coalesce(OLD.agency, '');
        END;

        CREATE TABLE row_counts (
            name TEXT PRIMARY KEY,
            n INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO row_counts (name, n) SELECT 'complaints', count(*) FROM complaints;
        CREATE TRIGGER row_counts_complaints_insert AFTER INSERT ON complaints
        BEGIN
            UPDATE row_counts SET n = n + 1 WHERE name = 'complaints';
        END;
        CREATE TRIGGER row_counts_complaints_delete AFTER DELETE ON complaints
        BEGIN
            UPDATE row_counts SET n = n - 1 WHERE name = 'complaints';
        END;
        """
}
