#include "writesql.h"

#include "sqlhelpers.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

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

QString describe(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"NULL"_s;
    if (value.typeId() == QMetaType::QString)
        return u'“' + value.toString().left(60) + u'”';
    return value.toString();
}

struct Step
{
    WriteOutcome outcome = WriteOutcome::Applied;
    QString message;
};

Step sqlFailure(const QSqlQuery &query, const QString &what)
{
    const QSqlError error = query.lastError();
    if (isBusy(error))
        return { WriteOutcome::Busy, u"The database stayed locked by another process; nothing was written."_s };
    return { WriteOutcome::Failed, what + u": " + error.text() + u"; nothing was written." };
}

// " AND "status" IS ? AND ..." for the expected values, binds appended.
QString expectedClause(const TableInfo &table, const QVariantMap &expected, QVariantList *binds)
{
    QString clause;
    for (auto it = expected.cbegin(); it != expected.cend(); ++it) {
        const QString column = realColumn(table, it.key());
        if (column.isEmpty())
            continue;
        clause += u" AND " + SchemaMap::quoteIdentifier(column) + u" IS ?";
        binds->append(it.value());
    }
    return clause;
}

} // namespace

QString realColumn(const TableInfo &table, const QString &field)
{
    const QString real = table.column(field);
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
    for (const QVariant &sample : samples) {
        if (sample.isValid() && !sample.isNull())
            return likeSample(now, sample);
    }
    const TimestampUnit own = table.timestampUnits.value(field, TimestampUnit::Unknown);
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

namespace {

// Applies one row; on a stale row fills RESULT's stale fields.
Step applyRow(
    QSqlQuery &query, const QString &connection, const TableInfo &table, const RowChange &row, WriteResult *result)
{
    const QString tableName = SchemaMap::quoteIdentifier(table.name);
    const QString idColumn = SchemaMap::quoteIdentifier(realColumn(table, u"id"_s));
    QVariantList binds;
    QString sql;
    switch (row.op) {
    case RowOp::Insert: {
        QStringList columns;
        QStringList marks;
        for (const FieldChange &change : row.changes) {
            const QString column = realColumn(table, change.field);
            if (column.isEmpty())
                return { WriteOutcome::Failed,
                    u"This file's " + table.name + u" table has no " + change.field
                        + u" column; nothing was written." };
            columns.append(SchemaMap::quoteIdentifier(column));
            marks.append(u"?"_s);
            binds.append(change.after);
        }
        sql = u"INSERT INTO " + tableName + u" (" + columns.join(u", ") + u") VALUES (" + marks.join(u", ") + u')';
        if (!sql::exec(query, sql, binds))
            return sqlFailure(query, u"Cannot add the " + table.name + u" row");
        return {};
    }
    case RowOp::Update: {
        QStringList sets;
        for (const FieldChange &change : row.changes) {
            const QString column = realColumn(table, change.field);
            if (column.isEmpty())
                return { WriteOutcome::Failed,
                    u"This file's " + table.name + u" table has no " + change.field
                        + u" column; nothing was written." };
            sets.append(SchemaMap::quoteIdentifier(column) + u" = ?");
            binds.append(change.after);
        }
        binds.append(row.id);
        sql = u"UPDATE " + tableName + u" SET " + sets.join(u", ") + u" WHERE " + idColumn + u" IS ?"
            + expectedClause(table, row.expected, &binds);
        break;
    }
    case RowOp::Delete:
        binds.append(row.id);
        sql = u"DELETE FROM " + tableName + u" WHERE " + idColumn + u" IS ?"
            + expectedClause(table, row.expected, &binds);
        break;
    case RowOp::Check:
        if (row.id.isEmpty()) {
            sql = u"SELECT COUNT(*) = 0 FROM " + tableName + u" WHERE 1" + expectedClause(table, row.expected, &binds);
        } else {
            binds.append(row.id);
            sql = u"SELECT COUNT(*) = 1 FROM " + tableName + u" WHERE " + idColumn + u" IS ?"
                + expectedClause(table, row.expected, &binds);
        }
        break;
    }
    if (!sql::exec(query, sql, binds))
        return sqlFailure(query, u"Cannot change " + table.name + u' ' + row.id);
    bool matched = false;
    if (row.op == RowOp::Check)
        matched = query.next() && query.value(0).toLongLong() == 1;
    else
        matched = query.numRowsAffected() == 1;
    query.finish();
    if (matched)
        return {};

    result->staleTable = table.name;
    result->staleId = row.id;
    QString what = table.name + (row.id.isEmpty() ? QString() : u' ' + row.id);
    if (row.id.isEmpty())
        return { WriteOutcome::ChangedMeanwhile,
            u"Changed meanwhile: a " + table.name + u" row now matches what must be absent; nothing was written." };
    const std::optional<QVariantMap> current = readRow(connection, table, row.id, row.expected.keys());
    if (!current)
        return { WriteOutcome::ChangedMeanwhile,
            u"Changed meanwhile: " + what + u" was deleted; nothing was written." };
    result->current = *current;
    QStringList differences;
    for (auto it = row.expected.cbegin(); it != row.expected.cend(); ++it) {
        const QVariant now = current->value(it.key());
        if (!current->contains(it.key()))
            continue;
        const bool same = (now.isNull() && it.value().isNull())
            || (now.isNull() == it.value().isNull() && now.typeId() == it.value().typeId() && now == it.value());
        if (!same)
            differences.append(it.key() + u" is now " + describe(now) + u" (was " + describe(it.value()) + u')');
    }
    return { WriteOutcome::ChangedMeanwhile,
        u"Changed meanwhile: " + what + u' ' + differences.join(u", ") + u"; nothing was written." };
}

} // namespace

void prepareWriteConnection(const QString &connection)
{
    QSqlQuery query(QSqlDatabase::database(connection, false));
    if (query.exec(u"PRAGMA journal_mode"_s) && query.next()
        && query.value(0).toString().compare(u"wal"_s, Qt::CaseInsensitive) == 0) {
        query.finish();
        query.exec(u"PRAGMA synchronous = NORMAL"_s);
        // Checkpointing is the server's business; ours would run inside our COMMIT call and flush
        // the whole WAL (tens of ms). SQLite still checkpoints when the last connection closes.
        query.exec(u"PRAGMA wal_autocheckpoint = 0"_s);
    }
}

WriteResult execute(const QString &connection, const SchemaMap &schema, const ActionPlan &plan)
{
    WriteResult result;
    result.plan = plan;
    QSqlDatabase db = QSqlDatabase::database(connection, false);
    if (!db.isOpen()) {
        result.outcome = WriteOutcome::ReadOnly;
        result.message = u"Editing is off; nothing was written."_s;
        return result;
    }
    for (const RowChange &row : plan.rows) {
        const TableInfo *table = schema.table(row.table);
        if (!table || realColumn(*table, u"id"_s).isEmpty()) {
            result.outcome = WriteOutcome::Failed;
            result.message = u"This file has no usable " + row.table + u" table; nothing was written.";
            return result;
        }
    }

    QSqlQuery query(db);
    if (!query.exec(u"BEGIN IMMEDIATE"_s)) {
        const Step step = sqlFailure(query, u"Cannot start a write transaction"_s);
        result.outcome = step.outcome;
        result.message = step.outcome == WriteOutcome::Busy
            ? u"The database is busy: another process held its write lock past the timeout. Nothing was written; "
              u"try again."_s
            : step.message;
        return result;
    }
    QElapsedTimer held;
    held.start();
    Step step;
    for (const RowChange &row : plan.rows) {
        step = applyRow(query, connection, *schema.table(row.table), row, &result);
        if (step.outcome != WriteOutcome::Applied)
            break;
    }
    query.finish();
    if (step.outcome == WriteOutcome::Applied && !query.exec(u"COMMIT"_s))
        step = sqlFailure(query, u"Cannot commit"_s);
    if (step.outcome != WriteOutcome::Applied) {
        QSqlQuery rollback(db);
        rollback.exec(u"ROLLBACK"_s);
    }
    result.lockHeldUs = held.nsecsElapsed() / 1000;
    result.outcome = step.outcome;
    result.message = step.outcome == WriteOutcome::Applied ? u"Applied: "_s + plan.title : step.message;
    return result;
}

} // namespace cwi::writes
