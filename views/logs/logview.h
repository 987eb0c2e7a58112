#pragma once

// The log dock: an agent's sessions, the transcript of the chosen session (formatted, with
// search, kind filter, raw mode, follow mode and export) and the agent's own record beside it.
// What is shown and read lives in LogSession (models/); this widget builds the page and binds it.

#include "pane.h"
#include "transcript/logsession.h"
#include "transcript/transcriptsearch.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QListView;
class QSplitter;
class QStackedWidget;
class QToolBar;
class QTreeView;

namespace cwi {

class AgentRecordPanel;
class ElidedLabel;
class LogSearchBar;
class AppContext;
class TranscriptDelegate;
class TranscriptFilterModel;

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
    JobTracker *jobs() const override { return m_session->jobs(); }

    LogSession *session() const { return m_session; }
    void showAgent(const QString &agentId) { m_session->showAgent(agentId); }
    void showSession(const QString &agentId, qint64 sessionNumber) { m_session->showSession(agentId, sessionNumber); }
    void showAllLogs() { m_session->showAllLogs(); }
    QString agentId() const { return m_session->agentId(); }
    qint64 sessionNumber() const { return m_session->sessionNumber(); }
    bool isBusy() const { return m_session->isBusy(); }
    TranscriptModel *transcriptModel() const { return m_session->transcriptModel(); }
    SessionListModel *sessionModel() const { return m_session->sessionModel(); }
    const TranscriptSearchResult &searchResult() const;
    QTreeView *transcriptView() const { return m_transcriptView; }
    QString statusText() const;

    // Raw mode: the JSONL as stored, one line a row; the current line stays current.
    void setRawMode(bool raw);
    void setFollowing(bool follow);

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QWidget *buildSessionSide();
    QToolBar *buildToolBar();
    void buildTranscriptViews();
    void bindSession();
    void showPlaceholder(const QString &text);
    void selectSession(const QString &agentId, qint64 sessionNumber);
    void onSummaryChanged();
    void setKindFilter(int filter);
    void goToLine(int line);
    void showInRaw(int line);
    int currentLine() const;
    void copyCurrentEvent();
    void exportCurrent(const QString &format);
    void relayoutRows();

    AppContext *m_ctx;
    LogSession *m_session;
    TranscriptFilterModel *m_filter; // attached to the transcript only while a kind filter is on

    QStackedWidget *m_pages = nullptr;
    QLabel *m_placeholder = nullptr;
    QSplitter *m_splitter = nullptr;
    QTreeView *m_sessionView = nullptr;
    AgentRecordPanel *m_record = nullptr;
    QStackedWidget *m_transcriptStack = nullptr;
    QTreeView *m_transcriptView = nullptr;
    TranscriptDelegate *m_delegate = nullptr;
    QListView *m_rawView = nullptr;
    LogSearchBar *m_searchBar = nullptr;
    QComboBox *m_filterCombo = nullptr;
    QAction *m_rawAction = nullptr;
    QAction *m_chunkMarksAction = nullptr;
    QAction *m_followAction = nullptr;
    QAction *m_firstErrorAction = nullptr;
    QLabel *m_status = nullptr;
    ElidedLabel *m_title = nullptr; // the agent's name: a name from the file never widens the pane
    QTimer *m_relayoutTimer = nullptr;
    bool m_followedAtBottom = false; // the view was at the bottom when followed chunks came
    int m_lastViewportWidth = -1;
};

} // namespace cwi
