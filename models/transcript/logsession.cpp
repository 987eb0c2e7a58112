#include "logsession.h"

#include "appcontext.h"
#include "database.h"
#include "eventpresentation.h"
#include "inflightbudget.h"
#include "logsearch.h"
#include "rawlinesmodel.h"
#include "sessionlistmodel.h"
#include "streamevent.h"
#include "transcriptexport.h"
#include "transcriptmodel.h"

#include <QJsonDocument>
#include <QLocale>

#include <utility>

using namespace Qt::StringLiterals;

namespace cwi {

LogSession::LogSession(AppContext *ctx, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_sessions(new SessionListModel(this))
    , m_transcript(new TranscriptModel(this))
    , m_raw(new RawLinesModel(this))
    , m_search(new LogSearch(m_transcript, this))
{
    m_jobs.follow(m_search->jobs());
    connect(&m_jobs, &JobTracker::busyChanged, this, &LogSession::busyChanged);
    connectDatabase();
    connect(m_ctx, &AppContext::databaseChanged, this, [this]() {
        connectDatabase();
        if (!m_agentId.isEmpty())
            showAgent(m_agentId);
    });
    connect(m_ctx, &AppContext::dataChanged, this, &LogSession::refreshFollow);
}

LogSession::~LogSession() = default;

void LogSession::connectDatabase()
{
    if (m_db)
        disconnect(m_db.get(), nullptr, this, nullptr);
    m_db = m_ctx->database();
    if (m_db)
        connect(m_db.get(), &Database::externallyChanged, this, &LogSession::refreshFollow);
}

void LogSession::cancelAgentReads()
{
    m_jobs.cancel(kAgentChannel);
    m_jobs.cancel(kFiguresChannel);
}

void LogSession::cancelSessionReads()
{
    m_search->clear();
    for (int channel : { kSessionChannel, kSummaryChannel, kFollowChannel })
        m_jobs.cancel(channel);
}

void LogSession::setTitle(const QString &title)
{
    m_title = title;
    Q_EMIT titleChanged(title);
}

void LogSession::setStatus(const QString &text)
{
    m_status = text;
    Q_EMIT statusChanged(text);
}

void LogSession::showAgent(const QString &agentId)
{
    m_allLogs = false;
    m_agentId = agentId;
    m_sessionNumber = -1;
    cancelSessionReads();
    cancelAgentReads();
    m_transcript->clear();
    m_raw->setTranscript(nullptr);
    setTitle(agentId);
    if (!m_db) {
        setPlaceholder(tr("No database is open."));
        return;
    }
    setPlaceholder(tr("Loading the log of %1…").arg(agentId));
    const auto db = m_db;
    m_jobs.run(
        kAgentChannel, [db, agentId]() { return loadAgentLogs(db, agentId); },
        [this](const AgentLogs &logs) { onAgentLoaded(logs, true); });
}

void LogSession::showSession(const QString &agentId, qint64 sessionNumber)
{
    if (agentId != m_agentId) {
        // Another agent: its record (and, unless all logs are listed, its sessions), this session.
        m_agentId = agentId;
        cancelAgentReads();
        const auto db = m_db;
        m_jobs.run(
            kAgentChannel, [db, agentId]() { return loadAgentLogs(db, agentId); },
            [this](const AgentLogs &logs) {
                if (m_allLogs) {
                    m_agentRunning = logs.agent && logs.agent->status == u"running";
                    Q_EMIT recordLoaded(logs);
                } else {
                    onAgentLoaded(logs, false);
                }
            });
    }
    openSession(sessionNumber);
}

void LogSession::showSessionAt(const QString &agentId, qint64 sessionNumber, qint64 line)
{
    showSession(agentId, sessionNumber);
    m_pendingLine = line;
}

void LogSession::showAllLogs()
{
    if (!m_db)
        return;
    cancelAgentReads();
    const auto db = m_db;
    m_jobs.run(
        kAgentChannel, [db]() { return loadAllLogs(db); },
        [this](const AllLogs &all) {
            m_allLogs = true;
            setTitle(tr("All logs"));
            m_sessions->setSessions(all.sessions, all.agents);
            Q_EMIT sessionsListed();
            setPlaceholder({});
            if (!all.error.isEmpty())
                setStatus(all.error);
        });
}

void LogSession::onAgentLoaded(const AgentLogs &logs, bool reopenSession)
{
    m_agentRunning = logs.agent && logs.agent->status == u"running";
    setTitle(logs.agent ? logs.agent->name
                        : (logs.sessions.isEmpty() ? logs.agentId : logs.sessions.constFirst().agentName));
    Q_EMIT recordLoaded(logs);
    const qint64 keep = m_sessionNumber;
    m_sessions->setSessions(logs.sessions, logs.agent ? QSet<QString> { logs.agentId } : QSet<QString>());
    Q_EMIT sessionsListed();
    if (logs.sessions.isEmpty()) {
        if (!logs.error.isEmpty())
            setPlaceholder(logs.error);
        else if (!logs.agent)
            setPlaceholder(tr("There is no agent %1 and no log under that id.").arg(logs.agentId));
        else
            setPlaceholder(tr("%1 has no log yet (no rows in agent_log_chunks).").arg(logs.agent->name));
        return;
    }
    setPlaceholder({});
    const qint64 session = reopenSession || keep < 0 ? logs.sessions.constFirst().sessionNumber : keep;
    Q_EMIT currentSessionChanged(logs.agentId, session);
    if (reopenSession)
        openSession(session);

    // Turns, cost, tokens and outcome of every session (reads them all once).
    const auto db = m_db;
    const bool running = m_agentRunning;
    const QVector<LogSessionInfo> sessions = logs.sessions;
    // The session on screen gets its figures from its own read (onSummary), not a second copy.
    m_jobs.run(
        kFiguresChannel,
        [db, sessions, running, session]() { return loadSessionFigures(db, sessions, running, session); },
        [this, agentId = logs.agentId](const QHash<qint64, SessionFigures> &figures) {
            for (auto it = figures.cbegin(); it != figures.cend(); ++it)
                m_sessions->setFigures(agentId, it.key(), it.value());
        });
}

void LogSession::openSession(qint64 sessionNumber)
{
    m_sessionNumber = sessionNumber;
    m_pendingLine = -1;
    cancelSessionReads(); // the previous session's read stops at its next chunk
    m_summary.reset();
    Q_EMIT summaryChanged();
    m_followPending = false;
    m_sessionShown = false;
    m_sessionReading = true;
    setStatus(tr("Reading session %1…").arg(sessionNumber));
    const auto db = m_db;
    const QString agentId = m_agentId;
    // The session arrives in parts: the first screen from its first chunks, the rest appended.
    // The reader waits while the parts it sent and this thread has not appended yet pass
    // kPartsInFlight (InFlightBudget).
    constexpr qint64 kPartsInFlight = qint64(8) * 1024 * 1024;
    auto budget = std::make_shared<InFlightBudget>(kPartsInFlight);
    m_partBudget = budget;
    const auto bytesOf = [](const SessionPart &part) {
        qint64 bytes = 0;
        for (const QByteArray &chunk : part.chunks)
            bytes += chunk.size();
        return bytes;
    };
    m_jobs.stream<SessionPart>(
        kSessionChannel,
        [db, agentId, sessionNumber, budget, bytesOf](const CancelToken &token, const Reporter<SessionPart> &reporter) {
            streamSession(db, agentId, sessionNumber, [&](SessionPart &&part) {
                return budget->acquire(bytesOf(part), token) && reporter.report(std::move(part));
            });
        },
        [this, budget, bytesOf](SessionPart part) {
            const qint64 bytes = bytesOf(part);
            onSessionPart(std::move(part));
            budget->release(bytes);
        },
        [] {});
}

qint64 LogSession::partBytesPeak() const
{
    return m_partBudget ? m_partBudget->peak() : 0;
}

void LogSession::onSessionPart(SessionPart part)
{
    if (!m_sessionShown || part.restart) {
        // The first screen: a fresh transcript from the first chunks.
        auto transcript = std::make_unique<Transcript>();
        for (const QByteArray &chunk : std::as_const(part.chunks))
            transcript->appendBytes(chunk);
        transcript->outlineAll();
        setPlaceholder({});
        m_transcript->setTranscript(std::move(transcript));
        m_raw->setTranscript(m_transcript->transcript());
        Q_EMIT transcriptReset();
        Q_EMIT currentSessionChanged(m_agentId, m_sessionNumber);
        m_sessionShown = true;
    } else {
        for (const QByteArray &chunk : std::as_const(part.chunks))
            m_transcript->appendChunk(chunk);
        m_raw->refresh();
    }
    part.chunks.clear();
    m_lastCreatedAt = part.lastCreatedAt;
    m_lastRowid = part.lastRowid;
    m_chunkCount = part.chunkCount;
    if (part.last)
        onSessionRead(part.error);
    else
        setStatus(tr("Reading session %1… %2 so far")
                      .arg(m_sessionNumber)
                      .arg(QLocale().formattedDataSize(m_transcript->transcript()->index().byteCount())));
}

void LogSession::onSessionRead(const QString &error)
{
    m_sessionReading = false;
    if (!error.isEmpty())
        setStatus(error);
    else
        updateStatus();
    if (m_pendingLine >= 0)
        Q_EMIT lineRequested(int(std::exchange(m_pendingLine, -1)));
    else if (m_agentRunning && m_following)
        Q_EMIT endRequested();
    summarize();
}

// Counts every kind (and finds the first error) in a worker: the view parsed only the rows shown.
void LogSession::summarize()
{
    const LineIndex index = m_transcript->transcript()->index();
    m_jobs.run(
        kSummaryChannel, [index]() { return summarizeSession(index); },
        [this](const SessionSummary &summary) { onSummary(summary); });
}

void LogSession::onSummary(const SessionSummary &summary)
{
    m_summary = std::make_shared<SessionSummary>(summary);
    m_transcript->setLineKinds(summary.kinds);
    Q_EMIT summaryChanged();
    LogSessionInfo info;
    const QModelIndex current = m_sessions->indexOf(m_agentId, m_sessionNumber);
    if (const LogSessionInfo *s = m_sessions->session(current))
        info = *s;
    SessionFigures figures = sessionFigures(summary, info, m_agentRunning && current.row() == 0);
    figures.bytes = m_transcript->transcript()->index().byteCount();
    m_sessions->setFigures(m_agentId, m_sessionNumber, figures);
    updateStatus();
}

void LogSession::updateStatus()
{
    const Transcript *t = m_transcript->transcript();
    if (!t) {
        setStatus({});
        return;
    }
    QStringList parts;
    parts << tr("%1 lines").arg(QLocale().toString(t->lineCount())) << tr("%1 chunks").arg(m_chunkCount)
          << QLocale().formattedDataSize(t->index().byteCount());
    if (m_summary) {
        const SessionSummary &s = *m_summary;
        if (s.hasResult)
            parts << tr("%1 turns · %2 · %3 tokens")
                         .arg(s.turns())
                         .arg(formatCost(s.result.costUsd), formatTokens(s.usage.total()));
        else
            parts << tr("%1 messages · %2 tokens").arg(s.messageCount).arg(formatTokens(s.usage.total()));
        if (s.count(EventKind::Unparseable) > 0)
            parts << tr("⚠ %1 unparseable").arg(s.count(EventKind::Unparseable));
        if (s.count(EventKind::UnknownType) > 0)
            parts << tr("%1 unknown type").arg(s.count(EventKind::UnknownType));
        if (s.count(EventKind::StreamEvent) > 0)
            parts << tr("%1 stream events skipped").arg(s.count(EventKind::StreamEvent));
    } else {
        parts << tr("counting…");
    }
    if (t->hasPartialTail())
        parts << tr("last line incomplete");
    if (m_following && m_agentRunning)
        parts << tr("following");
    setStatus(parts.join(u"  ·  "_s));
}

void LogSession::setFollowing(bool follow)
{
    m_following = follow;
    if (follow)
        refreshFollow();
    updateStatus();
}

void LogSession::refreshFollow()
{
    if (!m_following || !m_db || m_agentId.isEmpty() || m_sessionNumber < 0 || !m_transcript->transcript()
        || m_sessionReading)
        return;
    if (m_followPending) {
        m_followAgain = true; // the file changed again while reading: read once more afterwards
        return;
    }
    m_followPending = true;
    const auto db = m_db;
    const QString agentId = m_agentId;
    const qint64 session = m_sessionNumber;
    const Timestamp last = m_lastCreatedAt;
    const qint64 rowid = m_lastRowid;
    m_jobs.run(
        kFollowChannel,
        [db, agentId, session, last, rowid]() { return loadNewChunks(db, agentId, session, last, rowid); },
        [this](const QVector<LogChunk> &chunks) {
            m_followPending = false;
            onNewChunks(chunks);
            if (std::exchange(m_followAgain, false))
                refreshFollow();
        });
}

void LogSession::onNewChunks(const QVector<LogChunk> &chunks)
{
    if (chunks.isEmpty())
        return;
    Q_EMIT chunksAboutToBeFollowed();
    for (const LogChunk &chunk : chunks) {
        m_transcript->appendChunk(chunk.content);
        m_lastCreatedAt = chunk.createdAt;
        m_lastRowid = chunk.rowid;
        ++m_chunkCount;
    }
    m_raw->refresh();
    m_summary.reset(); // counts are stale until the next full pass
    Q_EMIT summaryChanged();
    updateStatus();
    Q_EMIT chunksFollowed();
    summarize();
}

void LogSession::jumpToFirstError()
{
    if (m_summary && m_summary->firstErrorLine >= 0)
        Q_EMIT lineRequested(m_summary->firstErrorLine);
}

QString LogSession::lineAsJson(int line) const
{
    const Transcript *t = m_transcript->transcript();
    if (!t || line < 0 || line >= t->lineCount())
        return {};
    const QByteArrayView raw = t->index().line(line);
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toByteArray());
    return doc.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) : displayText(raw);
}

QString LogSession::suggestedExportName(const QString &format) const
{
    if (m_agentId.isEmpty() || m_sessionNumber < 0 || !m_db)
        return {};
    // The name comes from the file: only its letters, digits, '.', '_' and '-' go into the file
    // name offered (no folder separators, no control characters).
    QString name = (m_title.isEmpty() ? m_agentId : m_title).left(80);
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'_' && c != u'-')
            c = u'-';
    }
    if (name.startsWith(u'.'))
        name.prepend(u"agent"_s);
    return u"%1-session-%2.%3"_s.arg(name).arg(m_sessionNumber).arg(format);
}

void LogSession::exportTo(const QString &format, const QString &path)
{
    if (m_agentId.isEmpty() || m_sessionNumber < 0 || !m_db)
        return;
    const auto db = m_db;
    const QString agentId = m_agentId;
    const qint64 session = m_sessionNumber;
    struct Outcome
    {
        int code = 0;
        QString error;
    };
    m_jobs.add(
        kExportChannel,
        [db, agentId, session, format, path]() {
            Outcome o;
            o.code = exportSession(db, agentId, session, format, path, &o.error);
            return o;
        },
        [this, path](const Outcome &o) {
            setStatus(o.code == 0 ? tr("Exported to %1").arg(path) : tr("Export failed: %1").arg(o.error));
        });
}

} // namespace cwi
