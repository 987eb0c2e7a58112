#include "browsereads.h"

#include "database.h"
#include "inforeport.h"
#include "rowreader.h"

namespace cwi {

TableCounts readTableCounts(const std::shared_ptr<Database> &database, qint64 exactUpTo)
{
    TableCounts counts;
    counts.rows = tableRowCounts(*database, exactUpTo, &counts.estimated);
    return counts;
}

QVector<EntityMatch> searchRows(const std::shared_ptr<Database> &database, const QString &text, int limit)
{
    return RowReader(database).search(text, limit);
}

} // namespace cwi
