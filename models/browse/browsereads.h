#pragma once

// The reads of the Tables navigator and Quick open, for their jobs (any thread: each uses the
// calling thread's read connection).

#include "rowvalues.h"

#include <QHash>
#include <QSet>

#include <memory>

namespace cwi {

class Database;

struct TableCounts
{
    QHash<QString, qint64> rows; // -1 where the count failed
    QSet<QString> estimated; // tables counted as max(rowid)
};

// Row count of every table: exact up to EXACTUPTO rows, a larger table gets max(rowid) (no scan).
TableCounts readTableCounts(const std::shared_ptr<Database> &database, qint64 exactUpTo);

// Ids starting with TEXT and display names containing it, across the known tables.
QVector<EntityMatch> searchRows(const std::shared_ptr<Database> &database, const QString &text, int limit);

} // namespace cwi
