#pragma once

// A query on one table of the file as the table grid asks it (sort, filters, search) and the pages
// of rows it gets back (tablereader.h reads them). Values only (no database, no SQL): models and
// views include this.

#include <QString>
#include <QVariant>
#include <QVector>

namespace cwi {

struct ColumnFilter
{
    QString column; // real column name
    // "text" contains (default), "=x", "!=x", "<x", "<=x", ">x", ">=x", "NULL", "!NULL"
    QString expression;
};

struct TableQuery
{
    QString table;
    QString sortColumn; // real column name; empty sorts by rowid
    Qt::SortOrder order = Qt::AscendingOrder;
    QVector<ColumnFilter> filters;
    QString search; // contained in any column

    bool operator==(const TableQuery &other) const;
};

// Position of a row in a query's order.
struct RowKey
{
    QVariant sortValue; // unused when sorting by rowid
    qint64 rowid = 0;
};

struct TableRow
{
    qint64 rowid = 0;
    QVariantList values;
    RowKey key;
};

struct TablePage
{
    QVector<TableRow> rows; // always in the query's order
    bool ok = true;
    bool cancelled = false;
    QString error;
};

} // namespace cwi
