#pragma once

// The log page's session: which agent and session are shown, reading the agent's sessions and a
// session's parts (JobTracker, own read connections), follow mode (new chunks of a running agent
// appended as the file changes), the search of the open session (LogSearch) and export. It owns the models the log view
// shows and tells the view by signals what to show; it holds no widget.

#include "jobtracker.h"
#include "logloader.h"

#include <QObject>

#include <memory>

namespace cwi {

class AppContext;
class Database;
class InFlightBudget;
class LogSearch;
class RawLinesModel;
class SessionListModel;
class TranscriptModel;

class LogSession : public QObject
{
    Q_OBJECT
public:
    // Follows CTX's database (a new file reopens the agent) and its changes (follow mode).
    explicit LogSession(AppContext *ctx, QObject *parent = nullptr);
    ~LogSession() override;

    // Lists the agent's sessions and opens the newest one.
    void showAgent(const QString &agentId);
    // Opens one session (the agent's record and session list follow).
    void showSession(const QString &agentId, qint64 sessionNumber);
    // Opens one session; once it is read, LINE (0-based, as stored) is asked for (lineRequested).
    void showSessionAt(const QString &agentId, qint64 sessionNumber, qint64 line);
    // Every session in the file, grouped by agent; deleted agents listed by agentName.
    void showAllLogs();

    QString agentId() const { return m_agentId; }
    qint64 sessionNumber() const { return m_sessionNumber; }
    QString title() const { return m_title; } // the agent's name, "All logs" or the id asked for
    bool isAllLogs() const { return m_allLogs; }
    bool isAgentRunning() const { return m_agentRunning; }
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    // The most bytes of the current session's parts read and not yet appended at any time.
    qint64 partBytesPeak() const;

    SessionListModel *sessionModel() const { return m_sessions; }
    TranscriptModel *transcriptModel() const { return m_transcript; }
    RawLinesModel *rawModel() const { return m_raw; }
    // Counts of the whole session; null until the pass over it is done (and after new chunks).
    const SessionSummary *summary() const { return m_summary.get(); }
    // "12 lines · 3 chunks · 4 KB · 3 turns · $0.25 · 1.2k tokens · following", or an error.
    QString statusText() const { return m_status; }

    // Search of the open session with its hit cursor (dropped when another session opens).
    LogSearch *search() const { return m_search; }
    void jumpToFirstError();

    void setFollowing(bool follow);
    bool isFollowing() const { return m_following; }
    // Re-reads new chunks now (follow mode does it on every change of the file).
    void refreshFollow();

    // The line LINE as indented JSON (or its text if it is not a JSON object); empty if none.
    QString lineAsJson(int line) const;
    // A file name for the current session: only the name's letters, digits, '.', '_' and '-'.
    QString suggestedExportName(const QString &format) const;
    // Writes the current session to PATH as "jsonl" or "md" (worker); the status tells the outcome.
    void exportTo(const QString &format, const QString &path);

Q_SIGNALS:
    void busyChanged(bool busy);
    // The page shows TEXT instead of the log; empty: the log (session list and transcript).
    void placeholderChanged(const QString &text);
    void titleChanged(const QString &title);
    void recordLoaded(const cwi::AgentLogs &logs); // the agent's own row
    void sessionsListed(); // sessionModel() has new rows
    // The session list's current row is AGENTID/SESSION (a session opened or read).
    void currentSessionChanged(const QString &agentId, qint64 sessionNumber);
    void transcriptReset(); // a new session's first part replaced the transcript
    void chunksAboutToBeFollowed(); // new chunks of a followed session are about to be appended
    void chunksFollowed();
    // A followed running agent's session is read to its end: show the bottom.
    void endRequested();
    void summaryChanged(); // summary() was set or dropped
    void statusChanged(const QString &text);
    void lineRequested(int line); // the first error or showSessionAt's line: show it

private:
    // A new agent drops the agent's reads; a new session drops the session's.
    enum Channel
    {
        kAgentChannel,
        kFiguresChannel,
        kSessionChannel,
        kSummaryChannel,
        kFollowChannel,
        kExportChannel,
    };

    void connectDatabase();
    void cancelAgentReads();
    void cancelSessionReads();
    void setTitle(const QString &title);
    void setPlaceholder(const QString &text) { Q_EMIT placeholderChanged(text); }
    void setStatus(const QString &text);
    void onAgentLoaded(const AgentLogs &logs, bool reopenSession);
    void openSession(qint64 sessionNumber);
    void onSessionPart(SessionPart part);
    void onSessionRead(const QString &error);
    void summarize();
    void onSummary(const SessionSummary &summary);
    void onNewChunks(const QVector<LogChunk> &chunks);
    void updateStatus();

    AppContext *m_ctx;
    std::shared_ptr<Database> m_db;
    QString m_agentId;
    qint64 m_sessionNumber = -1;
    qint64 m_pendingLine = -1; // showSessionAt: the line to show once the session has loaded
    QString m_title;
    QString m_status;
    bool m_agentRunning = false;
    bool m_allLogs = false; // the session list shows every agent (showAllLogs)
    bool m_following = true;
    mutable JobTracker m_jobs;
    std::shared_ptr<InFlightBudget> m_partBudget; // the current session's reader's

    Timestamp m_lastCreatedAt;
    qint64 m_lastRowid = 0;
    int m_chunkCount = 0;
    bool m_sessionShown = false; // the open session's first part is on screen
    bool m_sessionReading = false; // more parts of it are on their way
    bool m_followPending = false;
    bool m_followAgain = false;

    std::shared_ptr<SessionSummary> m_summary;

    SessionListModel *m_sessions;
    TranscriptModel *m_transcript;
    RawLinesModel *m_raw;
    LogSearch *m_search;
};

} // namespace cwi
