#pragma once

// What the dashboard ("headquarters") page shows, read in one go (dashboardreader.h in
// repositories/ reads it): counts by status for initiatives, phases and tasks; agents running,
// waiting for input (with their questions) and crashed in the last day; pending conversations;
// exhausted accounts; unresolved review comments per phase; errands needing a human; messages
// waiting for a response. Values only.

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QVector>

namespace cwi {

struct StatusCount
{
    QString status; // raw value; empty for NULL
    qint64 count = 0;
};

struct DashboardAgent
{
    QString id;
    QString name;
    QString status;
    QString mode;
    QString taskId;
    QString taskName;
    QDateTime updatedAt; // invalid when unknown
    QStringList questions; // waiting_for_input: the questions from pendingQuestions
    QString rawQuestions; // pendingQuestions as stored when it does not parse
};

struct DashboardAccount
{
    QString id;
    QString email;
    QDateTime exhaustedUntil; // invalid when not set
};

struct DashboardPhaseComments
{
    QString phaseId;
    QString phaseName;
    QString initiativeName;
    qint64 unresolved = 0;
};

struct DashboardErrand
{
    QString id;
    QString description;
    QString branch;
    QString status;
};

struct DashboardConversation
{
    QString id;
    QString question;
    QString fromAgentName;
    QString toAgentName;
};

struct DashboardSnapshot
{
    QVector<StatusCount> initiativeStatus; // catalogue order first, unknown values after
    QVector<StatusCount> phaseStatus;
    QVector<StatusCount> taskStatus;
    QVector<DashboardAgent> runningAgents;
    QVector<DashboardAgent> waitingAgents;
    QVector<DashboardAgent> crashedAgents; // crashed, updated within the last 24 hours
    qint64 agentsTotal = 0;
    QVector<DashboardConversation> pendingConversations; // at most 20 listed
    qint64 pendingConversationCount = 0;
    QVector<DashboardAccount> exhaustedAccounts;
    qint64 accountsTotal = 0;
    QVector<DashboardPhaseComments> unresolvedComments; // most comments first
    QVector<DashboardErrand> errandsNeedingAttention; // pending_review or conflict
    qint64 messagesAwaitingResponse = 0;
    QDateTime readAt;
    QStringList notes; // what the file lacks ("conversations: table missing")
    QString error; // the read failed; everything else is empty
};

} // namespace cwi
