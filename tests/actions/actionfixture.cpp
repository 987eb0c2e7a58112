#include "actionfixture.h"

#include "fixtures.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QSqlRecord>

using namespace Qt::StringLiterals;

namespace cwi::test {

QString tempDirTemplate()
{
    const QFileInfo shm(u"/dev/shm"_s);
    if (shm.isDir() && shm.isWritable())
        return u"/dev/shm/cwi-actions-XXXXXX"_s;
    return QDir::tempPath() + u"/cwi-actions-XXXXXX";
}

QVariant seededTimestamp(TimestampUnit unit)
{
    switch (unit) {
    case TimestampUnit::Milliseconds:
        return qint64(1'700'000'000'000);
    case TimestampUnit::IsoText:
        return u"2023-11-14T22:13:20.000Z"_s;
    default:
        break;
    }
    return qint64(1'700'000'000);
}

bool seedActionFixture(const QString &path, NameStyle style, TimestampUnit unit)
{
    if (!createFixture(path, style))
        return false;
    const QVariant ts = seededTimestamp(unit);
    const QString c = openRaw(path);
    bool ok = true;
    const auto row = [&](const QString &table, QVariantMap values) {
        values.insert(u"createdAt"_s, ts);
        if (table != u"agent_log_chunks" && table != u"chat_messages")
            values.insert(u"updatedAt"_s, ts);
        if (insertRow(c, table, values).isEmpty())
            ok = false;
    };
    row(u"initiatives"_s, { { u"id"_s, u"I1"_s }, { u"name"_s, u"User auth"_s }, { u"status"_s, u"active"_s } });
    row(u"projects"_s,
        { { u"id"_s, u"PJ"_s }, { u"name"_s, u"web"_s }, { u"url"_s, u"/src/web"_s },
            { u"defaultBranch"_s, u"main"_s } });
    row(u"phases"_s,
        { { u"id"_s, u"P1"_s }, { u"initiativeId"_s, u"I1"_s }, { u"name"_s, u"Login"_s },
            { u"status"_s, u"in_progress"_s } });
    const auto task = [&](const char *id, const char *status, qint64 retries = 0) {
        row(u"tasks"_s,
            { { u"id"_s, QString::fromLatin1(id) }, { u"phaseId"_s, u"P1"_s }, { u"initiativeId"_s, u"I1"_s },
                { u"name"_s, QString(u"Task "_s + QString::fromLatin1(id)) },
                { u"status"_s, QString::fromLatin1(status) }, { u"retryCount"_s, retries } });
    };
    task("T-blocked", "blocked", 3);
    task("T-crashed", "in_progress", 1);
    task("T-stopped", "in_progress");
    task("T-gone", "in_progress", 2);
    task("T-running", "in_progress");
    task("T-done", "completed");
    const auto agent = [&](const char *id, const char *status, const char *taskId, bool dismissed = false) {
        QVariantMap v { { u"id"_s, QString::fromLatin1(id) },
            { u"name"_s, QString(u"agent-"_s + QString::fromLatin1(id)) },
            { u"worktreeId"_s, QString(u"/wt/"_s + QString::fromLatin1(id)) },
            { u"status"_s, QString::fromLatin1(status) } };
        if (taskId)
            v.insert(u"taskId"_s, QString::fromLatin1(taskId));
        if (dismissed)
            v.insert(u"userDismissedAt"_s, ts);
        row(u"agents"_s, v);
    };
    agent("A-crashed", "crashed", "T-crashed");
    agent("A-stopped", "stopped", "T-stopped");
    agent("A-running", "running", "T-running");
    agent("A-idle", "idle", nullptr);
    agent("A-dismissed", "stopped", nullptr, true);
    const auto comment = [&](const char *id, qint64 resolved) {
        row(u"review_comments"_s,
            { { u"id"_s, QString::fromLatin1(id) }, { u"phaseId"_s, u"P1"_s }, { u"filePath"_s, u"src/login.ts"_s },
                { u"lineNumber"_s, 10 }, { u"lineType"_s, u"added"_s }, { u"body"_s, u"Why here?"_s },
                { u"author"_s, u"you"_s }, { u"resolved"_s, resolved } });
    };
    comment("RC-open", 0);
    comment("RC-resolved", 1);
    const auto conversation = [&](const char *id, const char *status) {
        QVariantMap v { { u"id"_s, QString::fromLatin1(id) }, { u"fromAgentId"_s, u"A-running"_s },
            { u"toAgentId"_s, u"A-idle"_s }, { u"question"_s, u"Which API?"_s },
            { u"status"_s, QString::fromLatin1(status) } };
        if (qstrcmp(status, "answered") == 0)
            v.insert(u"answer"_s, u"v1"_s);
        row(u"conversations"_s, v);
    };
    conversation("C-pending", "pending");
    conversation("C-answered", "answered");
    const auto message = [&](const char *id, const char *recipientType, qint64 needsReply) {
        row(u"messages"_s,
            { { u"id"_s, QString::fromLatin1(id) }, { u"senderType"_s, u"agent"_s }, { u"senderId"_s, u"A-running"_s },
                { u"recipientType"_s, QString::fromLatin1(recipientType) }, { u"recipientId"_s, QVariant() },
                { u"type"_s, u"question"_s }, { u"content"_s, u"May I?"_s }, { u"requiresResponse"_s, needsReply },
                { u"status"_s, u"pending"_s } });
    };
    message("M-req", "user", 1);
    message("M-info", "user", 0);
    message("M-agent", "agent", 1);
    const auto proposal = [&](const char *id, const char *status) {
        row(u"proposals"_s,
            { { u"id"_s, QString::fromLatin1(id) }, { u"agentId"_s, u"A-idle"_s }, { u"initiativeId"_s, u"I1"_s },
                { u"targetType"_s, u"task"_s }, { u"title"_s, u"Split task"_s },
                { u"status"_s, QString::fromLatin1(status) } });
    };
    proposal("PR-pending", "pending");
    proposal("PR-accepted", "accepted");
    row(u"accounts"_s,
        { { u"id"_s, u"AC-ex"_s }, { u"email"_s, u"a@x.dev"_s }, { u"isExhausted"_s, 1 },
            { u"exhaustedUntil"_s, ts } });
    row(u"accounts"_s, { { u"id"_s, u"AC-fine"_s }, { u"email"_s, u"b@x.dev"_s }, { u"isExhausted"_s, 0 } });
    const auto errand = [&](const char *id, const char *status) {
        row(u"errands"_s,
            { { u"id"_s, QString::fromLatin1(id) }, { u"description"_s, u"Fix typo"_s },
                { u"branch"_s, QString(u"errand/"_s + QString::fromLatin1(id)) }, { u"baseBranch"_s, u"main"_s },
                { u"projectId"_s, u"PJ"_s }, { u"status"_s, QString::fromLatin1(status) } });
    };
    errand("E-active", "active");
    errand("E-merged", "merged");
    closeRaw(c);
    return ok;
}

QString typed(const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return u"null"_s;
    switch (value.typeId()) {
    case QMetaType::LongLong:
    case QMetaType::Int:
    case QMetaType::ULongLong:
    case QMetaType::UInt:
        return u"int:"_s + value.toString();
    case QMetaType::Double:
        return u"real:"_s + value.toString();
    case QMetaType::QByteArray:
        return u"blob:"_s + QString::fromLatin1(value.toByteArray().toHex());
    default:
        break;
    }
    return u"text:"_s + value.toString();
}

Dump dumpAll(const QString &path)
{
    Dump dump;
    const QString c = openRaw(path);
    {
        QSqlDatabase db = QSqlDatabase::database(c, false);
        QStringList tables;
        QSqlQuery query(db);
        query.exec(u"SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name"_s);
        while (query.next())
            tables.append(query.value(0).toString());
        for (const QString &table : std::as_const(tables)) {
            QSqlQuery rows(db);
            rows.exec(u"SELECT rowid AS __rowid, * FROM \""_s + table + u'"');
            while (rows.next()) {
                const QSqlRecord record = rows.record();
                QMap<QString, QString> values;
                QString key = table + u"/#" + rows.value(0).toString();
                for (int i = 1; i < record.count(); ++i) {
                    values.insert(record.fieldName(i), typed(rows.value(i)));
                    if (record.fieldName(i) == u"id")
                        key = table + u'/' + rows.value(i).toString();
                }
                dump.insert(key, values);
            }
        }
    }
    closeRaw(c);
    return dump;
}

} // namespace cwi::test
