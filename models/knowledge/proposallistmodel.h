#pragma once

// Proposals of an initiative or an agent: title, target ("new" when targetId is NULL),
// status, agent, created. A status filter hides rows without reloading.

#include "entities.h"

#include <QAbstractTableModel>
#include <QHash>

namespace cwi {

class ProposalListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TitleColumn,
        TargetColumn,
        StatusColumn,
        AgentColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        TargetTableRole,
        TargetIdRole,
        StatusRole
    };

    explicit ProposalListModel(QObject *parent = nullptr);

    // NAMES maps agent and target (page / phase / task) ids to display names.
    void setProposals(const QVector<Proposal> &proposals, const QHash<QString, QString> &names);
    // Empty shows every status.
    void setStatusFilter(const QString &status);
    QString statusFilter() const { return m_statusFilter; }

    const Proposal *proposal(int row) const;
    int rowOf(const QString &id) const;
    // "pages" / "phases" / "tasks" for a targetType, empty when unknown.
    static QString targetTable(const QString &targetType);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void applyFilter();

    QVector<Proposal> m_all;
    QVector<int> m_visible; // indices into m_all
    QHash<QString, QString> m_agentNames;
    QString m_statusFilter;
};

} // namespace cwi
