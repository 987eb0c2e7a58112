#pragma once

// A small Codewalkers file for the task tree and dashboard tests, in either spelling:
//   initiative "Auth rewrite" (I1): phase "Design" (P1, completed) and "Build" (P2, in_progress,
//   waits on P1); tasks T1 (P1, completed), T2 (P2, in_progress, waits on T1 and T3),
//   T3 (P2, pending), T2a sub-task of T2 (pending), T2a1 sub-task of T2a (blocked), T4 without
//   phase (completed); an orphan task O without initiative or phase.
//   agent "calm-heron" running on T2; 2 unresolved and 1 resolved review comment on P2.

#include "fixtures.h"

#include <QDateTime>
#include <QString>
#include <QTest>

namespace cwi::test {

using namespace Qt::StringLiterals;

inline QVariantMap row(std::initializer_list<std::pair<QString, QVariant>> values)
{
    QVariantMap map;
    for (const auto &[k, v] : values)
        map.insert(k, v);
    return map;
}

inline bool buildWorkFixture(const QString &path, NameStyle style)
{
    if (!createFixture(path, style))
        return false;
    const QString c = openRaw(path);
    bool ok = true;
    auto add = [&](const char *table, std::initializer_list<std::pair<QString, QVariant>> values) {
        ok = ok && !insertRow(c, QString::fromLatin1(table), row(values)).isEmpty();
    };
    const QString I1 = QStringLiteral("I1"), P1 = QStringLiteral("P1"), P2 = QStringLiteral("P2");
    add("initiatives", { { u"id"_s, I1 }, { u"name"_s, u"Auth rewrite"_s }, { u"status"_s, u"active"_s } });
    add("phases",
        { { u"id"_s, P1 }, { u"initiativeId"_s, I1 }, { u"name"_s, u"Design"_s }, { u"status"_s, u"completed"_s },
            { u"createdAt"_s, 100 } });
    add("phases",
        { { u"id"_s, P2 }, { u"initiativeId"_s, I1 }, { u"name"_s, u"Build"_s }, { u"status"_s, u"in_progress"_s },
            { u"createdAt"_s, 200 } });
    add("phase_dependencies", { { u"phaseId"_s, P2 }, { u"dependsOnPhaseId"_s, P1 } });
    auto task = [&](const QString &id, const QString &name, const QString &status, const QVariant &phase,
                    const QVariant &initiative, const QVariant &parent, int order) {
        add("tasks",
            { { u"id"_s, id }, { u"name"_s, name }, { u"status"_s, status }, { u"phaseId"_s, phase },
                { u"initiativeId"_s, initiative }, { u"parentTaskId"_s, parent }, { u"order"_s, order },
                { u"category"_s, u"execute"_s }, { u"priority"_s, u"high"_s } });
    };
    const QVariant none(QMetaType::fromType<QString>());
    task(u"T1"_s, u"Sketch schema"_s, u"completed"_s, P1, I1, none, 1);
    task(u"T2"_s, u"Write login"_s, u"in_progress"_s, P2, I1, none, 1);
    task(u"T3"_s, u"Write logout"_s, u"pending"_s, P2, I1, none, 2);
    task(u"T2a"_s, u"Password hashing"_s, u"pending"_s, P2, I1, u"T2"_s, 1);
    task(u"T2a1"_s, u"Pick argon2 params"_s, u"blocked"_s, P2, I1, u"T2a"_s, 1);
    task(u"T4"_s, u"Kick-off notes"_s, u"completed"_s, none, I1, none, 1);
    task(u"O"_s, u"Stray task"_s, u"pending"_s, none, none, none, 1);
    add("task_dependencies", { { u"taskId"_s, u"T2"_s }, { u"dependsOnTaskId"_s, u"T1"_s } });
    add("task_dependencies", { { u"taskId"_s, u"T2"_s }, { u"dependsOnTaskId"_s, u"T3"_s } });
    add("agents",
        { { u"id"_s, u"A1"_s }, { u"name"_s, u"calm-heron"_s }, { u"taskId"_s, u"T2"_s },
            { u"worktreeId"_s, u"/tmp/wt"_s }, { u"status"_s, u"running"_s } });
    auto comment = [&](bool resolved) {
        add("review_comments",
            { { u"phaseId"_s, P2 }, { u"filePath"_s, u"src/a.ts"_s }, { u"lineNumber"_s, 3 },
                { u"lineType"_s, u"added"_s }, { u"body"_s, u"why?"_s }, { u"resolved"_s, resolved ? 1 : 0 } });
    };
    comment(false);
    comment(false);
    comment(true);
    closeRaw(c);
    return ok;
}

} // namespace cwi::test
