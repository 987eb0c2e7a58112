#pragma once

// A small Codewalkers file for driving the real MainWindow: an initiative with a phase, tasks in
// several states and at two dates, agents (one with long JSON fields), review comments.

#include "fixtures.h"

#include <QDateTime>
#include <QString>
#include <QTest>

namespace cwi::test {

using namespace Qt::StringLiterals;

// 2026-10-10 12:00 and 2026-10-25 12:00 local time, as Unix seconds (what Drizzle stores).
inline qint64 earlyStamp()
{
    return QDateTime(QDate(2026, 10, 10), QTime(12, 0)).toSecsSinceEpoch();
}
inline qint64 lateStamp()
{
    return QDateTime(QDate(2026, 10, 25), QTime(12, 0)).toSecsSinceEpoch();
}

inline bool createWindowFixture(const QString &path)
{
    if (!createFixture(path))
        return false;
    const QString c = openRaw(path);
    insertRow(c, QStringLiteral("initiatives"),
        { { QStringLiteral("id"), QStringLiteral("in-1") }, { QStringLiteral("name"), QStringLiteral("Auth") } });
    insertRow(c, QStringLiteral("phases"),
        { { QStringLiteral("id"), QStringLiteral("ph-1") }, { QStringLiteral("initiativeId"), QStringLiteral("in-1") },
            { QStringLiteral("name"), QStringLiteral("Login") },
            { QStringLiteral("status"), QStringLiteral("pending_review") } });
    const struct
    {
        const char *id;
        const char *name;
        const char *status;
        bool late;
    } tasks[] = {
        { "task-1", "Login form", "blocked", false },
        { "task-2", "Session cookie", "blocked", false },
        { "task-3", "Password reset", "blocked", true },
        { "task-4", "Sign-up page", "pending", true },
        { "task-5", "Rate limiting", "pending", false },
        { "task-6", "Audit log", "in_progress", true },
    };
    for (const auto &t : tasks) {
        const qint64 stamp = t.late ? lateStamp() : earlyStamp();
        const QString id = QString::fromLatin1(t.id);
        // task-1's summary is NULL, task-2's is empty text: exports must keep them apart.
        const QVariant summary = id == u"task-2" ? QVariant(QString(u""_s)) : QVariant();
        insertRow(c, QStringLiteral("tasks"),
            { { QStringLiteral("id"), id }, { QStringLiteral("summary"), summary },
                { QStringLiteral("initiativeId"), QStringLiteral("in-1") },
                { QStringLiteral("phaseId"), QStringLiteral("ph-1") },
                { QStringLiteral("name"), QString::fromLatin1(t.name) },
                { QStringLiteral("status"), QString::fromLatin1(t.status) }, { QStringLiteral("createdAt"), stamp },
                { QStringLiteral("updatedAt"), stamp } });
    }
    // Long JSON values: the detail pane must keep its names column readable next to them.
    QString longJson = QStringLiteral("{\"questions\":[");
    for (int i = 0; i < 30; ++i)
        longJson += QStringLiteral("%1{\"id\":\"q%2\",\"question\":\"Should the login form remember the user on this "
                                   "device for thirty days, or ask every time the browser restarts?\"}")
                        .arg(i ? QStringLiteral(",") : QString())
                        .arg(i);
    longJson += QStringLiteral("]}");
    insertRow(c, QStringLiteral("agents"),
        { { QStringLiteral("id"), QStringLiteral("agent-1") },
            { QStringLiteral("name"), QStringLiteral("brave-otter") },
            { QStringLiteral("taskId"), QStringLiteral("task-1") },
            { QStringLiteral("worktreeId"), QStringLiteral("/wt") },
            { QStringLiteral("status"), QStringLiteral("crashed") },
            { QStringLiteral("pendingQuestions"), longJson } });
    insertRow(c, QStringLiteral("agents"),
        { { QStringLiteral("id"), QStringLiteral("agent-2") }, { QStringLiteral("name"), QStringLiteral("calm-heron") },
            { QStringLiteral("taskId"), QStringLiteral("task-6") },
            { QStringLiteral("worktreeId"), QStringLiteral("/wt2") },
            { QStringLiteral("status"), QStringLiteral("running") } });
    insertRow(c, QStringLiteral("conversations"),
        { { QStringLiteral("id"), QStringLiteral("conv-1") },
            { QStringLiteral("fromAgentId"), QStringLiteral("agent-1") },
            { QStringLiteral("toAgentId"), QStringLiteral("agent-2") },
            { QStringLiteral("question"), QStringLiteral("Which session store?") },
            { QStringLiteral("status"), QStringLiteral("pending") } });
    closeRaw(c);
    return true;
}

} // namespace cwi::test
