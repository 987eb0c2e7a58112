#pragma once

// The log dock: an agent's sessions, the transcript of the chosen session (formatted, with
// search, kind filter, raw mode, follow mode and export) and the agent's own record beside it.
// Everything that reads the file runs on the view's JobTracker, which drops stale results.

#include "jobtracker.h"
#include "pane.h"
#include "transcript/logloader.h"
#include "transcript/transcriptsearch.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;
class QTreeView;

namespace cwi {

class AgentRecordPanel;
class ElidedLabel;
class InFlightBudget;
class AppContext;
class Database;
class RawLinesModel;
class SessionListModel;
class TranscriptDelegate;
class TranscriptFilterModel;
class TranscriptModel;

class LogView : public QWidget, public Pane
{
    Q_OBJECT
public:
    explicit LogView(cwi::AppContext *ctx, QWidget *parent = nullptr);

    // Pane
    Info paneInfo() const override;
    Fit canShow(const EntityRef &ref) const override;
    void showEntity(const EntityRef &ref) override;
    bool showView(const QStringList &args, EntityRef *follow, QString *error) override;
    ~LogView() override;

    // Shows the agent's sessions and opens the newest one.
    void showAgent(const QString &agentId);
    // Opens one session (the agent's record and session list follow).
    void showSession(const QString &agentId, qint64 sessionNumber);
    // Opens one session with LINE (0-based, as stored) current and in view: a search hit.
    void showSessionAt(const QString &agentId, qint64 sessionNumber, qint64 line);
    // Every session in the file, grouped by agent; deleted agents listed by agentName.
    void showAllLogs();

    QString agentId() const { return m_agentId; }
    qint64 sessionNumber() const { return m_sessionNumber; }
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const override { return &m_jobs; }
    // The most bytes of the current session's parts read and not yet appended at any time.
    qint64 partBytesPeak() const;

    TranscriptModel *transcriptModel() const { return m_transcript; }
    SessionListModel *sessionModel() const { return m_sessions; }
    QTreeView *transcriptView() const { return m_transcriptView; }
    QString statusText() const;
    const TranscriptSearchResult &searchResult() const { return m_search; } // the last search's hits

    // Search in the whole session (worker); the hits are visited with findNext/findPrevious.
    void find(const QString &needle);
    void findNext();
    void findPrevious();
    int hitCount() const { return int(m_search.lines.size()); }
    void jumpToFirstError();
    void setRawMode(bool raw);
    void setFollowing(bool follow);
    // Re-reads new chunks now (follow mode does it on every change of the file).
    void refreshFollow();

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    // A new agent drops the agent's reads; a new session drops the session's.
    enum Channel
    {
        kAgentChannel,
        kFiguresChannel,
        kSessionChannel,
        kSummaryChannel,
        kFollowChannel,
        kSearchChannel,
        kExportChannel,
    };
    void cancelAgentReads();
    void cancelSessionReads();

    void buildUi();
    void connectDatabase();
    void onAgentLoaded(const AgentLogs &logs, bool reopenSession);
    void openSession(qint64 sessionNumber);
    void onSessionPart(SessionPart part);
    void onSessionRead(const QString &error);
    void onSummary(const SessionSummary &summary);
    void onNewChunks(const QVector<LogChunk> &chunks);
    void onSearchDone(const TranscriptSearchResult &result);
    void goToLine(int line);
    void showPlaceholder(const QString &text);
    void updateStatus();
    void updateHitLabel();
    void copyCurrentEvent();
    void exportCurrent(const QString &format);
    void relayoutRows();

    AppContext *m_ctx;
    std::shared_ptr<Database> m_db;
    QString m_agentId;
    qint64 m_sessionNumber = -1;
    qint64 m_pendingLine = -1; // showSessionAt: the line to show once the session has loaded
    bool m_agentRunning = false;
    bool m_allLogs = false; // the session list shows every agent (showAllLogs)
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
    TranscriptSearchResult m_search;
    int m_hit = -1;
    struct SearchState
    {
        std::atomic_bool cancel { false };
        std::atomic_int progress { 0 };
    };
    std::shared_ptr<SearchState> m_searchState;

    SessionListModel *m_sessions;
    TranscriptModel *m_transcript;
    TranscriptFilterModel *m_filter;
    RawLinesModel *m_raw;

    QStackedWidget *m_pages = nullptr;
    QLabel *m_placeholder = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_sessionView = nullptr;
    AgentRecordPanel *m_record = nullptr;
    QStackedWidget *m_transcriptStack = nullptr;
    QTreeView *m_transcriptView = nullptr;
    TranscriptDelegate *m_delegate = nullptr;
    QListView *m_rawView = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    QLabel *m_hitLabel = nullptr;
    QProgressBar *m_searchProgress = nullptr;
    QAction *m_searchProgressAction = nullptr;
    QAction *m_cancelSearchAction = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QAction *m_rawAction = nullptr;
    QAction *m_chunkMarksAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_firstErrorAction = nullptr;
    QLabel *m_status = nullptr;
    ElidedLabel *m_title = nullptr; // the agent's name: a name from the file never widens the pane
    QTimer *m_relayoutTimer = nullptr;
    QTimer *m_progressTimer = nullptr;
    int m_lastViewportWidth = -1;
};

} // namespace cwi
