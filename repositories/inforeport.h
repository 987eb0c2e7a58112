#pragma once

#include "database.h"

#include <QJsonObject>

namespace cwi {

// The `--info` report: every table with its row count and real columns, the spelling style,
// timestamp units, applied migrations, what is missing. Reads only.
QJsonObject infoReport(const Database &database);

// Row count of every table (for the navigator and the --info report); -1 where it failed.
QHash<QString, qint64> tableRowCounts(const Database &database);

} // namespace cwi
