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

AllLogs loadAllLogs(const std::shared_ptr<Database> &db)
{
    AllLogs all;
    if (!db)
        return all;
    all.sessions = makeLogChunkRepository(db)->allSessions(&all.error);
    const QVector<Agent> agents = makeAgentRepository(db)->findAll();
    for (const Agent &a : agents)
        all.agents.insert(a.id);
    return all;
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
            return true;
        },
        [&out]() {
            out.transcript = std::make_shared<Transcript>();
            out.chunkCount = 0;
        },
        &out.error);
    out.transcript->outlineAll();
    return out;
}

void streamSession(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const std::function<bool(SessionPart &&)> &part, qsizetype firstBytes, qsizetype partBytes)
{
    SessionPart pending;
    qsizetype pendingBytes = 0;
    qsizetype limit = firstBytes;
    bool wanted = true;
    const auto flush = [&](bool last) {
        pending.last = last;
        const SessionPart next { {}, false, false, pending.lastCreatedAt, pending.lastRowid, pending.chunkCount, {} };
        wanted = part(std::exchange(pending, next));
        pendingBytes = 0;
        limit = partBytes;
        return wanted;
    };
    if (!db) {
        flush(true);
        return;
    }
    QString error;
    makeLogChunkRepository(db)->readChunks(
        agentId, sessionNumber,
        [&](LogChunk &chunk) {
            pendingBytes += chunk.content.size();
            pending.chunks.append(std::move(chunk.content));
            pending.lastCreatedAt = chunk.createdAt;
            pending.lastRowid = chunk.rowid;
            ++pending.chunkCount;
            return pendingBytes < limit || flush(false);
        },
        [&]() {
            pending = SessionPart {};
            pending.restart = true;
            pendingBytes = 0;
        },
        &error);
    if (!wanted)
        return;
    pending.error = error;
    flush(true);
}

QVector<LogChunk> loadNewChunks(const std::shared_ptr<Database> &db, const QString &agentId, qint64 sessionNumber,
    const Timestamp &lastCreatedAt, qint64 lastRowid)
{
    if (!db)
        return {};
    return makeLogChunkRepository(db)->chunksAfter(agentId, sessionNumber, lastCreatedAt, lastRowid);
}

QHash<qint64, SessionFigures> loadSessionFigures(
    const std::shared_ptr<Database> &db, const QVector<LogSessionInfo> &sessions, bool agentRunning, qint64 skip)
{
    QHash<qint64, SessionFigures> out;
    if (!db)
        return out;
    const auto repo = makeLogChunkRepository(db);
    for (qsizetype i = 0; i < sessions.size(); ++i) {
        const LogSessionInfo &info = sessions.at(i);
        if (info.sessionNumber == skip)
            continue;
        // Summarized as it is read: a 100 MB session is added up holding one chunk, not 100 MB.
        SessionSummarizer summarizer;
        repo->readChunks(
            info.agentId, info.sessionNumber,
            [&summarizer](LogChunk &chunk) {
                summarizer.append(chunk.content);
                return true;
            },
            [&summarizer]() { summarizer.clear(); });
        const qint64 bytes = summarizer.byteCount();
        // Only the newest session can still be running.
        SessionFigures figures = sessionFigures(summarizer.finish(), info, agentRunning && i == 0);
        figures.bytes = bytes;
        out.insert(info.sessionNumber, figures);
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
