#include "taskdependencies.h"

#include <QSet>

#include <algorithm>

namespace cwi {

namespace {

bool isFinished(const QString &status)
{
    return status == QLatin1StringView("completed");
}

QStringList sortedUnique(QStringList ids)
{
    ids.removeDuplicates();
    return ids;
}

} // namespace

TaskDependencies::TaskDependencies(const TaskTreeSnapshot &snapshot)
{
    m_tasks.entries.reserve(snapshot.tasks.size());
    for (const TreeTask &t : snapshot.tasks)
        m_tasks.entries.insert(t.id, { t.name, t.status, t.phaseId });
    for (const TreePhase &p : snapshot.phases)
        m_phases.entries.insert(p.id, { p.name, p.status, {} });
    for (const TreeDependency &d : snapshot.taskDependencies) {
        m_tasks.forward.insert(d.fromId, d.dependsOnId);
        m_tasks.backward.insert(d.dependsOnId, d.fromId);
    }
    for (const TreeDependency &d : snapshot.phaseDependencies) {
        m_phases.forward.insert(d.fromId, d.dependsOnId);
        m_phases.backward.insert(d.dependsOnId, d.fromId);
    }
}

const TaskDependencies::Graph &TaskDependencies::graph(const QString &table) const
{
    return table == QLatin1StringView("phases") ? m_phases : m_tasks;
}

QVector<DependencyItem> TaskDependencies::items(const QString &table, const QStringList &ids) const
{
    const Graph &g = graph(table);
    QVector<DependencyItem> out;
    out.reserve(ids.size());
    for (const QString &id : ids) {
        auto it = g.entries.constFind(id);
        if (it == g.entries.constEnd())
            out.append({ table, id, {}, {}, true });
        else
            out.append({ table, id, it->name, it->status, false });
    }
    // Stable, readable order: unfinished first, then by name.
    std::stable_sort(out.begin(), out.end(), [](const DependencyItem &a, const DependencyItem &b) {
        const bool aDone = isFinished(a.status), bDone = isFinished(b.status);
        if (aDone != bDone)
            return !aDone;
        return a.name.localeAwareCompare(b.name) < 0;
    });
    return out;
}

QVector<DependencyItem> TaskDependencies::dependsOn(const QString &table, const QString &id) const
{
    return items(table, sortedUnique(graph(table).forward.values(id)));
}

QVector<DependencyItem> TaskDependencies::dependents(const QString &table, const QString &id) const
{
    return items(table, sortedUnique(graph(table).backward.values(id)));
}

QString TaskDependencies::describe(const DependencyItem &item)
{
    if (item.missing)
        return item.id % QStringLiteral(" (missing)");
    return (item.name.isEmpty() ? item.id : item.name) % QStringLiteral(" (") % item.status % u')';
}

QString TaskDependencies::waitsOn(const QString &noun, const QVector<DependencyItem> &unfinished)
{
    QStringList parts;
    parts.reserve(unfinished.size());
    for (const DependencyItem &item : unfinished)
        parts.append(describe(item));
    return QStringLiteral("waits on %1 %2%3: ")
               .arg(unfinished.size())
               .arg(noun, unfinished.size() == 1 ? QString() : QStringLiteral("s"))
        + parts.join(QStringLiteral(", "));
}

QString TaskDependencies::waitReason(const QString &table, const QString &id) const
{
    const bool isPhase = table == QLatin1StringView("phases");
    const Graph &g = graph(table);
    const auto self = g.entries.constFind(id);
    if (self == g.entries.constEnd() || isFinished(self->status))
        return {};

    QVector<DependencyItem> unfinished;
    for (const DependencyItem &item : dependsOn(table, id)) {
        if (!isFinished(item.status))
            unfinished.append(item);
    }
    QStringList reasons;
    if (!unfinished.isEmpty())
        reasons.append(waitsOn(isPhase ? QStringLiteral("phase") : QStringLiteral("task"), unfinished));

    if (!isPhase && !self->phaseId.isEmpty()) {
        const QString phaseReason = waitReason(QStringLiteral("phases"), self->phaseId);
        if (!phaseReason.isEmpty()) {
            const QString phaseName = m_phases.entries.value(self->phaseId).name;
            reasons.append(QStringLiteral("its phase “%1” %2").arg(phaseName, phaseReason));
        }
    }
    const QStringList cycle = cycleThrough(table, id);
    if (!cycle.isEmpty())
        reasons.append(QStringLiteral("dependency cycle: ") + cycle.join(QStringLiteral(" → ")));
    return reasons.join(QStringLiteral("; "));
}

QStringList TaskDependencies::cycleThrough(const QString &table, const QString &id) const
{
    // Breadth-first search from ID's dependencies back to ID; each node visited once, so the
    // search ends on any graph. The parent links rebuild the shortest cycle.
    const Graph &g = graph(table);
    QHash<QString, QString> cameFrom;
    QVector<QString> queue;
    QSet<QString> seen;
    for (const QString &next : g.forward.values(id)) {
        if (!seen.contains(next)) {
            seen.insert(next);
            cameFrom.insert(next, id);
            queue.append(next);
        }
    }
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const QString current = queue.at(i);
        if (current == id) {
            QStringList path;
            QString step = id;
            do {
                path.prepend(g.entries.value(step).name.isEmpty() ? step : g.entries.value(step).name);
                step = cameFrom.value(step);
            } while (step != id && path.size() <= queue.size());
            path.prepend(g.entries.value(id).name.isEmpty() ? id : g.entries.value(id).name);
            return path;
        }
        for (const QString &next : g.forward.values(current)) {
            if (!seen.contains(next)) {
                seen.insert(next);
                cameFrom.insert(next, current);
                queue.append(next);
            }
        }
    }
    return {};
}

} // namespace cwi
