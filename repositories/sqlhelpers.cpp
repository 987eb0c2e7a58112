#include "sqlhelpers.h"

#include <QSqlDriver>
#include <QSqlError>
#include <QSqlRecord>

namespace cwi::sql {

bool sqliteLess(const QVariant &a, const QVariant &b)
{
    const auto rank = [](const QVariant &v) {
        if (v.isNull())
            return 0;
        switch (v.typeId()) {
        case QMetaType::LongLong:
        case QMetaType::Int:
        case QMetaType::Double:
            return 1;
        case QMetaType::QString:
            return 2;
        default:
            return 3;
        }
    };
    // Two integers (the usual case, sorting thousands of rows): no conversion.
    if (a.typeId() == QMetaType::LongLong && b.typeId() == QMetaType::LongLong)
        return *static_cast<const qlonglong *>(a.constData()) < *static_cast<const qlonglong *>(b.constData());
    const int ra = rank(a), rb = rank(b);
    if (ra != rb)
        return ra < rb;
    if (ra == 1) {
        if (a.typeId() == QMetaType::Double || b.typeId() == QMetaType::Double)
            return a.toDouble() < b.toDouble();
        return a.toLongLong() < b.toLongLong();
    }
    if (ra == 2)
        return a.toString().toUtf8() < b.toString().toUtf8();
    return a.toByteArray() < b.toByteArray();
}

namespace {
const QString kRowid = QStringLiteral("__rowid");
}

Select::Select(const TableInfo &table, const QStringList &fields)
    : m_table(&table)
    , m_fields(fields)
{ }

Select Select::allFields(const TableInfo &table)
{
    QStringList fields;
    if (table.spec) {
        for (const FieldSpec &field : table.spec->fields)
            fields.append(field.name);
    }
    if (!table.withoutRowid)
        fields.append(kRowid);
    return Select(table, fields);
}

QString Select::sql(const QString &tail) const
{
    QStringList columns;
    columns.reserve(m_fields.size());
    for (const QString &field : m_fields) {
        if (field == kRowid) {
            columns.append(QStringLiteral("rowid"));
            continue;
        }
        const QString quoted = m_table->quoted(field);
        columns.append(quoted.isEmpty() ? QStringLiteral("NULL") : quoted);
    }
    QString sql = u"SELECT " + columns.join(u", ") + u" FROM " + SchemaMap::quoteIdentifier(m_table->name);
    if (!tail.isEmpty())
        sql += u' ' + tail;
    return sql;
}

QVariant Row::value(const QString &field) const
{
    const int i = m_select.index(field);
    Q_ASSERT_X(i >= 0, "sql::Row::value", "field not selected");
    return i < 0 ? QVariant() : m_query.value(i);
}

QString Row::text(const QString &field) const
{
    return value(field).toString();
}

qint64 Row::integer(const QString &field) const
{
    return value(field).toLongLong();
}

bool Row::boolean(const QString &field) const
{
    const QVariant v = value(field);
    if (v.typeId() == QMetaType::QString)
        return v.toString() == u"1" || v.toString().compare(QStringLiteral("true"), Qt::CaseInsensitive) == 0;
    return v.toLongLong() != 0;
}

Timestamp Row::timestamp(const QString &field) const
{
    return Timestamp { value(field) };
}

qint64 Row::rowid() const
{
    return value(kRowid).toLongLong();
}

bool exec(QSqlQuery &query, const QString &sql, const QVariantList &binds, QString *error)
{
    if (!query.prepare(sql)) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    for (const QVariant &bind : binds)
        query.addBindValue(bind);
    if (!query.exec()) {
        if (error)
            *error = query.lastError().text();
        return false;
    }
    return true;
}

QString escapeLike(const QString &text)
{
    QString out;
    out.reserve(text.size() + 2);
    for (const QChar c : text) {
        if (c == u'\\' || c == u'%' || c == u'_')
            out.append(u'\\');
        out.append(c);
    }
    return out;
}

QVariant scalar(const QString &connection, const QString &sql, const QVariantList &binds, QString *error)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    if (!exec(query, sql, binds, error) || !query.next())
        return {};
    return query.value(0);
}

} // namespace cwi::sql

#include <sqlite3.h>

namespace cwi::sql {

namespace {
int progressHandler(void *flag)
{
    return static_cast<const std::atomic_bool *>(flag)->load(std::memory_order_relaxed) ? 1 : 0;
}
} // namespace

CancelGuard::CancelGuard(const QString &connection, const std::atomic_bool *cancel)
{
    if (!cancel)
        return;
    const QVariant handle = QSqlDatabase::database(connection, false).driver()->handle();
    if (qstrcmp(handle.typeName(), "sqlite3*") != 0)
        return;
    auto *db = *static_cast<sqlite3 *const *>(handle.data());
    if (!db)
        return;
    m_handle = db;
    sqlite3_progress_handler(db, 100, &progressHandler, const_cast<std::atomic_bool *>(cancel));
}

CancelGuard::~CancelGuard()
{
    if (m_handle)
        sqlite3_progress_handler(static_cast<sqlite3 *>(m_handle), 0, nullptr, nullptr);
}

int errorCode(const QSqlQuery &query)
{
    bool ok = false;
    const int code = query.lastError().nativeErrorCode().toInt(&ok);
    return ok ? (code & 0xff) : -1;
}

} // namespace cwi::sql
