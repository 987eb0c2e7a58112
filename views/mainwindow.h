#pragma once

// The main window composes: the panes (pages and docks, each a Pane), their layouts per page,
// menus, toolbar, status bar, Back/Forward, the row actions and the open file. It routes a
// visited row by asking each pane (route()); it knows no pane by its kind.

#include "appcontext.h"
#include "jobtracker.h"

#include <QMainWindow>

#include <functional>

class QAction;
class QMenu;
class QSettings;
class QTabWidget;

namespace cwi {

class Actions;
class ActionRunner;
class ActionService;
class DetailView;
class EditModeToggle;
class FileMenu;
class HistoryView;
class InsightIndex;
class LiveRefresh;
class PageLayouts;
class PaneHost;
class PaneRouter;
class QueryPage;
class ReviewView;
class RowPanes;
class TableBrowser;
class TaskTreeView;
class WindowStatus;

class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    MainWindow(AppContext *context, QSettings *settings, QWidget *parent = nullptr);
    ~MainWindow() override;

    // Opens PATH (read-only unless EDIT) through the opener the app set (FileSession); on
    // failure shows why and keeps the current file.
    bool openFile(const QString &path, bool edit = false, QString *error = nullptr);
    using FileOpener = std::function<bool(const QString &path, bool edit, QString *error)>;
    void setFileOpener(FileOpener opener) { m_opener = std::move(opener); }
    // The open file's write path (nullptr: none), for the panes that write.
    void setActions(Actions *actions);
    void showOpened(bool edit); // the file in AppContext is open now; EDIT: switch editing on
    void showRefused(const QString &message); // a file could not be opened; the one before stays
    void restoreLayout();
    // The window is up but the file could not be opened: say why, offer to choose another.
    void reportOpenError(const QString &message);
    // Where File > Open demo database gets its file (created on first use by the app).
    void setDemoProvider(std::function<QString(QString *error)> provider);

    // --view VIEW ("dashboard", "table:NAME", "log:AGENT_ID[/SESSION]", ...): the pane it names.
    bool showView(const QString &view, QString *error);
    // Some pane is loading, or the index's facts pass runs: the sum of their JobTrackers.
    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() { return &m_jobs; }
    static QStringList viewNames();
    // The narrowest side pane (kSidePaneChars characters): at 1024 px both fit beside every page.
    int sidePaneMinimumWidth() const;
    static constexpr int kSidePaneChars = 40;
    // Exactly the first run's layout at the window's present size (View > Reset layout).
    void resetLayout();
    // Before a file is read: its name and a loading state, so the first frame says what comes.
    void showOpening(const QString &path);
    // Help > Keyboard shortcuts, as (keys, what it does).
    QVector<QPair<QString, QString>> shortcutList() const;

    TableBrowser *tableBrowser() const { return m_table; }
    DetailView *detailView() const { return m_detail; }
    TaskTreeView *taskTree() const { return m_tasks; }
    QueryPage *queryPage() const { return m_query; }
    InsightIndex *insightIndex() const { return m_insight; }

    void navigate(const EntityRef &ref); // records history
    void goBack();
    void goForward();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createPanes();
    void createActions();
    void showMessage(const QString &text);

    AppContext *m_context;
    QSettings *m_settings;
    QTabWidget *m_center = nullptr;
    PageLayouts *m_layouts = nullptr;
    PaneHost *m_panes = nullptr;
    TableBrowser *m_table = nullptr;
    ReviewView *m_review = nullptr;
    QueryPage *m_query = nullptr;
    TaskTreeView *m_tasks = nullptr;
    DetailView *m_detail = nullptr;
    HistoryView *m_history = nullptr;
    InsightIndex *m_insight = nullptr;
    QAction *m_indexSwitch = nullptr;
    PaneRouter *m_router = nullptr;
    WindowStatus *m_status = nullptr;
    RowPanes *m_rows = nullptr;
    ActionService *m_actions = nullptr; // the open file's write path, for the runner and the History
    ActionRunner *m_runner = nullptr;
    EditModeToggle *m_editMode = nullptr;
    FileMenu *m_file = nullptr;
    LiveRefresh *m_live = nullptr;
    JobTracker m_jobs; // follows every pane's tracker
    FileOpener m_opener;
};

} // namespace cwi
