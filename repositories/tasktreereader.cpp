#include "tasktreereader.h"

#include "database.h"
#include "snapshotreads.h"

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
        snapshot::readRows(connection, schema, t->name,
            { QStringLiteral("id"), QStringLiteral("phaseId"), QStringLiteral("initiativeId"),
                QStringLiteral("parentTaskId"), QStringLiteral("name"), QStringLiteral("category"),
                QStringLiteral("priority"), QStringLiteral("status"), QStringLiteral("order"),
                QStringLiteral("retryCount") },
            snapshot::orderBy(*t, { QStringLiteral("order"), createdAt, QStringLiteral("rowid") }), {}, log,
            [&s](const snapshot::RawRows &q) {
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
            });
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
