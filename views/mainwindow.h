#pragma once

// The main window: central pages (dashboard, table browser, review), dockable panes (navigator,
// task tree, detail, log, history, knowledge views), menus, toolbar, status bar, navigation
// history, quick open, editing mode, live refresh, remembered layout and recent files.

#include "appcontext.h"
#include "jobtracker.h"

#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <functional>
#include <optional>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QSettings;
class QTabWidget;

namespace cwi {

class Actions;
class ActionRunner;
class DashboardView;
class DetailView;
class EditModeToggle;
class GraphView;
class HistoryView;
class InsightIndex;
class SearchView;
class FilesView;
class ActivityView;
class TimelineView;
class LogView;
class PagesView;
class ProposalsView;
class ChatView;
class MessagesView;
class ConversationsView;
class NavigationHistory;
class NavigatorView;
class PageLayouts;
class RowPanes;
class WindowStatus;
class QueryPage;
class ReviewView;
class TableBrowser;
class TaskTreeView;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum CenterPage
    {
        DashboardPage,
        TablePage,
        ReviewPage,
        QueryPageIndex
    };

    MainWindow(AppContext *context, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens PATH (read-only unless EDIT); on failure shows why and keeps the current file.
    bool openFile(const QString &path, bool edit = false, QString *error = nullptr);
    void restoreLayout();
    // The window is up but the file could not be opened: say why, offer to choose another.
    void reportOpenError(const QString &message);
    // Where File > Open demo database gets its file (created on first use by the app).
    void setDemoProvider(std::function<QString(QString *error)> provider) { m_demoProvider = std::move(provider); }

    // Headless rendering: raises VIEW ("dashboard", "table:NAME", "tasks", "detail:TABLE:ID",
    // "log:AGENT_ID[/SESSION]", "review:PHASE_ID", "history", ...), waits until it has loaded, renders.
    bool showView(const QString &view, QString *error);
    // Some pane is loading: the sum of the panes' JobTrackers (busyChanged() follows it).
    bool isBusy() const;
    static QStringList viewNames();
    // The narrowest the task tree, tables and detail panes get (about kSidePaneChars characters):
    // at 1024 px both side panes and every page fit beside each other.
    int sidePaneMinimumWidth() const;
    static constexpr int kSidePaneChars = 40;
    // Exactly the first run's layout at the window's present size (View > Reset layout).
    void resetLayout();
    // Before a file is read: its name and a loading state, so the first frame says what comes.
    void showOpening(const QString &path);

    TableBrowser *tableBrowser() const { return m_table; }
    DetailView *detailView() const { return m_detail; }
    TaskTreeView *taskTree() const { return m_tasks; }
    QueryPage *queryPage() const { return m_query; }
    InsightIndex *insightIndex() const { return m_insight; }

    void navigate(const EntityRef &ref); // records history
    void recordVisit(const EntityRef &ref); // records history, shows the detail, nothing else
    void goBack();
    void goForward();

Q_SIGNALS:
    void busyChanged(bool busy);

protected:
    void closeEvent(QCloseEvent *event) override;
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QDockWidget *addDock(QWidget *widget, const QString &objectName, const QString &title, Qt::DockWidgetArea area,
        const QKeySequence &shortcut = {});
    void createViews();
    void createActions();
    void createMenus();
    void createStatusBar();
    void route(const EntityRef &ref);
    void createNavigation();
    void openFiltered(const QString &table, const QString &field, const QString &value);
    void updateStatus();
    void updateRecentMenu();
    void addRecent(const QString &path);
    void onExternalChange();
    void refreshAll();
    void setLiveRefresh(bool on);
    void applyDefaultSizes();
    void showAbout();

public:
    // Help > Keyboard shortcuts: every shortcut of the window's QActions and of the manual
    // actions, as (keys, what it does) in the order shown.
    QVector<QPair<QString, QString>> shortcutList() const;

private:
    void chooseFile();
    void openDemo();
    void copyCurrentId();
    void showAgentLog(const QString &agentId, bool raise = true);
    void raiseDockOf(QWidget *widget);
    bool routeKnowledge(const EntityRef &ref);
    // Insight pages (mainwindowinsight.cpp): search everything, files, activity, timeline.
    void createInsight();
    void addInsightActions(QMenu *view);
    bool showInsightView(const QStringList &parts);
    void showLogAt(const QString &id); // "AGENT", "AGENT/SESSION" or "AGENT/SESSION/LINE"

    AppContext *m_context;
    QSettings *m_settings;
    QTabWidget *m_center = nullptr;
    DashboardView *m_dashboard = nullptr;
    TableBrowser *m_table = nullptr;
    ReviewView *m_review = nullptr;
    QueryPage *m_query = nullptr;
    NavigatorView *m_navigator = nullptr;
    TaskTreeView *m_tasks = nullptr;
    DetailView *m_detail = nullptr;
    HistoryView *m_history = nullptr;
    LogView *m_log = nullptr;
    PagesView *m_pages = nullptr;
    ProposalsView *m_proposals = nullptr;
    ChatView *m_chat = nullptr;
    MessagesView *m_messages = nullptr;
    ConversationsView *m_conversations = nullptr;
    GraphView *m_graph = nullptr;
    QDockWidget *m_graphDock = nullptr;
    QDockWidget *m_logDock = nullptr;
    InsightIndex *m_insight = nullptr;
    SearchView *m_search = nullptr;
    FilesView *m_files = nullptr;
    ActivityView *m_activity = nullptr;
    TimelineView *m_timeline = nullptr;
    QList<QDockWidget *> m_docks;
    QDockWidget *m_historyDock = nullptr;
    PageLayouts *m_layouts = nullptr;
    NavigationHistory *m_navigation = nullptr;
    WindowStatus *m_status = nullptr;
    RowPanes *m_rows = nullptr;
    QMenu *m_viewMenu = nullptr;
    QMenu *m_recentMenu = nullptr;
    QMenu *m_docksMenu = nullptr;

    std::unique_ptr<Actions> m_actions;
    ActionRunner *m_runner = nullptr;
    EditModeToggle *m_editMode = nullptr;

    QAction *m_liveAction = nullptr;
    QAction *m_refreshAction = nullptr;
    QAction *m_reopenAction = nullptr;

    JobTracker m_jobs; // follows every pane's tracker
    QString m_lastPath;
    std::function<QString(QString *error)> m_demoProvider;
};

} // namespace cwi
