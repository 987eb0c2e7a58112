#include "tasktreefiltermodel.h"

#include "tasktreemodel.h"

namespace cwi {

TaskTreeFilterModel::TaskTreeFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
    setDynamicSortFilter(true);
}

void TaskTreeFilterModel::setStatusFilter(const QStringList &statuses)
{
    if (statuses == m_statuses)
        return;
    m_statuses = statuses;
    refilter();
}

void TaskTreeFilterModel::setTextFilter(const QString &text)
{
    const QString trimmed = text.trimmed();
    if (trimmed == m_text)
        return;
    m_text = trimmed;
    refilter();
}

void TaskTreeFilterModel::refilter()
{
    // Not invalidateFilter(): that removes and inserts rows parent by parent, and every removal
    // walks all persistent indexes (a tree view keeps one per expanded row). With 20,000 tasks
    // expanded, one key typed into the filter froze the window for about 4 s. A layout change
    // maps the persistent indexes once and rebuilds the rows as the view asks for them.
    invalidate();
}

bool TaskTreeFilterModel::textMatches(const QModelIndex &sourceIndex) const
{
    // The row itself or any ancestor: typing a phase name shows that phase's tasks.
    for (QModelIndex i = sourceIndex; i.isValid(); i = i.parent()) {
        if (i.data(TaskTreeModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool TaskTreeFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    if (!isFiltering())
        return true;
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool isTask = index.data(TaskTreeModel::TableRole).toString() == QLatin1StringView("tasks");
    if (!m_statuses.isEmpty()) {
        // Status filters speak about tasks; containers show when a task below them does.
        if (!isTask || !m_statuses.contains(index.data(TaskTreeModel::StatusRole).toString()))
            return false;
    }
    return m_text.isEmpty() || textMatches(index);
}

} // namespace cwi
