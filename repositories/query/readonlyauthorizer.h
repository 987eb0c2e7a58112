#pragma once

// Private to cwi_repositories: the sqlite3_set_authorizer callback of query connections. It
// allows reading (SELECT, reading columns, functions, recursive CTEs, the PRAGMAs that only
// report) and denies everything else: writes, ATTACH / DETACH, transactions (which would keep
// a snapshot open), temp tables, views, triggers and indexes, writable PRAGMAs, ANALYZE,
// REINDEX, virtual tables and load_extension(). The first denial is remembered in plain words.

#include <QString>

struct sqlite3;

namespace cwi {

class ReadOnlyAuthorizer
{
public:
    // Installs the authorizer on DB; it must outlive every statement prepared on DB.
    void install(sqlite3 *db);
    // Why the last prepare was refused, empty when nothing was denied since reset().
    QString denial() const { return m_denial; }
    void reset() { m_denial.clear(); }

    // Decides one request (an SQLITE_* action code and its arguments); public for the tests.
    bool allows(int action, const char *arg1, const char *arg2);

private:
    static int callback(void *self, int action, const char *arg1, const char *arg2, const char *, const char *);

    QString m_denial;
};

} // namespace cwi
