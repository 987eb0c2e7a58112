#pragma once

// Agent <-> user messages as threads (parentMessageId), newest thread first, replies oldest
// first beneath their parent. Sender and recipient are resolved to agent names. Messages that
// require a response and are still pending are highlighted and counted.

#include "entities.h"

#include <QAbstractItemModel>
#include <QHash>
#include <vector>

namespace cwi {

class MessageThreadModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        FromColumn,
        ToColumn,
        TextColumn,
        TypeColumn,
        StatusColumn,
        TimeColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PendingResponseRole,
        SenderAgentIdRole,
        RecipientAgentIdRole
    };

    explicit MessageThreadModel(QObject *parent = nullptr);

    void setMessages(const QVector<Message> &messages, const QHash<QString, QString> &agentNames);
    // Messages with requiresResponse set and status 'pending' (what the dashboard counts).
    int pendingResponseCount() const { return m_pendingCount; }
    static bool isPendingResponse(const Message &message);

    const Message *message(const QModelIndex &index) const;
    QModelIndex indexOfMessage(const QString &id) const;
    // "brave-otter", "you" or the raw id when the agent row is gone.
    QString partyName(const QString &type, const QString &id) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Node
    {
        Message message;
        int parent = -1;
        int row = 0;
        std::vector<int> children;
    };
    const std::vector<int> &childrenOf(int node) const { return node < 0 ? m_roots : m_nodes[size_t(node)].children; }

    std::vector<Node> m_nodes;
    std::vector<int> m_roots;
    QHash<QString, int> m_byId;
    QHash<QString, QString> m_agentNames;
    int m_pendingCount = 0;
};

} // namespace cwi
