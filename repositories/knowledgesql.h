#pragma once

// Private to cwi_repositories: small statement helpers shared by the knowledge adapters.

#include "rowmappers.h"

#include <QSqlQuery>
#include <QSqlRecord>

#include <optional>

namespace cwi::sql {

// "%text%" for LIKE ... ESCAPE '\', with the user's %, _ and \ taken literally.
inline QString containsPattern(const QString &text)
{
    return u'%' + escapeLike(text) + u'%';
}

// "WHERE a = ? AND b = ?" over the fields the file has; empty when one is missing.
inline std::optional<QString> whereAll(const TableInfo *table, const QStringList &fields)
{
    QStringList parts;
    for (const QString &field : fields) {
        if (!table || !table->has(field))
            return std::nullopt;
        parts << table->quoted(field) + QStringLiteral(" = ?");
    }
    return QStringLiteral("WHERE ") + parts.join(QStringLiteral(" AND "));
}

// The first row of SQLTEXT as a list of values; empty when there is no row or on error.
inline QVariantList firstRow(const QString &connection, const QString &sqlText, const QVariantList &binds)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    QVariantList row;
    if (!exec(query, sqlText, binds) || !query.next())
        return row;
    for (int i = 0; i < query.record().count(); ++i)
        row << query.value(i);
    return row;
}

} // namespace cwi::sql
