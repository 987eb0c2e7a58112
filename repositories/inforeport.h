#pragma once

#include "database.h"

#include <QHash>
#include <QJsonObject>
#include <QSet>

namespace cwi {

// The `--info` report: every table with its row count and real columns, the spelling style,
// timestamp units, applied migrations, what is missing. Reads only.
QJsonObject infoReport(const Database &database);

// Row count of every table (for the navigator and the --info report); -1 where it failed.
QHash<QString, qint64> tableRowCounts(const Database &database);
// Row count of every table, exact for tables of at most EXACTUPTO rows; a larger table gets
// max(rowid) instead (no scan; exact unless rows were deleted) and is listed in *ESTIMATED.
QHash<QString, qint64> tableRowCounts(const Database &database, qint64 exactUpTo, QSet<QString> *estimated);

} // namespace cwi
