#pragma once

// Chat sessions of a phase, a task or an initiative: target, status, linked agent, created.

#include "entities.h"

#include <QAbstractTableModel>
#include <QHash>

namespace cwi {

class ChatSessionListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        TargetColumn,
        StatusColumn,
        AgentColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        AgentIdRole
    };

    explicit ChatSessionListModel(QObject *parent = nullptr);

    // TARGETNAMES maps a phase or task id to its name, AGENTNAMES an agent id to its name.
    void setSessions(const QVector<ChatSession> &sessions, const QHash<QString, QString> &targetNames,
        const QHash<QString, QString> &agentNames);
    const ChatSession *session(int row) const;
    int rowOf(const QString &id) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QVector<ChatSession> m_sessions;
    QHash<QString, QString> m_targetNames;
    QHash<QString, QString> m_agentNames;
};

} // namespace cwi
