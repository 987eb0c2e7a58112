#pragma once

// Private to cwi_repositories (it includes Qt Sql): building statements from the SchemaMap and
// reading rows back into value structs by logical field name.

#include "entities.h"
#include "schemamap.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QString>
#include <QStringList>
#include <QVariantList>
#include <QVector>

#include <atomic>
#include <optional>

namespace cwi::sql {

// SQLite's ORDER BY of two values (as RawRows::value / QSqlQuery give them): NULL, then numbers
// by value, then text by its UTF-8 bytes (BINARY collation), then blobs.
bool sqliteLess(const QVariant &a, const QVariant &b);

// SELECT of logical fields of one table. A field the file lacks is selected as NULL, so an
// older schema reads as empty values instead of failing.
class Select
{
public:
    Select(const TableInfo &table, const QStringList &fields);
    // All catalogue fields of the table (plus rowid as "__rowid").
    static Select allFields(const TableInfo &table);

    // "SELECT "a", "b", NULL FROM "t" " + tail. Tail holds WHERE / ORDER BY / LIMIT built with
    // TableInfo::quoted(); values always go through binds.
    QString sql(const QString &tail = {}) const;
    int index(const QString &field) const { return m_fields.indexOf(field); }
    const TableInfo &table() const { return *m_table; }

private:
    const TableInfo *m_table;
    QStringList m_fields;
};

class Row
{
public:
    Row(const QSqlQuery &query, const Select &select)
        : m_query(query)
        , m_select(select)
    { }
    QVariant value(const QString &field) const;
    QString text(const QString &field) const;
    qint64 integer(const QString &field) const;
    bool boolean(const QString &field) const;
    Timestamp timestamp(const QString &field) const;
    qint64 rowid() const; // only with Select::allFields

private:
    const QSqlQuery &m_query;
    const Select &m_select;
};

// Prepares SQL on CONNECTION, binds BINDS in order and executes. On failure returns false and
// puts a readable message into *error (if given).
bool exec(QSqlQuery &query, const QString &sql, const QVariantList &binds, QString *error = nullptr);

// Runs a Select with TAIL and BINDS and maps every row with MAP(Row) -> T.
template<typename T, typename Map>
QVector<T> fetch(const QString &connection, const Select &select, const QString &tail, const QVariantList &binds,
    Map map, QString *error = nullptr)
{
    QVector<T> out;
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    if (!exec(query, select.sql(tail), binds, error))
        return out;
    while (query.next())
        out.append(map(Row(query, select)));
    return out;
}

template<typename T, typename Map>
std::optional<T> fetchOne(const QString &connection, const Select &select, const QString &tail,
    const QVariantList &binds, Map map, QString *error = nullptr)
{
    QVector<T> rows = fetch<T>(connection, select, tail + QStringLiteral(" LIMIT 1"), binds, map, error);
    if (rows.isEmpty())
        return std::nullopt;
    return rows.takeFirst();
}

// TEXT with LIKE's %, _ and the escape character \ taken literally, for "LIKE ? ESCAPE '\'".
QString escapeLike(const QString &text);

// Single scalar (COUNT(*), MAX(...)); invalid QVariant on error.
QVariant scalar(
    const QString &connection, const QString &sql, const QVariantList &binds = {}, QString *error = nullptr);

} // namespace cwi::sql

namespace cwi::sql {

// While alive, a statement on CONNECTION stops (SQLITE_INTERRUPT) soon after *CANCEL turns true.
class CancelGuard
{
public:
    CancelGuard(const QString &connection, const std::atomic_bool *cancel);
    ~CancelGuard();
    CancelGuard(const CancelGuard &) = delete;
    CancelGuard &operator=(const CancelGuard &) = delete;

private:
    void *m_handle = nullptr;
};

// SQLite's primary result code of the last error on QUERY (5 = SQLITE_BUSY, 6 = LOCKED, ...).
int errorCode(const QSqlQuery &query);

} // namespace cwi::sql
