#pragma once

// What the log view reads, as plain functions that run in a worker (QtConcurrent::run) and
// return values. Each opens the worker thread's own read connection through the repositories.

#include "entities.h"
#include "sessionlistmodel.h"
#include "transcript.h"

#include <QHash>
#include <QVector>

#include <memory>
#include <optional>

namespace cwi {

class Database;

struct AgentLogs
{
    QString agentId;
    std::optional<Agent> agent; // empty when the agent row is gone
    QString taskName;
    QString initiativeName;
    QString accountEmail;
    QVector<LogSessionInfo> sessions; // newest first
    QString error;
};
AgentLogs loadAgentLogs(const std::shared_ptr<Database> &db, const QString &agentId);

struct LoadedSession
{
    QString agentId;
    qint64 sessionNumber = 0;
    std::shared_ptr<Transcript> transcript; // indexed and outlined, nothing parsed yet
    Timestamp lastCreatedAt; // follow mode resumes after (lastCreatedAt, lastRowid)
    qint64 lastRowid = 0;
    int chunkCount = 0;
    QString error;
};
LoadedSession loadSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber);

// Follow mode: the chunks committed after the last one seen.
QVector<LogChunk> loadNewChunks(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const Timestamp &lastCreatedAt, qint64 lastRowid);

// Figures (turns, cost, tokens, outcome) of every listed session; reads each session once.
QHash<qint64, SessionFigures> loadSessionFigures(
    const std::shared_ptr<Database> &db, const QVector<LogSessionInfo> &sessions, bool agentRunning);

// Totals over every session of some agents (one agent, a task's agents, an initiative's agents):
// cost, tokens (once per message.id), turns and duration, for the detail pane and the dashboard.
struct LogTotals
{
    int agents = 0; // agents with at least one session
    int sessions = 0;
    int failedSessions = 0;
    double costUsd = 0; // sessions without a result line add nothing
    TokenUsage usage;
    qint64 turns = 0;
    qint64 durationMs = 0;
};
LogTotals loadLogTotals(const std::shared_ptr<Database> &db, const QStringList &agentIds);

} // namespace cwi
