// The SQL-speaking helpers of the write path: column names from the SchemaMap, a row read by id,
// "now" in the unit a timestamp column holds.

#include "writesql.h"

#include "sqlhelpers.h"

#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cwi::writes {

namespace {

constexpr qint64 kMillisecondsThreshold = 100'000'000'000; // NOTES.md: above 1e11 it is milliseconds

QVariant inUnit(const QDateTime &now, TimestampUnit unit)
{
    switch (unit) {
    case TimestampUnit::Milliseconds:
        return QVariant(qint64(now.toMSecsSinceEpoch()));
    case TimestampUnit::IsoText:
        return QVariant(now.toUTC().toString(u"yyyy-MM-dd'T'HH:mm:ss.zzz'Z'"_s));
    case TimestampUnit::Seconds:
    case TimestampUnit::Unknown:
    case TimestampUnit::AllNull:
        break;
    }
    return QVariant(qint64(now.toSecsSinceEpoch()));
}

bool isDefinite(TimestampUnit unit)
{
    return unit == TimestampUnit::Seconds || unit == TimestampUnit::Milliseconds || unit == TimestampUnit::IsoText;
}

// Same type and shape as SAMPLE: integer seconds / ms, numeric text, or ISO text in its format.
QVariant likeSample(const QDateTime &now, const QVariant &sample)
{
    const int type = sample.typeId();
    if (type != QMetaType::QString && type != QMetaType::QByteArray) {
        const qint64 value = sample.toLongLong();
        return inUnit(now, qAbs(value) > kMillisecondsThreshold ? TimestampUnit::Milliseconds : TimestampUnit::Seconds);
    }
    const QString text = sample.toString().trimmed();
    bool isNumber = false;
    const qint64 number = text.toLongLong(&isNumber);
    if (isNumber) {
        const bool ms = qAbs(number) > kMillisecondsThreshold;
        return QVariant(QString::number(ms ? now.toMSecsSinceEpoch() : now.toSecsSinceEpoch()));
    }
    QString format = text.contains(u'T') ? u"yyyy-MM-dd'T'HH:mm:ss"_s : u"yyyy-MM-dd HH:mm:ss"_s;
    if (text.size() > 19 && text.at(19) == u'.')
        format += u".zzz"_s;
    QString suffix;
    if (text.endsWith(u'Z'))
        suffix = u"Z"_s;
    else if (text.endsWith(u"+00:00"))
        suffix = u"+00:00"_s;
    return QVariant(QString(now.toUTC().toString(format) + suffix));
}

} // namespace

QString realColumn(const TableInfo &table, const QString &field)
{
    QString real = table.column(field);
    if (!real.isEmpty())
        return real;
    return table.columnIndex(field) >= 0 ? field : QString();
}

bool isBusy(const QSqlError &error)
{
    bool ok = false;
    const int code = error.nativeErrorCode().toInt(&ok);
    if (ok && ((code & 0xff) == 5 || (code & 0xff) == 6))
        return true;
    return error.text().contains(u"database is locked"_s) || error.text().contains(u"database table is locked"_s);
}

std::optional<QVariantMap> readRow(
    const QString &connection, const TableInfo &table, const QString &id, const QStringList &fields, QString *error)
{
    const QString idColumn = realColumn(table, u"id"_s);
    if (idColumn.isEmpty())
        return std::nullopt;
    QStringList selected;
    QStringList names;
    if (fields.isEmpty()) {
        for (const ColumnInfo &column : table.columns) {
            selected.append(SchemaMap::quoteIdentifier(column.name));
            names.append(column.logicalName.isEmpty() ? column.name : column.logicalName);
        }
    } else {
        for (const QString &field : fields) {
            const QString column = realColumn(table, field);
            if (column.isEmpty())
                continue;
            selected.append(SchemaMap::quoteIdentifier(column));
            names.append(field);
        }
    }
    if (selected.isEmpty())
        selected.append(u"1"_s);
    QSqlQuery query(QSqlDatabase::database(connection, false));
    query.setForwardOnly(true);
    const QString sql = u"SELECT " + selected.join(u", ") + u" FROM " + SchemaMap::quoteIdentifier(table.name)
        + u" WHERE " + SchemaMap::quoteIdentifier(idColumn) + u" IS ? LIMIT 1";
    if (!sql::exec(query, sql, { id }, error) || !query.next())
        return std::nullopt;
    QVariantMap row;
    for (int i = 0; i < names.size(); ++i)
        row.insert(names.at(i), query.value(i));
    return row;
}

QVariant timestampNow(const QDateTime &now, const SchemaMap &schema, const TableInfo &table, const QString &field,
    const QVariantList &samples)
{
    // The unit is the column's (the schema map's sample of it): one odd row, milliseconds or ISO
    // text in a seconds column, does not change what is written into it. The row's own value
    // only picks the spelling of ISO text, or the unit when the column's is unknown.
    const TimestampUnit own = table.timestampUnits.value(field, TimestampUnit::Unknown);
    for (const QVariant &sample : samples) {
        if (!sample.isValid() || sample.isNull())
            continue;
        const bool text = sample.typeId() == QMetaType::QString || sample.typeId() == QMetaType::QByteArray;
        bool numeric = false;
        sample.toString().trimmed().toLongLong(&numeric);
        if (!isDefinite(own) || (own == TimestampUnit::IsoText && text && !numeric))
            return likeSample(now, sample);
        break;
    }
    if (isDefinite(own))
        return inUnit(now, own);
    QHash<int, int> votes; // the table's other timestamp columns count double
    for (auto it = table.timestampUnits.cbegin(); it != table.timestampUnits.cend(); ++it) {
        if (isDefinite(it.value()))
            votes[int(it.value())] += 1000;
    }
    for (const QString &name : schema.tableNames()) {
        const TableInfo *other = schema.table(name);
        for (auto it = other->timestampUnits.cbegin(); it != other->timestampUnits.cend(); ++it) {
            if (isDefinite(it.value()))
                votes[int(it.value())] += 1;
        }
    }
    int best = int(TimestampUnit::Seconds);
    int bestVotes = 0;
    for (auto it = votes.cbegin(); it != votes.cend(); ++it) {
        if (it.value() > bestVotes) {
            best = it.key();
            bestVotes = it.value();
        }
    }
    return inUnit(now, TimestampUnit(best));
}

} // namespace cwi::writes
