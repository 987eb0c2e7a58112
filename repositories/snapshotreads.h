#pragma once

// Private to cwi_repositories: the small pieces the task tree and dashboard readers share.
// Each reads a whole table (or an aggregate of it) in one statement built from the SchemaMap;
// a missing table or column becomes a note instead of a failure.

#include "schemamap.h"
#include "sqlhelpers.h"

#include <QSqlQuery>
#include <QStringList>

namespace cwi::snapshot {

// Keeps the notes of one read and its first hard error.
struct ReadLog
{
    QStringList notes;
    QString error;
    bool failed() const { return !error.isEmpty(); }
};

// Logical fields of TABLE that the file lacks, noted once as "tasks: no column retryCount".
inline void noteMissing(const TableInfo &table, const QStringList &fields, ReadLog &log)
{
    for (const QString &field : fields) {
        if (!table.has(field))
            log.notes.append(table.name + QStringLiteral(": no column ") + field);
    }
}

// "ORDER BY a, b" over the fields the file has (empty when it has none of them).
inline QString orderBy(const TableInfo &table, const QStringList &fields)
{
    QStringList parts;
    for (QString field : fields) {
        const bool descending = field.endsWith(QLatin1StringView(" DESC"));
        if (descending)
            field.chop(5);
        if (field == QLatin1StringView("rowid") && !table.withoutRowid)
            parts.append(descending ? QStringLiteral("rowid DESC") : QStringLiteral("rowid"));
        else if (table.has(field))
            parts.append(table.quoted(field) + (descending ? QStringLiteral(" DESC") : QString()));
    }
    return parts.isEmpty() ? QString() : QStringLiteral("ORDER BY ") + parts.join(QStringLiteral(", "));
}

// Runs SELECT FIELDS FROM TABLE TAIL and calls ROW(query) per row; field i is query.value(i).
// A missing table is a note, not an error.
template<typename RowFn>
void readRows(const QString &connection, const SchemaMap &schema, const QString &tableName, const QStringList &fields,
    const QString &tail, const QVariantList &binds, ReadLog &log, RowFn row)
{
    if (log.failed())
        return;
    const TableInfo *table = schema.table(tableName);
    if (!table) {
        log.notes.append(tableName + QStringLiteral(": table missing"));
        return;
    }
    noteMissing(*table, fields, log);
    const sql::Select select(*table, fields);
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    QString error;
    if (!sql::exec(query, select.sql(tail), binds, &error)) {
        log.error = tableName + QStringLiteral(": ") + error;
        return;
    }
    while (query.next())
        row(query);
}

// Runs a free-form aggregate (built by the caller from TableInfo::quoted) and calls ROW per row.
template<typename RowFn>
void readAggregate(
    const QString &connection, const QString &sqlText, const QVariantList &binds, ReadLog &log, RowFn row)
{
    if (log.failed())
        return;
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    QString error;
    if (!sql::exec(query, sqlText, binds, &error)) {
        log.error = error;
        return;
    }
    while (query.next())
        row(query);
}

// A consistent view across several statements: one read transaction, always rolled back.
class ReadTransaction
{
public:
    explicit ReadTransaction(const QString &connection)
        : m_db(QSqlDatabase::database(connection, false))
    {
        m_open = m_db.isOpen() && m_db.transaction();
    }
    ~ReadTransaction()
    {
        if (m_open)
            m_db.rollback();
    }
    ReadTransaction(const ReadTransaction &) = delete;
    ReadTransaction &operator=(const ReadTransaction &) = delete;
    bool connectionOpen() const { return m_db.isOpen(); }

private:
    QSqlDatabase m_db;
    bool m_open = false;
};

} // namespace cwi::snapshot
