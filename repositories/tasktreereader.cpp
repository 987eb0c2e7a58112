#include "tasktreereader.h"

#include "database.h"
#include "snapshotreads.h"

#include <algorithm>
#include <numeric>

namespace cwi {

namespace {

QString text(const snapshot::RawRows &query, int i)
{
    return query.text(i);
}

// A value as SQLite's ORDER BY ranks it: NULL, then numbers (integers and reals by value), then
// text (then blobs, read as text). Text compares by UTF-16 code unit where SQLite compares
// UTF-8 bytes: the two differ only between U+E000-U+FFFF and characters beyond U+FFFF.
struct SortValue
{
    int rank = 0;
    bool isInteger = false;
    qint64 integer = 0;
    double real = 0;
    QString text;

    static SortValue of(const QVariant &v)
    {
        SortValue out;
        if (v.isNull())
            return out;
        if (v.typeId() == QMetaType::LongLong) {
            out.rank = 1;
            out.isInteger = true;
            out.integer = v.toLongLong();
            out.real = double(out.integer);
        } else if (v.typeId() == QMetaType::Double) {
            out.rank = 1;
            out.real = v.toDouble();
        } else {
            out.rank = 2;
            out.text = v.toString();
        }
        return out;
    }

    static int compare(const SortValue &a, const SortValue &b)
    {
        if (a.rank != b.rank)
            return a.rank < b.rank ? -1 : 1;
        if (a.rank == 1) {
            if (a.isInteger && b.isInteger)
                return a.integer < b.integer ? -1 : a.integer > b.integer ? 1 : 0;
            return a.real < b.real ? -1 : a.real > b.real ? 1 : 0;
        }
        return a.rank == 2 ? a.text.compare(b.text) : 0;
    }
};

void readDependencies(const QString &connection, const SchemaMap &schema, const QString &table,
    const QString &fromField, const QString &toField, QVector<TreeDependency> &out, snapshot::ReadLog &log)
{
    snapshot::readRows(
        connection, schema, table, { fromField, toField }, {}, {}, log, [&out](const snapshot::RawRows &q) {
            out.append({ text(q, 0), text(q, 1) });
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
        // sort of the keys in rowid order (the table's own order, free) takes one.
        QVector<std::pair<SortValue, SortValue>> keys;
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("phaseId"), QStringLiteral("initiativeId"),
                QStringLiteral("parentTaskId"), QStringLiteral("name"), QStringLiteral("category"),
                QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("order"),
                QStringLiteral("retryCount"), createdAt },
            snapshot::orderBy(*t, { QStringLiteral("rowid") }), {}, log, [&s, &keys](const snapshot::RawRows &q) {
                TreeTask task;
                task.id = text(q, 0);
                task.phaseId = text(q, 1);
                task.initiativeId = text(q, 2);
                task.parentTaskId = text(q, 3);
                task.name = text(q, 4);
                task.category = text(q, 5);
                task.priority = text(q, 6);
                task.status = text(q, 7);
                task.order = q.integer(8);
                task.retryCount = q.integer(9);
                s.tasks.append(std::move(task));
                keys.append({ SortValue::of(q.value(8)), SortValue::of(q.value(10)) });
            });
        QVector<int> order(s.tasks.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&keys](int a, int b) {
            const int byOrder = SortValue::compare(keys[a].first, keys[b].first);
            return byOrder != 0 ? byOrder < 0 : SortValue::compare(keys[a].second, keys[b].second) < 0;
        });
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
