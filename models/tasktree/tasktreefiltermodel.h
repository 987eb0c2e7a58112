#pragma once

// Filters the task tree by task status and by text. A task shows when its status is one of
// the chosen ones and its text (name, id, category, agent) or an ancestor's matches; the
// initiatives and phases on the way to a shown task stay visible (recursive filtering).

#include <QSortFilterProxyModel>
#include <QStringList>

namespace cwi {

class TaskTreeFilterModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit TaskTreeFilterModel(QObject *parent = nullptr);

    // Task statuses to keep; empty keeps every status.
    void setStatusFilter(const QStringList &statuses);
    QStringList statusFilter() const { return m_statuses; }
    // Case-insensitive substring; empty keeps everything.
    void setTextFilter(const QString &text);
    QString textFilter() const { return m_text; }
    bool isFiltering() const { return !m_statuses.isEmpty() || !m_text.isEmpty(); }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    bool textMatches(const QModelIndex &sourceIndex) const;
    void refilter();

    QStringList m_statuses;
    QString m_text;
};

} // namespace cwi
