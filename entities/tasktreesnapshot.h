#pragma once

// What the task tree dock shows, read in one go (tasktreereader.h in repositories/ reads it):
// initiatives, phases, tasks (only the columns the tree shows), task and phase dependencies, the
// agents assigned to tasks and the unresolved review comments per phase. Values only.

#include <QHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

struct TreeInitiative
{
    QString id;
    QString name;
    QString status;
};

struct TreePhase
{
    QString id;
    QString initiativeId;
    QString name;
    QString status;
};

struct TreeTask
{
    QString id;
    QString phaseId;
    QString initiativeId;
    QString parentTaskId;
    QString name;
    QString category;
    QString priority;
    QString status;
    qint64 order = 0;
    qint64 retryCount = 0;
};

struct TreeAgent
{
    QString id;
    QString name;
    QString taskId;
    QString status;
};

struct TreeDependency
{
    QString fromId; // taskId / phaseId: the one that waits
    QString dependsOnId; // dependsOnTaskId / dependsOnPhaseId: the one waited on
};

} // namespace cwi

// Plain values: a growing QVector moves them as bytes (20,000 tasks in one read).
Q_DECLARE_TYPEINFO(cwi::TreeInitiative, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cwi::TreePhase, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cwi::TreeTask, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cwi::TreeAgent, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(cwi::TreeDependency, Q_RELOCATABLE_TYPE);

namespace cwi {

struct TaskTreeSnapshot
{
    QVector<TreeInitiative> initiatives; // by createdAt, then name
    QVector<TreePhase> phases; // by createdAt, then name
    QVector<TreeTask> tasks; // by order, then createdAt
    QVector<TreeDependency> taskDependencies;
    QVector<TreeDependency> phaseDependencies;
    QVector<TreeAgent> agents; // only agents with a task; the most recent first
    QHash<QString, int> unresolvedCommentsByPhase;
    QStringList notes; // "task_dependencies: table missing", ... (older schema)
    QString error; // set when the read failed; the rest is then empty
};

} // namespace cwi
