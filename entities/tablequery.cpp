#include "tablequery.h"

namespace cwi {

bool TableQuery::operator==(const TableQuery &other) const
{
    if (table != other.table || sortColumn != other.sortColumn || order != other.order || search != other.search
        || filters.size() != other.filters.size())
        return false;
    for (int i = 0; i < filters.size(); ++i) {
        if (filters.at(i).column != other.filters.at(i).column
            || filters.at(i).expression != other.filters.at(i).expression)
            return false;
    }
    return true;
}

} // namespace cwi
