#include "logloader.h"

#include "logchunkrepository.h"
#include "workrepositories.h"

using namespace Qt::StringLiterals;

namespace cwi {

AgentLogs loadAgentLogs(const std::shared_ptr<Database> &db, const QString &agentId)
{
    AgentLogs out;
    out.agentId = agentId;
    if (!db)
        return out;
    out.sessions = makeLogChunkRepository(db)->sessions(agentId, &out.error);
    out.agent = makeAgentRepository(db)->findById(agentId);
    if (out.agent) {
        if (!out.agent->taskId.isEmpty()) {
            if (const auto task = makeTaskRepository(db)->findById(out.agent->taskId))
                out.taskName = task->name;
        }
        if (!out.agent->initiativeId.isEmpty()) {
            if (const auto initiative = makeInitiativeRepository(db)->findById(out.agent->initiativeId))
                out.initiativeName = initiative->name;
        }
        if (!out.agent->accountId.isEmpty()) {
            if (const auto account = makeAccountRepository(db)->findById(out.agent->accountId))
                out.accountEmail = account->email;
        }
    }
    return out;
}

LoadedSession loadSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber)
{
    LoadedSession out;
    out.agentId = agentId;
    out.sessionNumber = sessionNumber;
    out.transcript = std::make_shared<Transcript>();
    if (!db)
        return out;
    // Streamed: each chunk's bytes go straight into the index, so only one copy is kept.
    makeLogChunkRepository(db)->readChunks(
        agentId, sessionNumber,
        [&out](LogChunk &chunk) {
            out.transcript->appendBytes(chunk.content);
            ++out.chunkCount;
            out.lastCreatedAt = chunk.createdAt;
            out.lastRowid = chunk.rowid;
        },
        &out.error);
    out.transcript->outlineAll();
    return out;
}

QVector<LogChunk> loadNewChunks(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const Timestamp &lastCreatedAt, qint64 lastRowid)
{
    if (!db)
        return {};
    return makeLogChunkRepository(db)->chunksAfter(agentId, sessionNumber, lastCreatedAt, lastRowid);
}

QHash<qint64, SessionFigures> loadSessionFigures(
    const std::shared_ptr<Database> &db, const QVector<LogSessionInfo> &sessions, bool agentRunning)
{
    QHash<qint64, SessionFigures> out;
    if (!db)
        return out;
    const auto repo = makeLogChunkRepository(db);
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const LogSessionInfo &info = sessions.at(i);
        LineIndex index;
        repo->readChunks(info.agentId, info.sessionNumber, [&index](LogChunk &chunk) { index.append(chunk.content); });
        // Only the newest session can still be running.
        out.insert(info.sessionNumber, sessionFigures(summarizeSession(index), info, agentRunning && i == 0));
    }
    return out;
}

LogTotals loadLogTotals(const std::shared_ptr<Database> &db, const QStringList &agentIds)
{
    LogTotals totals;
    if (!db)
        return totals;
    const auto repo = makeLogChunkRepository(db);
    for (const QString &agentId : agentIds) {
        const QVector<LogSessionInfo> sessions = repo->sessions(agentId);
        if (sessions.isEmpty())
            continue;
        ++totals.agents;
        const QHash<qint64, SessionFigures> figures = loadSessionFigures(db, sessions, false);
        for (const SessionFigures &f : figures) {
            ++totals.sessions;
            if (f.outcome == SessionOutcome::Failed)
                ++totals.failedSessions;
            if (f.costUsd > 0)
                totals.costUsd += f.costUsd;
            totals.usage += f.usage;
            totals.turns += std::max<qint64>(0, f.turns);
            totals.durationMs += std::max<qint64>(0, f.durationMs);
        }
    }
    return totals;
}

} // namespace cwi
