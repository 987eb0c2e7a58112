#pragma once

// Inter-agent questions and answers: from -> to, question, answer or "pending" with its age,
// and what it is about (task, phase, initiative). Filters by state and by agent (either side).

#include "entities.h"

#include <QAbstractTableModel>
#include <QDateTime>
#include <QHash>

namespace cwi {

class ConversationListModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        AgentsColumn,
        QuestionColumn,
        AnswerColumn,
        AboutColumn,
        CreatedColumn,
        ColumnCount
    };
    enum Role
    {
        IdRole = Qt::UserRole + 1,
        PendingRole
    };
    enum class StateFilter
    {
        All,
        Pending,
        Answered
    };

    explicit ConversationListModel(QObject *parent = nullptr);

    // NAMES maps agent, task, phase and initiative ids to display names.
    void setConversations(const QVector<Conversation> &conversations, const QHash<QString, QString> &names);
    void setStateFilter(StateFilter filter);
    void setAgentFilter(const QString &agentId); // empty: every agent
    // The clock for "pending for 3 h" (tests pin it).
    void setNow(const QDateTime &nowUtc) { m_now = nowUtc; }

    const Conversation *conversation(int row) const;
    int rowOf(const QString &id) const;
    int pendingCount() const;
    QString name(const QString &id) const { return m_names.value(id, id); }
    static bool isPending(const Conversation &c)
    {
        return c.status != QLatin1StringView("answered") && c.answer.isEmpty();
    }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    void applyFilter();
    QString about(const Conversation &c) const;

    QVector<Conversation> m_all;
    QVector<int> m_visible;
    QHash<QString, QString> m_names;
    StateFilter m_state = StateFilter::All;
    QString m_agent;
    QDateTime m_now;
};

} // namespace cwi
