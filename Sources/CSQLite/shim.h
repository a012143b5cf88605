#ifndef ADUAN_CSQLITE_SHIM_H
#define ADUAN_CSQLITE_SHIM_H

#include <sqlite3.h>

/// `SQLITE_TRANSIENT` is a cast macro that Swift cannot import; this function returns the same sentinel.
static inline sqlite3_destructor_type aduan_sqlite_transient(void) {
    return SQLITE_TRANSIENT;
}

/// `sqlite3_db_config` is variadic and cannot be called from Swift: defensive mode for one connection.
static inline int aduan_sqlite_enable_defensive(sqlite3 *db) {
    return sqlite3_db_config(db, SQLITE_DBCONFIG_DEFENSIVE, 1, (int *)0);
}

#endif
