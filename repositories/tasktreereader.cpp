#include "tasktreereader.h"

#include "database.h"
#include "snapshotreads.h"
#include "sqlhelpers.h"

#include <algorithm>
#include <numeric>

namespace cwi {

namespace {

QString text(const snapshot::RawRows &query, int i)
{
    return query.text(i);
}

void readDependencies(const QString &connection, const SchemaMap &schema, const QString &table,
    const QString &fromField, const QString &toField, QVector<TreeDependency> &out, snapshot::ReadLog &log)
{
    snapshot::readRows(
        connection, schema, table, { fromField, toField }, {}, {}, log, [&out](const snapshot::RawRows &q) {
            out.append({ text(q, 0), text(q, 1) });
        });
}

// ORDER, row numbers in rowid order, sorted as ORDER BY "order", createdAt, rowid sorts KEYS.
// The usual file has integers in both columns: compared as such, not through QVariant (a third
// of the sort's time on 20,000 tasks); any other value sorts as SQLite does (sql::sqliteLess).
void sortTaskKeys(const QVector<std::pair<QVariant, QVariant>> &keys, QVector<int> &order)
{
    const bool integers = std::all_of(keys.cbegin(), keys.cend(), [](const auto &key) {
        return key.first.typeId() == QMetaType::LongLong && key.second.typeId() == QMetaType::LongLong;
    });
    if (integers) {
        QVector<std::pair<qint64, qint64>> values;
        values.reserve(keys.size());
        for (const auto &[orderKey, createdAt] : keys)
            values.append({ orderKey.toLongLong(), createdAt.toLongLong() });
        std::stable_sort(order.begin(), order.end(), [&values](int a, int b) { return values[a] < values[b]; });
        return;
    }
    std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) {
        const auto &[orderA, createdA] = keys[a];
        const auto &[orderB, createdB] = keys[b];
        if (sql::sqliteLess(orderA, orderB))
            return true;
        return !sql::sqliteLess(orderB, orderA) && sql::sqliteLess(createdA, createdB);
    });
}

} // namespace

TaskTreeSnapshot readTaskTree(const Database &database)
{
    TaskTreeSnapshot s;
    const QString connection = database.readConnection();
    const SchemaMap &schema = database.schema();
    snapshot::ReadTransaction transaction(connection);
    if (!transaction.connectionOpen()) {
        s.error = QStringLiteral("Cannot open a read connection to %1").arg(database.path());
        return s;
    }
    snapshot::ReadLog log;
    const QString createdAt = QStringLiteral("createdAt");

    if (const TableInfo *t = schema.table(QStringLiteral("initiatives"))) {
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("status") },
            snapshot::orderBy(*t, { createdAt, QStringLiteral("name"), QStringLiteral("rowid") }), {}, log,
            [&s](const snapshot::RawRows &q) {
                s.initiatives.append({ text(q, 0), text(q, 1), text(q, 2) });
            });
    } else {
        log.notes.append(QStringLiteral("initiatives: table missing"));
    }

    if (const TableInfo *t = schema.table(QStringLiteral("phases"))) {
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("initiativeId"), QStringLiteral("name"), QStringLiteral("status") },
            snapshot::orderBy(*t, { createdAt, QStringLiteral("name"), QStringLiteral("rowid") }), {}, log,
            [&s](const snapshot::RawRows &q) {
                s.phases.append({ text(q, 0), text(q, 1), text(q, 2), text(q, 3) });
            });
    } else {
        log.notes.append(QStringLiteral("phases: table missing"));
    }

    if (const TableInfo *t = schema.table(QStringLiteral("tasks"))) {
        // In the order ORDER BY "order", createdAt, rowid gives, sorted here: SQLite's sorter
        // took 25-35 ms of the 20,000 rows' 60 (every row's ten columns through it), a stable
        // sort of the keys (sql::sqliteLess) in rowid order (the table's own order, free) takes a few.
        QVector<std::pair<QVariant, QVariant>> keys;
        snapshot::RepeatedText phases, initiatives, categories, priorities, statuses;
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("phaseId"), QStringLiteral("initiativeId"),
                QStringLiteral("parentTaskId"), QStringLiteral("name"), QStringLiteral("category"),
                QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("order"),
                QStringLiteral("retryCount"), createdAt },
            snapshot::orderBy(*t, { QStringLiteral("rowid") }), {}, log, [&](const snapshot::RawRows &q) {
                TreeTask task;
                task.id = text(q, 0);
                task.phaseId = phases.text(q, 1);
                task.initiativeId = initiatives.text(q, 2);
                task.parentTaskId = text(q, 3);
                task.name = text(q, 4);
                task.category = categories.text(q, 5);
                task.priority = priorities.text(q, 6);
                task.status = statuses.text(q, 7);
                task.order = q.integer(8);
                task.retryCount = q.integer(9);
                s.tasks.append(std::move(task));
                keys.append({ q.value(8), q.value(10) });
            });
        QVector<int> order(s.tasks.size());
        std::iota(order.begin(), order.end(), 0);
        sortTaskKeys(keys, order);
        QVector<TreeTask> sorted;
        sorted.reserve(s.tasks.size());
        for (int i : std::as_const(order))
            sorted.append(std::move(s.tasks[i]));
        s.tasks = std::move(sorted);
    } else {
        log.notes.append(QStringLiteral("tasks: table missing"));
    }

    readDependencies(connection, schema, QStringLiteral("task_dependencies"), QStringLiteral("taskId"),
        QStringLiteral("dependsOnTaskId"), s.taskDependencies, log);
    readDependencies(connection, schema, QStringLiteral("phase_dependencies"), QStringLiteral("phaseId"),
        QStringLiteral("dependsOnPhaseId"), s.phaseDependencies, log);

    if (const TableInfo *t = schema.table(QStringLiteral("agents")); t && t->has(QStringLiteral("taskId"))) {
        const QString tail = QStringLiteral("WHERE %1 IS NOT NULL ").arg(t->quoted(QStringLiteral("taskId")))
            + snapshot::orderBy(*t, { QStringLiteral("createdAt DESC"), QStringLiteral("rowid DESC") });
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("taskId"), QStringLiteral("status") }, tail,
            {}, log, [&s](const snapshot::RawRows &q) {
                s.agents.append({ text(q, 0), text(q, 1), text(q, 2), text(q, 3) });
            });
    } else {
        log.notes.append(QStringLiteral("agents: no taskId, agents are not shown"));
    }

    if (const TableInfo *t = schema.table(QStringLiteral("review_comments")); t && t->has(QStringLiteral("phaseId"))) {
        const QString unresolved = t->has(QStringLiteral("resolved"))
            ? QStringLiteral(" WHERE COALESCE(%1, 0) = 0").arg(t->quoted(QStringLiteral("resolved")))
            : QString();
        const QString phase = t->quoted(QStringLiteral("phaseId"));
        snapshot::readAggregate(connection,
            QStringLiteral("SELECT %1, COUNT(*) FROM %2%3 GROUP BY %1")
                .arg(phase, SchemaMap::quoteIdentifier(t->name), unresolved),
            {}, log,
            [&s](const snapshot::RawRows &q) { s.unresolvedCommentsByPhase.insert(text(q, 0), int(q.integer(1))); });
    }

    if (log.failed()) {
        TaskTreeSnapshot failed;
        failed.error = log.error;
        return failed;
    }
    s.notes = log.notes;
    return s;
}

} // namespace cwi
