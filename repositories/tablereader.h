#pragma once

// Generic reader for any table in the file, known or not: its columns, its row count, and pages
// of rows by keyset (WHERE (sortkey, rowid) > (?, ?) ORDER BY sortkey, rowid LIMIT n), never
// OFFSET. Filters are compiled to SQL with bound parameters only. Call from any thread: every
// call uses the calling thread's read connection.

#include "database.h"
#include "tablequery.h"

#include <QVariant>
#include <QVector>

#include <atomic>
#include <memory>
#include <optional>

namespace cwi {

struct CompiledFilter
{
    QString where; // "" or " WHERE ..."
    QVariantList binds;
    QString error; // an expression that cannot be compiled (unknown column, ...)
};

class TableReader
{
public:
    explicit TableReader(std::shared_ptr<Database> database);

    QStringList columns(const QString &table) const;
    bool hasRowid(const QString &table) const;

    static CompiledFilter compileFilter(const TableInfo &table, const TableQuery &query);

    // A stand-in for count() that needs no scan: max(rowid) of an unfiltered rowid table (the
    // exact count unless rows were deleted). -1 when there is none (filters, WITHOUT ROWID).
    qint64 estimateCount(const TableQuery &query) const;
    // Row count of the filtered table; -1 on error or cancel.
    qint64 count(const TableQuery &query, QString *error = nullptr, const std::atomic_bool *cancel = nullptr) const;
    // LIMIT rows after KEY (from the start when KEY is empty).
    TablePage pageAfter(const TableQuery &query, const std::optional<RowKey> &key, int limit,
        const std::atomic_bool *cancel = nullptr) const;
    // LIMIT rows before KEY (the last rows when KEY is empty), returned in the query's order.
    TablePage pageBefore(const TableQuery &query, const std::optional<RowKey> &key, int limit,
        const std::atomic_bool *cancel = nullptr) const;
    // Keys of the last row of every STRIDE rows (rows STRIDE-1, 2*STRIDE-1, ...): page p of size
    // STRIDE is then pageAfter(anchors[p - 1]). Random access without OFFSET.
    QVector<RowKey> anchors(const TableQuery &query, int stride, const std::atomic_bool *cancel = nullptr) const;

private:
    TablePage page(const TableQuery &query, const std::optional<RowKey> &key, int limit, bool forward,
        const std::atomic_bool *cancel) const;

    std::shared_ptr<Database> m_database;
};

} // namespace cwi
