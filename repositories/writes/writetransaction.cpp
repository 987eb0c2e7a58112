// One action, one short transaction: BEGIN IMMEDIATE, every row optimistic (WHERE names the values
// the user saw), COMMIT; on a stale row, a busy lock or any error: ROLLBACK, nothing written.

#include "writesql.h"

#include "integrity.h"
#include "sqlhelpers.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace cwi::writes {

namespace {

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
    // A row it refers to is gone (undoing a delete whose parent was deleted meanwhile): not
    // valid in the file's state now, like a stale row, not a failure of the file.
    if (error.nativeErrorCode() == u"787"_s || error.text().contains(u"FOREIGN KEY"_s, Qt::CaseInsensitive))
        return { WriteOutcome::NotValid,
            what + u": a row it refers to no longer exists (FOREIGN KEY); nothing was written."_s };
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

    // A damaged file is never written into: SQLite would write around the damage and make it
    // worse. Checked before the lock is taken, so the server is not held up by it.
    QStringList tables;
    for (const RowChange &row : plan.rows)
        tables.append(schema.table(row.table)->name);
    tables.removeDuplicates();
    if (const QStringList damage = integrityProblems(connection, tables, QFileInfo(db.databaseName()).size());
        !damage.isEmpty()) {
        result.outcome = WriteOutcome::Failed;
        result.message = u"The file is damaged (PRAGMA quick_check: "_s + damage.join(u"; "_s).left(300)
            + u"); nothing was written."_s;
        return result;
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
