#pragma once

// Runs user-written SQL (the Query page, `--query`) over the file, read-only by construction:
// every run opens its own connection with SQLITE_OPEN_READONLY, PRAGMA query_only = 1,
// extension loading off, ATTACH limited to none and an authorizer that allows reading only
// (readonlyauthorizer.cpp). A statement SQLite itself says would write (VACUUM, VACUUM INTO,
// a writable PRAGMA) is refused before its first step. Exactly one statement per run.
//
// A run never keeps a read transaction open beyond itself: it reads what it was asked for (a
// page, or a stream of rows), counts on for a bounded time, finishes the statement and closes
// the connection. A later page is a new run that skips OFFSET rows. So the server's WAL
// checkpoint is never held back by a user looking at results.
//
// The header is SQL-free. Call from any thread; a runner holds no connection between calls.

#include "query/queryresult.h"

#include <QString>

#include <atomic>
#include <functional>

namespace cwi {

class QueryRunner
{
public:
    struct Options
    {
        int busyTimeoutMs = 2000;
        // Text and blobs longer than this come back cut (a grid shows the start); 0 = whole.
        int maxCellChars = 0;
    };

    QueryRunner(const QString &path, const Options &options);

    // The database file the statements read (what an export must never overwrite).
    const QString &path() const { return m_path; }

    // Up to LIMIT rows from row OFFSET; then keeps stepping (values unread) for at most
    // COUNTBUDGETMS to learn the total. CANCEL stops the statement within a few ms.
    QueryRows page(const QString &sql, qint64 offset, int limit, int countBudgetMs,
        const std::atomic_bool *cancel = nullptr) const;

    // Every row, in order, handed to ROW one at a time (return false to stop early); HEADER
    // gets the columns before the first row. Nothing is kept.
    QueryOutcome stream(const QString &sql, const std::function<void(const QVector<QueryColumn> &)> &header,
        const std::function<bool(const QVariantList &)> &row, const std::atomic_bool *cancel = nullptr) const;

private:
    QString m_path;
    Options m_options;
};

} // namespace cwi
