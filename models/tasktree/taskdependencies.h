#pragma once

// The dependency graph of one TaskTreeSnapshot, both ways, for tasks and phases, and the
// reason in words why a task or phase has not started: "waits on 2 tasks: X (in_progress),
// Y (pending)". Only direct edges are followed for the lists; the cycle search keeps a
// visited set, so a cyclic graph (A waits on B waits on A) is reported, never looped over.

#include "tasktreesnapshot.h"

#include <QHash>
#include <QMultiHash>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

struct DependencyItem
{
    QString table; // "tasks" or "phases"
    QString id;
    QString name; // empty when the row is missing (dangling reference)
    QString status;
    bool missing = false;
};

class TaskDependencies
{
public:
    TaskDependencies() = default;
    explicit TaskDependencies(const TaskTreeSnapshot &snapshot);

    // TABLE is "tasks" or "phases".
    QVector<DependencyItem> dependsOn(const QString &table, const QString &id) const;
    QVector<DependencyItem> dependents(const QString &table, const QString &id) const;

    // Why it cannot go on, in words; empty when nothing holds it back.
    // "waits on 2 tasks: X (in_progress), Y (pending)"
    // "its phase “Build” waits on 1 phase: Design (in_progress)"
    QString waitReason(const QString &table, const QString &id) const;

    // Names along a dependency cycle through ID ("A → B → A"), empty when there is none.
    QStringList cycleThrough(const QString &table, const QString &id) const;

    // "X (in_progress)" / "X (missing)"
    static QString describe(const DependencyItem &item);

private:
    struct Entry
    {
        QString name;
        QString status;
        QString phaseId; // tasks only
    };
    struct Graph
    {
        QHash<QString, Entry> entries;
        QMultiHash<QString, QString> forward; // id -> what it waits on
        QMultiHash<QString, QString> backward; // id -> who waits on it
    };
    const Graph &graph(const QString &table) const;
    QVector<DependencyItem> items(const QString &table, const QStringList &ids) const;
    static QString waitsOn(const QString &noun, const QVector<DependencyItem> &unfinished);

    Graph m_tasks;
    Graph m_phases;
};

} // namespace cwi
