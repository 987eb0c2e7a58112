#pragma once

// What the log view reads, as plain functions that run in a worker (the view's JobTracker) and
// return values. Each opens the worker thread's own read connection through the repositories.

#include "entities.h"
#include "sessionlistmodel.h"
#include "transcript.h"

#include <QHash>
#include <QSet>
#include <QVector>

#include <functional>

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

// Every session in the file ("All logs") and the ids of the agents that still have a row.
struct AllLogs
{
    QVector<LogSessionInfo> sessions;
    QSet<QString> agents;
    QString error;
};
AllLogs loadAllLogs(const std::shared_ptr<Database> &db);

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

// One piece of a session being read: chunks in order, to append to what came before.
struct SessionPart
{
    QVector<QByteArray> chunks;
    bool restart = false; // drop what came before: the session follows again from its start, sorted
    bool last = false; // the session is read (or the read failed: then error is set)
    Timestamp lastCreatedAt; // of the last chunk so far (follow mode resumes after it)
    qint64 lastRowid = 0;
    int chunkCount = 0; // chunks so far
    QString error;
};
// Reads one session in the calling (worker) thread and hands it to PART in pieces, so the first
// screen shows before the last chunk is read and the bytes exist once (in the receiver): the
// first piece as soon as FIRSTBYTES are read, then one per PARTBYTES, then the last one. PART
// returning false stops the read (the session is no longer wanted).
void streamSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const std::function<bool(SessionPart &&)> &part, qsizetype firstBytes = qsizetype(192) * 1024,
    qsizetype partBytes = qsizetype(2) * 1024 * 1024);

// Follow mode: the chunks committed after the last one seen.
QVector<LogChunk> loadNewChunks(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const Timestamp &lastCreatedAt, qint64 lastRowid);

// Figures (turns, cost, tokens, outcome, bytes) of every listed session but SKIP (the one on screen,
// whose figures come from its own read); reads each session once.
QHash<qint64, SessionFigures> loadSessionFigures(
    const std::shared_ptr<Database> &db, const QVector<LogSessionInfo> &sessions, bool agentRunning, qint64 skip = -1);

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
