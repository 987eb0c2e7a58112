#pragma once

// What the row reader (rowreader.h) hands out: one row of any table, the rows that point at a
// row, a quick-open match. Values only (no database, no SQL): models and views include this.

#include "schemamap.h"

#include <QString>
#include <QStringList>
#include <QVariant>
#include <QVector>

namespace cwi {

struct RowRecord
{
    QString table;
    qint64 rowid = -1;
    QStringList columns; // real names
    QVariantList values;
    QVariant value(const QString &logicalOrReal, const TableInfo *info) const;
};

struct Relation
{
    QString table; // the table whose rows point here
    QString field; // logical field in that table
    QString title; // "Sub-tasks", "Agents", ...
    qint64 count = 0;
    QString onlyId; // the id of the one row when count is 1, so a link can open it directly
};

struct EntityMatch
{
    QString table;
    QString id;
    QString label; // display field
    QString status;
};

} // namespace cwi
