#include "rowvalues.h"

namespace cwi {

QVariant RowRecord::value(const QString &name, const TableInfo *info) const
{
    int i = columns.indexOf(name);
    if (i < 0 && info && info->has(name))
        i = columns.indexOf(info->column(name));
    return i >= 0 ? values.value(i) : QVariant();
}

} // namespace cwi
