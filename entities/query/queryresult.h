#pragma once

// What a run of user-written SQL gives back (query/queryrunner.h in repositories/ runs it): the
// outcome, the result columns with their origin, a page of rows. Values only.

#include <QString>
#include <QVariant>
#include <QVector>

namespace cwi {

struct QueryColumn
{
    QString name; // as the statement names it
    QString table; // origin table in the file, empty for an expression
    QString column; // origin column (real spelling), empty for an expression
};

enum class QueryStatus
{
    Ok,
    SqlError, // does not parse, no such table, ... (errorOffset says where, when known)
    Denied, // would write or reach outside the file
    Busy, // another process held the file locked past the timeout
    Cancelled,
    FileError, // cannot open the file
};

struct QueryOutcome
{
    QueryStatus status = QueryStatus::Ok;
    QString message; // plain words, for the user
    int errorOffset = -1; // character offset into the SQL text, -1 when unknown
    QVector<QueryColumn> columns;

    bool ok() const { return status == QueryStatus::Ok; }
};

struct QueryRows : QueryOutcome
{
    qint64 first = 0; // row number of rows.first()
    QVector<QVariantList> rows;
    // Rows the statement produced as far as this run stepped (>= first + rows.size()); the
    // total when countKnown.
    qint64 rowsSeen = 0;
    bool countKnown = false;
};

} // namespace cwi
