#include "snapshotreads.h"

#include <QSqlDriver>

#include <sqlite3.h>

namespace cwi::snapshot {

namespace {

sqlite3 *handleOf(const QString &connection)
{
    const QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.isOpen() || !db.driver())
        return nullptr;
    const QVariant handle = db.driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return nullptr;
    return *static_cast<sqlite3 *const *>(handle.data());
}

} // namespace

RawRows::RawRows(const QString &connection, const QString &sql, const QVariantList &binds)
{
    sqlite3 *db = handleOf(connection);
    if (!db) {
        m_error = QStringLiteral("no open SQLite connection");
        return;
    }
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v2(db, utf8.constData(), int(utf8.size()), &m_statement, nullptr) != SQLITE_OK) {
        m_error = QString::fromUtf8(sqlite3_errmsg(db));
        m_statement = nullptr;
        return;
    }
    for (int i = 0; i < binds.size(); ++i) {
        const QVariant &v = binds.at(i);
        int rc = SQLITE_OK;
        if (v.isNull()) {
            rc = sqlite3_bind_null(m_statement, i + 1);
        } else if (v.typeId() == QMetaType::Int || v.typeId() == QMetaType::LongLong || v.typeId() == QMetaType::Bool) {
            rc = sqlite3_bind_int64(m_statement, i + 1, v.toLongLong());
        } else {
            const QByteArray text = v.toString().toUtf8();
            rc = sqlite3_bind_text(m_statement, i + 1, text.constData(), int(text.size()), SQLITE_TRANSIENT);
        }
        if (rc != SQLITE_OK) {
            m_error = QString::fromUtf8(sqlite3_errmsg(db));
            return;
        }
    }
}

RawRows::~RawRows()
{
    sqlite3_finalize(m_statement); // a no-op on nullptr
}

bool RawRows::next()
{
    if (!m_statement || !m_error.isEmpty())
        return false;
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        m_error = QString::fromUtf8(sqlite3_errmsg(sqlite3_db_handle(m_statement)));
    return false;
}

QString RawRows::text(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!data)
        return {};
    return QString::fromUtf8(data, sqlite3_column_bytes(m_statement, column));
}

QByteArrayView RawRows::bytes(int column) const
{
    const auto *data = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    return data ? QByteArrayView(data, sqlite3_column_bytes(m_statement, column)) : QByteArrayView();
}

QString RepeatedText::text(const RawRows &rows, int column)
{
    const QByteArrayView raw = rows.bytes(column);
    if (raw.isNull())
        return {};
    if (m_count > 0 && m_values[m_last].bytes == raw)
        return m_values[m_last].text;
    for (int i = 0; i < m_count; ++i) {
        if (m_values[i].bytes == raw) {
            m_last = i;
            return m_values[i].text;
        }
    }
    const int slot
        = m_count < int(m_values.size()) ? m_count++ : std::exchange(m_next, (m_next + 1) % int(m_values.size()));
    m_values[slot] = { raw.toByteArray(), QString::fromUtf8(raw) };
    m_last = slot;
    return m_values[slot].text;
}

qint64 RawRows::integer(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QVariant RawRows::value(int column) const
{
    switch (sqlite3_column_type(m_statement, column)) {
    case SQLITE_INTEGER:
        return qint64(sqlite3_column_int64(m_statement, column));
    case SQLITE_FLOAT:
        return sqlite3_column_double(m_statement, column);
    case SQLITE_NULL:
        return {};
    default:
        return text(column);
    }
}

void noteMissing(const TableInfo &table, const QStringList &fields, ReadLog &log)
{
    for (const QString &field : fields) {
        if (!table.has(field))
            log.notes.append(table.name + QStringLiteral(": no column ") + field);
    }
}

QString orderBy(const TableInfo &table, const QStringList &fields)
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

QString selectSql(const TableInfo &table, const QStringList &fields)
{
    QStringList columns;
    columns.reserve(fields.size());
    for (const QString &field : fields)
        columns.append(table.has(field) ? table.quoted(field) : QStringLiteral("NULL"));
    return QStringLiteral("SELECT ") + columns.join(QStringLiteral(", ")) + QStringLiteral(" FROM ")
        + SchemaMap::quoteIdentifier(table.name);
}

} // namespace cwi::snapshot
