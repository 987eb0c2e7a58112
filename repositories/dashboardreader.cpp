#include "dashboardreader.h"

#include "database.h"
#include "entities.h"
#include "snapshotreads.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace cwi {

namespace {

using snapshot::ReadLog;

QString text(const snapshot::RawRows &query, int i)
{
    return query.text(i);
}

QString field(const char16_t *name)
{
    return QString::fromUtf16(name);
}

// "?, ?, ?" for N binds.
QString placeholders(qsizetype n)
{
    QStringList marks(n, QStringLiteral("?"));
    return marks.join(QStringLiteral(", "));
}

QVariantList toBinds(const QStringList &values)
{
    QVariantList binds;
    binds.reserve(values.size());
    for (const QString &v : values)
        binds.append(v);
    return binds;
}

// Counts by status, every documented value present (zero when absent), unknown ones after.
QVector<StatusCount> statusCounts(
    const QString &connection, const SchemaMap &schema, const QString &tableName, ReadLog &log)
{
    QVector<StatusCount> out;
    const TableSpec *spec = Catalog::table(tableName);
    const FieldSpec *statusSpec = spec ? spec->field(field(u"status")) : nullptr;
    if (statusSpec) {
        for (const QString &value : statusSpec->enumValues)
            out.append({ value, 0 });
    }
    const TableInfo *t = schema.table(tableName);
    if (!t) {
        log.notes.append(tableName + QStringLiteral(": table missing"));
        return out;
    }
    if (!t->has(field(u"status"))) {
        log.notes.append(tableName + QStringLiteral(": no column status"));
        return out;
    }
    const QString status = t->quoted(field(u"status"));
    snapshot::readAggregate(connection,
        QStringLiteral("SELECT %1, COUNT(*) FROM %2 GROUP BY %1").arg(status, SchemaMap::quoteIdentifier(t->name)), {},
        log, [&out](const snapshot::RawRows &q) {
            const QString value = text(q, 0);
            auto it
                = std::find_if(out.begin(), out.end(), [&value](const StatusCount &c) { return c.status == value; });
            if (it != out.end())
                it->count = q.integer(1);
            else
                out.append({ value, q.integer(1) });
        });
    return out;
}

qint64 count(const QString &connection, const SchemaMap &schema, const QString &tableName, const QString &where,
    const QVariantList &binds, ReadLog &log)
{
    const TableInfo *t = schema.table(tableName);
    if (!t || log.failed())
        return 0;
    qint64 n = 0;
    snapshot::readAggregate(connection,
        QStringLiteral("SELECT COUNT(*) FROM ") + SchemaMap::quoteIdentifier(t->name)
            + (where.isEmpty() ? QString() : QStringLiteral(" WHERE ") + where),
        binds, log, [&n](const snapshot::RawRows &q) { n = q.integer(0); });
    return n;
}

// id -> display field (name) for the given ids of TABLE, in chunks of bound parameters.
QHash<QString, QStringList> lookup(const QString &connection, const SchemaMap &schema, const QString &tableName,
    const QStringList &fields, QStringList ids, ReadLog &log)
{
    QHash<QString, QStringList> out;
    const TableInfo *t = schema.table(tableName);
    ids.removeDuplicates();
    ids.removeAll(QString());
    if (!t || ids.isEmpty() || !t->has(field(u"id")))
        return out;
    QStringList selected = fields;
    selected.prepend(field(u"id"));
    for (qsizetype from = 0; from < ids.size(); from += 500) {
        const QStringList chunk = ids.mid(from, 500);
        snapshot::readRows(connection, schema, tableName, selected,
            QStringLiteral("WHERE %1 IN (%2)").arg(t->quoted(field(u"id")), placeholders(chunk.size())), toBinds(chunk),
            log, [&](const snapshot::RawRows &q) {
                QStringList values;
                for (int i = 1; i < selected.size(); ++i)
                    values.append(text(q, i));
                out.insert(text(q, 0), values);
            });
    }
    return out;
}

} // namespace

QStringList parsePendingQuestions(const QString &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return {};
    QJsonArray array;
    if (doc.isArray()) {
        array = doc.array();
    } else if (doc.isObject()) {
        const QJsonObject object = doc.object();
        if (object.value(QLatin1StringView("questions")).isArray())
            array = object.value(QLatin1StringView("questions")).toArray();
        else
            array.append(object);
    }
    QStringList questions;
    for (const auto &value : std::as_const(array)) {
        if (value.isString()) {
            questions.append(value.toString());
            continue;
        }
        const QJsonObject object = value.toObject();
        for (const char *key : { "question", "text", "prompt", "content" }) {
            const QJsonValue v = object.value(QLatin1StringView(key));
            if (v.isString() && !v.toString().isEmpty()) {
                questions.append(v.toString());
                break;
            }
        }
    }
    return questions;
}

DashboardSnapshot readDashboard(const Database &database, const QDateTime &now)
{
    DashboardSnapshot d;
    d.readAt = now;
    const QString connection = database.readConnection();
    const SchemaMap &schema = database.schema();
    snapshot::ReadTransaction transaction(connection);
    if (!transaction.connectionOpen()) {
        d.error = QStringLiteral("Cannot open a read connection to %1").arg(database.path());
        return d;
    }
    ReadLog log;

    d.initiativeStatus = statusCounts(connection, schema, QStringLiteral("initiatives"), log);
    d.phaseStatus = statusCounts(connection, schema, QStringLiteral("phases"), log);
    d.taskStatus = statusCounts(connection, schema, QStringLiteral("tasks"), log);

    // Agents that need a look: running, waiting for input, crashed.
    QStringList taskIds;
    if (const TableInfo *t = schema.table(QStringLiteral("agents")); t && t->has(field(u"status"))) {
        d.agentsTotal = count(connection, schema, t->name, {}, {}, log);
        const QDateTime dayAgo = now.addDays(-1);
        snapshot::readRows(connection, schema, t->name,
            { field(u"id"), field(u"name"), field(u"status"), field(u"mode"), field(u"taskId"),
                field(u"pendingQuestions"), field(u"updatedAt") },
            QStringLiteral("WHERE %1 IN (?, ?, ?) ").arg(t->quoted(field(u"status")))
                + snapshot::orderBy(*t, { QStringLiteral("updatedAt DESC"), QStringLiteral("rowid DESC") }),
            toBinds({ field(u"running"), field(u"waiting_for_input"), field(u"crashed") }), log,
            [&](const snapshot::RawRows &q) {
                DashboardAgent agent { text(q, 0), text(q, 1), text(q, 2), text(q, 3), text(q, 4), {},
                    Timestamp::interpret(q.value(6)), {}, {} };
                if (agent.status == QLatin1StringView("crashed")) {
                    if (agent.updatedAt.isValid() && agent.updatedAt >= dayAgo)
                        d.crashedAgents.append(agent);
                    return;
                }
                if (agent.status == QLatin1StringView("waiting_for_input")) {
                    const QString raw = text(q, 5);
                    agent.questions = parsePendingQuestions(raw);
                    if (agent.questions.isEmpty() && !raw.trimmed().isEmpty())
                        agent.rawQuestions = raw;
                    d.waitingAgents.append(agent);
                    return;
                }
                d.runningAgents.append(agent);
            });
        for (const auto *list : { &d.runningAgents, &d.waitingAgents, &d.crashedAgents }) {
            for (const DashboardAgent &a : *list)
                taskIds.append(a.taskId);
        }
    } else {
        log.notes.append(QStringLiteral("agents: table or status column missing"));
    }
    const auto taskNames = lookup(connection, schema, QStringLiteral("tasks"), { field(u"name") }, taskIds, log);
    for (auto *list : { &d.runningAgents, &d.waitingAgents, &d.crashedAgents }) {
        for (DashboardAgent &a : *list)
            a.taskName = taskNames.value(a.taskId).value(0);
    }

    // Conversations waiting for an answer.
    if (const TableInfo *t = schema.table(QStringLiteral("conversations")); t && t->has(field(u"status"))) {
        const QString pending = QStringLiteral("%1 = ?").arg(t->quoted(field(u"status")));
        const QVariantList pendingBind { field(u"pending") };
        d.pendingConversationCount = count(connection, schema, t->name, pending, pendingBind, log);
        QStringList agentIds;
        QVector<std::pair<QString, QString>> ends;
        snapshot::readRows(connection, schema, t->name,
            { field(u"id"), field(u"question"), field(u"fromAgentId"), field(u"toAgentId") },
            QStringLiteral("WHERE ") + pending + u' '
                + snapshot::orderBy(*t, { QStringLiteral("createdAt DESC"), QStringLiteral("rowid DESC") })
                + QStringLiteral(" LIMIT 20"),
            pendingBind, log, [&](const snapshot::RawRows &q) {
                d.pendingConversations.append({ text(q, 0), text(q, 1), {}, {} });
                ends.append({ text(q, 2), text(q, 3) });
                agentIds << text(q, 2) << text(q, 3);
            });
        const auto names = lookup(connection, schema, QStringLiteral("agents"), { field(u"name") }, agentIds, log);
        for (qsizetype i = 0; i < d.pendingConversations.size(); ++i) {
            d.pendingConversations[i].fromAgentName = names.value(ends[i].first).value(0, ends[i].first);
            d.pendingConversations[i].toAgentName = names.value(ends[i].second).value(0, ends[i].second);
        }
    } else {
        log.notes.append(QStringLiteral("conversations: table or status column missing"));
    }

    // Accounts out of quota.
    if (const TableInfo *t = schema.table(QStringLiteral("accounts")); t && t->has(field(u"isExhausted"))) {
        d.accountsTotal = count(connection, schema, t->name, {}, {}, log);
        snapshot::readRows(connection, schema, t->name, { field(u"id"), field(u"email"), field(u"exhaustedUntil") },
            QStringLiteral("WHERE COALESCE(%1, 0) <> 0 ").arg(t->quoted(field(u"isExhausted")))
                + snapshot::orderBy(*t, { QStringLiteral("exhaustedUntil"), QStringLiteral("rowid") }),
            {}, log, [&d](const snapshot::RawRows &q) {
                d.exhaustedAccounts.append({ text(q, 0), text(q, 1), Timestamp::interpret(q.value(2)) });
            });
    } else {
        log.notes.append(QStringLiteral("accounts: table or isExhausted column missing"));
    }

    // Unresolved review comments per phase, with the phase's and initiative's names.
    if (const TableInfo *t = schema.table(QStringLiteral("review_comments")); t && t->has(field(u"phaseId"))) {
        const QString where = t->has(field(u"resolved"))
            ? QStringLiteral(" WHERE COALESCE(%1, 0) = 0").arg(t->quoted(field(u"resolved")))
            : QString();
        snapshot::readAggregate(connection,
            QStringLiteral("SELECT %1, COUNT(*) FROM %2%3 GROUP BY %1 ORDER BY 2 DESC, 1")
                .arg(t->quoted(field(u"phaseId")), SchemaMap::quoteIdentifier(t->name), where),
            {}, log, [&d](const snapshot::RawRows &q) {
                d.unresolvedComments.append({ text(q, 0), {}, {}, q.integer(1) });
            });
        QStringList phaseIds;
        for (const auto &c : std::as_const(d.unresolvedComments))
            phaseIds.append(c.phaseId);
        const auto phases = lookup(
            connection, schema, QStringLiteral("phases"), { field(u"name"), field(u"initiativeId") }, phaseIds, log);
        QStringList initiativeIds;
        for (const QStringList &p : phases)
            initiativeIds.append(p.value(1));
        const auto initiatives
            = lookup(connection, schema, QStringLiteral("initiatives"), { field(u"name") }, initiativeIds, log);
        for (auto &c : d.unresolvedComments) {
            const QStringList phase = phases.value(c.phaseId);
            c.phaseName = phase.value(0);
            c.initiativeName = initiatives.value(phase.value(1)).value(0);
        }
    } else {
        log.notes.append(QStringLiteral("review_comments: table or phaseId column missing"));
    }

    // Errands a human must look at.
    if (const TableInfo *t = schema.table(QStringLiteral("errands")); t && t->has(field(u"status"))) {
        snapshot::readRows(connection, schema, t->name,
            { field(u"id"), field(u"description"), field(u"branch"), field(u"status") },
            QStringLiteral("WHERE %1 IN (?, ?) ").arg(t->quoted(field(u"status")))
                + snapshot::orderBy(*t, { QStringLiteral("updatedAt DESC"), QStringLiteral("rowid") }),
            toBinds({ field(u"pending_review"), field(u"conflict") }), log, [&d](const snapshot::RawRows &q) {
                d.errandsNeedingAttention.append({ text(q, 0), text(q, 1), text(q, 2), text(q, 3) });
            });
    } else {
        log.notes.append(QStringLiteral("errands: table or status column missing"));
    }

    // Messages that asked for a response and have not had one.
    if (const TableInfo *t = schema.table(QStringLiteral("messages")); t && t->has(field(u"requiresResponse"))) {
        QString where = QStringLiteral("COALESCE(%1, 0) <> 0").arg(t->quoted(field(u"requiresResponse")));
        QVariantList binds;
        if (t->has(field(u"status"))) {
            // Statuses that mean "answered"; anything else (pending, read, ...) still waits.
            where += QStringLiteral(" AND COALESCE(%1, '') NOT IN (?, ?, ?, ?)").arg(t->quoted(field(u"status")));
            binds = toBinds({ field(u"responded"), field(u"answered"), field(u"closed"), field(u"resolved") });
        }
        d.messagesAwaitingResponse = count(connection, schema, t->name, where, binds, log);
    } else {
        log.notes.append(QStringLiteral("messages: table or requiresResponse column missing"));
    }

    if (log.failed()) {
        DashboardSnapshot failed;
        failed.readAt = now;
        failed.error = log.error;
        return failed;
    }
    d.notes = log.notes;
    return d;
}

} // namespace cwi
