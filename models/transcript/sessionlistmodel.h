#pragma once

// The log sessions of agents, grouped by agent: sessionNumber 1 is the spawn, later ones are
// resumes, newest first. Figures that need the content (turns, cost, tokens, outcome) arrive
// later from a worker (setFigures). Agents whose row is gone are listed by agentName, marked.

#include "entities.h"
#include "sessionsummary.h"

#include <QAbstractItemModel>
#include <QSet>

namespace cwi {

struct SessionFigures
{
    qint64 turns = -1;
    double costUsd = -1;
    TokenUsage usage;
    SessionOutcome outcome = SessionOutcome::NoResult;
    qint64 durationMs = -1;
    int unparseable = 0;
    qint64 bytes = -1; // the session's size, known once it was read
};

// Figures of one session from its summary; AGENTRUNNING tells a missing result apart.
SessionFigures sessionFigures(const SessionSummary &summary, const LogSessionInfo &info, bool agentRunning);

class SessionListModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column
    {
        SessionColumn,
        StartedColumn,
        DurationColumn,
        TurnsColumn,
        CostColumn,
        TokensColumn,
        OutcomeColumn,
        ColumnCount
    };
    enum Role
    {
        AgentIdRole = Qt::UserRole + 1,
        SessionNumberRole,
        IsGroupRole,
        IsDeletedRole,
        SortRole
    };

    explicit SessionListModel(QObject *parent = nullptr);

    // EXISTINGAGENTS: ids of agents that still have a row (the others are marked deleted).
    void setSessions(const QVector<LogSessionInfo> &sessions, const QSet<QString> &existingAgents);
    void setFigures(const QString &agentId, qint64 sessionNumber, const SessionFigures &figures);
    void clear();

    QModelIndex indexOf(const QString &agentId, qint64 sessionNumber) const;
    const LogSessionInfo *session(const QModelIndex &index) const;
    int sessionCount() const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Entry
    {
        LogSessionInfo info;
        SessionFigures figures;
        bool hasFigures = false;
    };
    struct Group
    {
        QString agentId;
        QString agentName;
        bool deleted = false;
        QVector<Entry> sessions;
    };
    QVariant groupData(const Group &group, int column, int role) const;
    QVariant sessionData(const Entry &entry, int column, int role) const;

    QVector<Group> m_groups;
};

} // namespace cwi
