#pragma once

// Private to cwi_repositories: the small pieces the task tree and dashboard readers share.
// Each reads a whole table (or an aggregate of it) in one statement built from the SchemaMap;
// a missing table or column becomes a note instead of a failure.
//
// Rows are stepped with SQLite's own API on the connection's handle (RawRows): the task tree
// reads 20,000 rows and QSqlQuery's per-value QVariant was most of its time.

#include "schemamap.h"

#include <QSqlDatabase>
#include <QStringList>
#include <QVariant>

#include <array>

struct sqlite3_stmt;

namespace cwi::snapshot {

// Keeps the notes of one read and its first hard error.
struct ReadLog
{
    QStringList notes;
    QString error;
    bool failed() const { return !error.isEmpty(); }
};

// One prepared statement on CONNECTION's sqlite3 handle, stepped row by row. Binds are
// QString, integer or null QVariants. Column I of the current row: text(i), integer(i), value(i).
class RawRows
{
public:
    RawRows(const QString &connection, const QString &sql, const QVariantList &binds);
    ~RawRows();
    RawRows(const RawRows &) = delete;
    RawRows &operator=(const RawRows &) = delete;

    bool next(); // false at the end or on error (see error())
    QString error() const { return m_error; }
    QString text(int column) const; // NULL -> null QString
    QByteArrayView bytes(int column) const; // the UTF-8 of a text until next(); NULL -> isNull()
    qint64 integer(int column) const;
    QVariant value(int column) const; // typed: qint64, double, QString, or null

private:
    sqlite3_stmt *m_statement = nullptr;
    QString m_error;
};

// A column whose values repeat from row to row (a task's phase and initiative, its status,
// category and priority): text() hands out the same QString again while the bytes equal one of
// the last 16 values, so 20,000 rows share a few strings instead of allocating one each. Fewer
// allocations, and fewer fresh heap pages: a read in a new process faults in every page it fills.
class RepeatedText
{
public:
    QString text(const RawRows &rows, int column);

private:
    struct Value
    {
        QByteArray bytes;
        QString text;
    };
    std::array<Value, 16> m_values;
    int m_count = 0;
    int m_last = 0; // the value handed out last: rows of one phase come together
    int m_next = 0; // the slot a new value replaces once all are used
};

// Logical fields of TABLE that the file lacks, noted as "tasks: no column retryCount".
void noteMissing(const TableInfo &table, const QStringList &fields, ReadLog &log);

// "ORDER BY a, b DESC" over the fields the file has ("rowid" allowed; empty when none).
QString orderBy(const TableInfo &table, const QStringList &fields);

// "SELECT <fields> FROM <table>": a field the file lacks is selected as NULL.
QString selectSql(const TableInfo &table, const QStringList &fields);

// Runs SELECT FIELDS FROM TABLE TAIL and calls ROW(rows) per row; field i is column i.
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
    RawRows rows(connection, selectSql(*table, fields) + u' ' + tail, binds);
    while (rows.next())
        row(rows);
    if (!rows.error().isEmpty())
        log.error = tableName + QStringLiteral(": ") + rows.error();
}

// Runs a free-form aggregate (built by the caller from TableInfo::quoted) and calls ROW per row.
template<typename RowFn>
void readAggregate(
    const QString &connection, const QString &sqlText, const QVariantList &binds, ReadLog &log, RowFn row)
{
    if (log.failed())
        return;
    RawRows rows(connection, sqlText, binds);
    while (rows.next())
        row(rows);
    if (!rows.error().isEmpty())
        log.error = rows.error();
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
