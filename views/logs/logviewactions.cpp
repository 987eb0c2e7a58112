// LogView: loading agents and sessions, follow mode, search, navigation, copy and export.

#include "logview.h"

#include "agentrecordpanel.h"
#include "appcontext.h"
#include "elidedlabel.h"
#include "transcript/inflightbudget.h"
#include "transcript/rawlinesmodel.h"
#include "transcript/sessionlistmodel.h"
#include "transcript/transcriptexport.h"
#include "transcript/transcriptfiltermodel.h"
#include "transcript/transcriptmodel.h"
#include "transcriptdelegate.h"

#include "logchunkrepository.h"
#include "workrepositories.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPointer>
#include <QProgressBar>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QTimer>
#include <QToolButton>
#include <QTreeView>

#include <atomic>
#include <utility>

using namespace Qt::StringLiterals;

namespace cwi {

void LogView::cancelAgentReads()
{
    m_jobs.cancel(kAgentChannel);
    m_jobs.cancel(kFiguresChannel);
}

void LogView::cancelSessionReads()
{
    for (int channel : { kSessionChannel, kSummaryChannel, kFollowChannel, kSearchChannel })
        m_jobs.cancel(channel);
}

void LogView::showAgent(const QString &agentId)
{
    m_allLogs = false;
    m_agentId = agentId;
    m_sessionNumber = -1;
    cancelSessionReads();
    cancelAgentReads();
    m_transcript->clear();
    m_raw->setTranscript(nullptr);
    m_title->setFullText(agentId);
    if (!m_db) {
        showPlaceholder(u"No database is open."_s);
        return;
    }
    showPlaceholder(u"Loading the log of %1…"_s.arg(agentId));
    const auto db = m_db;
    m_jobs.run(
        kAgentChannel, [db, agentId]() { return loadAgentLogs(db, agentId); },
        [this](const AgentLogs &logs) { onAgentLoaded(logs, true); });
}

void LogView::showSession(const QString &agentId, qint64 sessionNumber)
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
                    m_record->showRecord(logs);
                    m_agentRunning = logs.agent && logs.agent->status == u"running";
                } else {
                    onAgentLoaded(logs, false);
                }
            });
    }
    openSession(sessionNumber);
}

void LogView::showSessionAt(const QString &agentId, qint64 sessionNumber, qint64 line)
{
    showSession(agentId, sessionNumber);
    m_pendingLine = line;
}

void LogView::showAllLogs()
{
    if (!m_db)
        return;
    cancelAgentReads();
    const auto db = m_db;
    struct All
    {
        QVector<LogSessionInfo> sessions;
        QSet<QString> agents;
        QString error;
    };
    m_jobs.run(
        kAgentChannel,
        [db]() {
            All all;
            all.sessions = makeLogChunkRepository(db)->allSessions(&all.error);
            const QVector<Agent> agents = makeAgentRepository(db)->findAll();
            for (const Agent &a : agents)
                all.agents.insert(a.id);
            return all;
        },
        [this](const All &all) {
            m_allLogs = true;
            m_title->setFullText(u"All logs"_s);
            m_sessions->setSessions(all.sessions, all.agents);
            m_sessionView->expandAll();
            m_pages->setCurrentWidget(m_splitter);
            if (!all.error.isEmpty())
                m_status->setText(all.error);
        });
}

void LogView::onAgentLoaded(const AgentLogs &logs, bool reopenSession)
{
    m_agentRunning = logs.agent && logs.agent->status == u"running";
    m_title->setFullText(logs.agent ? logs.agent->name
                                    : (logs.sessions.isEmpty() ? logs.agentId : logs.sessions.constFirst().agentName));
    m_record->showRecord(logs);
    const qint64 keep = m_sessionNumber;
    m_sessions->setSessions(logs.sessions, logs.agent ? QSet<QString> { logs.agentId } : QSet<QString>());
    m_sessionView->expandAll();
    if (logs.sessions.isEmpty()) {
        if (!logs.error.isEmpty())
            showPlaceholder(logs.error);
        else if (!logs.agent)
            showPlaceholder(u"There is no agent %1 and no log under that id."_s.arg(logs.agentId));
        else
            showPlaceholder(u"%1 has no log yet (no rows in agent_log_chunks)."_s.arg(logs.agent->name));
        return;
    }
    m_pages->setCurrentWidget(m_splitter);
    const qint64 session = reopenSession || keep < 0 ? logs.sessions.constFirst().sessionNumber : keep;
    {
        const QSignalBlocker blocker(m_sessionView->selectionModel());
        m_sessionView->setCurrentIndex(m_sessions->indexOf(logs.agentId, session));
    }
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

void LogView::openSession(qint64 sessionNumber)
{
    m_sessionNumber = sessionNumber;
    m_pendingLine = -1;
    cancelSessionReads(); // the previous session's read stops at its next chunk
    m_summary.reset();
    m_search = {};
    m_hit = -1;
    m_delegate->setHighlight({});
    updateHitLabel();
    m_filterCombo->setCurrentIndex(TranscriptFilterModel::AllEvents);
    m_filterCombo->setEnabled(false);
    m_firstErrorAction->setEnabled(false);
    m_followPending = false;
    m_sessionShown = false;
    m_sessionReading = true;
    m_status->setText(tr("Reading session %1…").arg(sessionNumber));
    const auto db = m_db;
    const QString agentId = m_agentId;
    // The session arrives in parts: the first screen from its first chunks, the rest appended.
    // The reader waits while the parts it sent and this thread has not appended yet pass
    // kPartsInFlight (InFlightBudget).
    constexpr qint64 kPartsInFlight = 8 * 1024 * 1024;
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

qint64 LogView::partBytesPeak() const
{
    return m_partBudget ? m_partBudget->peak() : 0;
}

void LogView::onSessionPart(SessionPart part)
{
    if (!m_sessionShown || part.restart) {
        // The first screen: a fresh transcript from the first chunks.
        auto transcript = std::make_unique<Transcript>();
        for (const QByteArray &chunk : std::as_const(part.chunks))
            transcript->appendBytes(chunk);
        transcript->outlineAll();
        m_pages->setCurrentWidget(m_splitter);
        m_delegate->clearCache();
        m_transcript->setTranscript(std::move(transcript));
        m_raw->setTranscript(m_transcript->transcript());
        {
            const QSignalBlocker blocker(m_sessionView->selectionModel());
            m_sessionView->setCurrentIndex(m_sessions->indexOf(m_agentId, m_sessionNumber));
        }
        m_transcriptView->scrollToTop();
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
        m_status->setText(tr("Reading session %1… %2 so far")
                              .arg(m_sessionNumber)
                              .arg(QLocale().formattedDataSize(m_transcript->transcript()->index().byteCount())));
}

void LogView::onSessionRead(const QString &error)
{
    m_sessionReading = false;
    if (!error.isEmpty())
        m_status->setText(error);
    else
        updateStatus();
    if (m_pendingLine >= 0)
        goToLine(int(std::exchange(m_pendingLine, -1)));
    else if (m_agentRunning && m_followAction->isChecked())
        m_transcriptView->scrollToBottom();

    // Count every kind (and find the first error) in a worker: the view parsed only the rows shown.
    const LineIndex index = m_transcript->transcript()->index();
    m_jobs.run(
        kSummaryChannel, [index]() { return summarizeSession(index); },
        [this](const SessionSummary &summary) { onSummary(summary); });
}

void LogView::onSummary(const SessionSummary &summary)
{
    m_summary = std::make_shared<SessionSummary>(summary);
    m_transcript->setLineKinds(summary.kinds);
    // With the kinds known, rows that cannot expand (plain text) lose their expand arrow.
    m_transcriptView->doItemsLayout();
    m_filterCombo->setEnabled(true);
    m_firstErrorAction->setEnabled(summary.firstErrorLine >= 0);
    SessionListModel *list = m_sessions;
    LogSessionInfo info;
    if (const LogSessionInfo *s = list->session(list->indexOf(m_agentId, m_sessionNumber)))
        info = *s;
    const bool newest = m_sessions->indexOf(m_agentId, m_sessionNumber).row() == 0;
    SessionFigures figures = sessionFigures(summary, info, m_agentRunning && newest);
    figures.bytes = m_transcript->transcript()->index().byteCount();
    list->setFigures(m_agentId, m_sessionNumber, figures);
    updateStatus();
}

void LogView::updateStatus()
{
    const Transcript *t = m_transcript->transcript();
    if (!t) {
        m_status->clear();
        return;
    }
    QStringList parts;
    parts << u"%1 lines"_s.arg(QLocale().toString(t->lineCount())) << u"%1 chunks"_s.arg(m_chunkCount)
          << QLocale().formattedDataSize(t->index().byteCount());
    if (m_summary) {
        const SessionSummary &s = *m_summary;
        if (s.hasResult)
            parts << u"%1 turns · %2 · %3 tokens"_s.arg(s.turns()).arg(
                formatCost(s.result.costUsd), formatTokens(s.usage.total()));
        else
            parts << u"%1 messages · %2 tokens"_s.arg(s.messageCount).arg(formatTokens(s.usage.total()));
        if (s.count(EventKind::Unparseable) > 0)
            parts << u"⚠ %1 unparseable"_s.arg(s.count(EventKind::Unparseable));
        if (s.count(EventKind::UnknownType) > 0)
            parts << u"%1 unknown type"_s.arg(s.count(EventKind::UnknownType));
        if (s.count(EventKind::StreamEvent) > 0)
            parts << u"%1 stream events skipped"_s.arg(s.count(EventKind::StreamEvent));
    } else {
        parts << u"counting…"_s;
    }
    if (t->hasPartialTail())
        parts << u"last line incomplete"_s;
    if (m_followAction->isChecked() && m_agentRunning)
        parts << u"following"_s;
    m_status->setText(parts.join(u"  ·  "_s));
}

void LogView::setFollowing(bool follow)
{
    if (m_followAction->isChecked() != follow)
        m_followAction->setChecked(follow);
    if (follow)
        refreshFollow();
    updateStatus();
}

void LogView::refreshFollow()
{
    if (!m_followAction->isChecked() || !m_db || m_agentId.isEmpty() || m_sessionNumber < 0
        || !m_transcript->transcript() || m_sessionReading)
        return;
    if (m_followPending) {
        m_followAgain = true;
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

void LogView::onNewChunks(const QVector<LogChunk> &chunks)
{
    if (chunks.isEmpty())
        return;
    QScrollBar *bar = m_transcriptView->verticalScrollBar();
    const bool atBottom = bar->value() >= bar->maximum();
    for (const LogChunk &chunk : chunks) {
        m_transcript->appendChunk(chunk.content);
        m_lastCreatedAt = chunk.createdAt;
        m_lastRowid = chunk.rowid;
        ++m_chunkCount;
    }
    m_raw->refresh();
    m_summary.reset(); // counts are stale until the next full pass
    m_filterCombo->setEnabled(false);
    if (m_filterCombo->currentIndex() != TranscriptFilterModel::AllEvents)
        m_filterCombo->setCurrentIndex(TranscriptFilterModel::AllEvents);
    updateStatus();
    if (atBottom) {
        m_transcriptView->scrollToBottom();
        m_rawView->scrollToBottom();
    }
    const LineIndex index = m_transcript->transcript()->index();
    m_jobs.run(
        kSummaryChannel, [index]() { return summarizeSession(index); },
        [this](const SessionSummary &summary) { onSummary(summary); });
}

void LogView::find(const QString &needle)
{
    if (m_searchState)
        m_searchState->cancel = true;
    m_search = {};
    m_search.needle = needle;
    m_hit = -1;
    m_delegate->setHighlight(needle);
    if (needle.isEmpty() || !m_transcript->transcript()) {
        m_jobs.cancel(kSearchChannel);
        m_searchState.reset();
        m_progressTimer->stop();
        m_searchProgress->setEnabled(false);
        m_searchProgress->setValue(0);
        m_cancelSearchAction->setEnabled(false);
        updateHitLabel();
        return;
    }
    auto state = std::make_shared<SearchState>();
    m_searchState = state;
    m_searchProgress->setValue(0);
    m_searchProgress->setEnabled(true);
    m_cancelSearchAction->setEnabled(true);
    m_progressTimer->start();
    m_hitLabel->setText(u"searching…"_s);
    const LineIndex index = m_transcript->transcript()->index();
    // The transcript hides ids, keys and usage fields; only Raw shows them, so only Raw counts them.
    const SearchScope scope = m_rawAction->isChecked() ? SearchScope::StoredBytes : SearchScope::ShownText;
    m_jobs.run(
        kSearchChannel,
        [index, needle, state, scope]() {
            return searchTranscript(index, needle, &state->cancel, &state->progress, scope);
        },
        [this](const TranscriptSearchResult &result) {
            m_progressTimer->stop();
            m_searchProgress->setEnabled(false);
            m_searchProgress->setValue(result.cancelled ? 0 : 1000);
            m_cancelSearchAction->setEnabled(false);
            m_searchState.reset();
            onSearchDone(result);
        });
}

void LogView::onSearchDone(const TranscriptSearchResult &result)
{
    m_search = result;
    m_hit = -1;
    updateHitLabel();
    if (!result.lines.isEmpty() && !result.cancelled)
        findNext();
}

void LogView::findNext()
{
    if (m_search.lines.isEmpty())
        return;
    m_hit = (m_hit + 1) % int(m_search.lines.size());
    goToLine(m_search.lines.at(m_hit));
    updateHitLabel();
}

void LogView::findPrevious()
{
    if (m_search.lines.isEmpty())
        return;
    m_hit = (m_hit <= 0 ? int(m_search.lines.size()) : m_hit) - 1;
    goToLine(m_search.lines.at(m_hit));
    updateHitLabel();
}

void LogView::updateHitLabel()
{
    if (m_search.needle.isEmpty()) {
        m_hitLabel->clear();
        return;
    }
    if (m_search.cancelled) {
        m_hitLabel->setText(u"cancelled"_s);
        return;
    }
    if (m_search.lines.isEmpty()) {
        m_hitLabel->setText(u"no hits"_s);
        return;
    }
    m_hitLabel->setText(u"%1 / %2 lines (%3 hits)"_s.arg(m_hit + 1).arg(m_search.lines.size()).arg(m_search.hits));
}

void LogView::jumpToFirstError()
{
    if (m_summary && m_summary->firstErrorLine >= 0)
        goToLine(m_summary->firstErrorLine);
}

void LogView::goToLine(int line)
{
    if (m_rawAction->isChecked()) {
        const QModelIndex raw = m_raw->index(line);
        m_rawView->setCurrentIndex(raw);
        m_rawView->scrollTo(raw, QAbstractItemView::PositionAtCenter);
        return;
    }
    QModelIndex index = m_transcript->indexForLine(line);
    if (!index.isValid())
        return;
    if (m_transcriptView->model() == m_filter) {
        QModelIndex mapped = m_filter->mapFromSource(index);
        if (!mapped.isValid()) {
            m_filterCombo->setCurrentIndex(TranscriptFilterModel::AllEvents);
        } else {
            index = mapped;
        }
    }
    for (QModelIndex p = index.parent(); p.isValid(); p = p.parent())
        m_transcriptView->expand(p);
    // The hit may be in the detail (thinking text, full input): show it.
    if (index.model()->rowCount(index) > 0
        && index.model()->index(0, 0, index).data(TranscriptModel::IsDetailRole).toBool())
        m_transcriptView->expand(index);
    m_transcriptView->setCurrentIndex(index);
    m_transcriptView->scrollTo(index, QAbstractItemView::PositionAtTop);
}

void LogView::setRawMode(bool raw)
{
    if (m_rawAction->isChecked() != raw)
        m_rawAction->setChecked(raw);
    m_chunkMarksAction->setEnabled(raw);
    if (!m_search.needle.isEmpty()) // Raw shows every field: what counts as a hit changes with it
        QTimer::singleShot(0, this, [this, needle = m_search.needle] { find(needle); });
    m_transcriptStack->setCurrentWidget(raw ? static_cast<QWidget *>(m_rawView) : m_transcriptView);
    // Keep the place: the current line in one mode is the current line in the other.
    if (raw) {
        const QModelIndex current = m_transcriptView->currentIndex();
        const int line = current.isValid() ? current.data(TranscriptModel::LineRole).toInt() : -1;
        if (line >= 0)
            goToLine(line);
    } else if (m_rawView->currentIndex().isValid()) {
        goToLine(m_rawView->currentIndex().row());
    }
}

void LogView::copyCurrentEvent()
{
    const Transcript *t = m_transcript->transcript();
    int line = -1;
    if (m_rawAction->isChecked() && m_rawView->currentIndex().isValid())
        line = m_rawView->currentIndex().row();
    else if (m_transcriptView->currentIndex().isValid())
        line = m_transcriptView->currentIndex().data(TranscriptModel::LineRole).toInt();
    if (!t || line < 0 || line >= t->lineCount())
        return;
    const QByteArrayView raw = t->index().line(line);
    const QJsonDocument doc = QJsonDocument::fromJson(raw.toByteArray());
    QApplication::clipboard()->setText(
        doc.isObject() ? QString::fromUtf8(doc.toJson(QJsonDocument::Indented)) : displayText(raw));
    m_status->setText(u"Line %1 copied as JSON."_s.arg(line + 1));
}

void LogView::exportCurrent(const QString &format)
{
    if (m_agentId.isEmpty() || m_sessionNumber < 0 || !m_db)
        return;
    // The name comes from the file: only its letters, digits, '.', '_' and '-' go into the file
    // name offered (no folder separators, no control characters).
    QString name = m_title->fullText().isEmpty() ? m_agentId : m_title->fullText();
    name = name.left(80);
    for (QChar &c : name) {
        if (!c.isLetterOrNumber() && c != u'.' && c != u'_' && c != u'-')
            c = u'-';
    }
    if (name.startsWith(u'.'))
        name.prepend(u"agent"_s);
    const QString suggested = u"%1-session-%2.%3"_s.arg(name).arg(m_sessionNumber).arg(format);
    const QString path = QFileDialog::getSaveFileName(
        this, u"Export session"_s, suggested, format == u"md" ? u"Markdown (*.md)"_s : u"JSON lines (*.jsonl)"_s);
    if (path.isEmpty())
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
            m_status->setText(o.code == 0 ? u"Exported to %1"_s.arg(path) : u"Export failed: %1"_s.arg(o.error));
        });
}

} // namespace cwi
