#include "mainwindow.h"

#include "actions/actionrunner.h"
#include "actions/editmode.h"
#include "actions/historyview.h"
#include "actions/rowpanes.h"
#include "browse/detailview.h"
#include "browse/navigatorview.h"
#include "browse/quickopen.h"
#include "browse/tablebrowser.h"
#include "dashboard/dashboardview.h"
#include "graph/graphview.h"
#include "insight/activityview.h"
#include "insight/filesview.h"
#include "insight/indexstatus.h"
#include "insight/insightindex.h"
#include "insight/searchview.h"
#include "insight/timelineview.h"
#include "knowledge/chatview.h"
#include "knowledge/conversationsview.h"
#include "knowledge/messagesview.h"
#include "knowledge/pagesview.h"
#include "knowledge/proposalsview.h"
#include "logs/logview.h"
#include "navigationhistory.h"
#include "pagelayouts.h"
#include "panehost.h"
#include "query/querypage.h"
#include "render/inertdocument.h"
#include "review/reviewview.h"
#include "shortcutsdialog.h"
#include "tasks/tasktreeview.h"
#include "windowstatus.h"

#include <QApplication>
#include <QClipboard>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProxyStyle>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QTreeView>

namespace cwi {

namespace {

// The separators between the page and the panes, wide enough to grab: with the style's few pixels,
// a press just below one lands on the pane's title bar, and the drag meant to resize the pane
// undocks it instead. Set on the window alone, so nothing else changes its look.
class PaneSeparatorStyle : public QProxyStyle
{
public:
    static constexpr int kExtent = 8;
    int pixelMetric(PixelMetric metric, const QStyleOption *option, const QWidget *widget) const override
    {
        const int base = QProxyStyle::pixelMetric(metric, option, widget);
        return metric == PM_DockWidgetSeparatorExtent ? std::max(base, kExtent) : base;
    }
};

} // namespace

MainWindow::MainWindow(AppContext *context, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Codewalkers Inspector"));
    installInertResources(); // no rich text in the window loads a resource (labels, tool tips)
    setAcceptDrops(true);
    setDockNestingEnabled(true);
    auto *separators = new PaneSeparatorStyle;
    separators->setParent(this); // the window does not own its style; a deleted one falls back to the app's
    setStyle(separators);
    createPanes();
    createActions();
    createMenus();
    resize(1400, 900);
    applyDefaultSizes();
    m_layouts->setDefaultState(saveState(), [this] { applyDefaultSizes(); });
    connect(m_context, &AppContext::navigateRequested, this, &MainWindow::navigate);
    connect(m_context, &AppContext::databaseChanged, this, &MainWindow::updateStatus);
}

void MainWindow::createPanes()
{
    m_center = new QTabWidget(this);
    m_center->setObjectName(QStringLiteral("centerTabs"));
    m_center->setDocumentMode(true);
    setCentralWidget(m_center);
    m_layouts = new PageLayouts(this, m_center, m_settings);
    m_panes = new PaneHost(this, m_center, m_layouts, sidePaneMinimumWidth());
    m_insight = new InsightIndex(m_context, this);
    m_indexSwitch = IndexStatus::createSwitch(m_insight, m_settings, this);
    auto *dashboard = new DashboardView(m_context, m_center);
    dashboard->setInsightIndex(m_insight);
    m_table = new TableBrowser(m_context, m_center);
    m_review = new ReviewView(m_context, m_center);
    m_review->setSettings(m_settings); // side by side, wrapping, refs and clone folders with the window's settings
    m_query = new QueryPage(m_context, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), m_center);
    auto *navigator = new NavigatorView(m_context, this);
    m_tasks = new TaskTreeView(m_context, this);
    m_detail = new DetailView(m_context, this);
    m_detail->setInsightIndex(m_insight);
    m_history = new HistoryView(m_context, nullptr, this);
    auto *graph = new GraphView(m_context, this);
    const QList<Pane *> panes { dashboard, m_table, m_review, m_query, new SearchView(m_context, m_insight, m_center),
        new FilesView(m_context, m_insight, m_center), new ActivityView(m_context, m_insight, m_center),
        new TimelineView(m_context, m_insight, m_center), navigator, m_tasks, m_detail, new LogView(m_context, this),
        new PagesView(m_context, this), new ProposalsView(m_context, this), new ChatView(m_context, this),
        new MessagesView(m_context, this), new ConversationsView(m_context, this), graph, m_history };
    for (Pane *pane : panes) {
        m_panes->add(pane);
        if (pane->jobs()) // the window is busy while any pane is (--screenshot waits on it)
            m_jobs.follow(pane->jobs());
    }
    // ... and for the index's facts pass (the insight pages have nothing to show before it).
    m_jobs.follow(m_insight->factsJobs());
    connect(&m_jobs, &JobTracker::busyChanged, this, &MainWindow::busyChanged);

    connect(navigator, &NavigatorView::tableActivated, this, [this](const QString &table) { navigate({ table, {} }); });
    connect(m_table, &TableBrowser::rowActivated, this, [this](const EntityRef &ref) {
        if (!ref.id.isEmpty())
            recordVisit(ref); // Back returns to it; the browser keeps its place
    });
    // graph:ID names a phase or an initiative; the detail pane was guessed a phase until the
    // graph's read told which.
    connect(graph, &GraphView::ownerShown, this, [this](const EntityRef &owner) {
        const EntityRef shown = m_detail->current();
        if (!owner.table.isEmpty() && shown.id == owner.id && shown.table != owner.table)
            m_detail->showRow(owner);
    });
    connect(m_query, &QueryPage::statusMessage, this, &MainWindow::showMessage);
    connect(m_table, &TableBrowser::statusMessage, this, &MainWindow::showMessage);
    connect(m_history, &HistoryView::statusMessage, this, &MainWindow::showMessage);
    connect(dashboard, &DashboardView::openFilteredTable, this, &MainWindow::openFiltered);
    connect(m_detail, &DetailView::openFiltered, this, &MainWindow::openFiltered);
}

void MainWindow::createActions()
{
    m_runner = new ActionRunner(m_context, nullptr, this);
    connect(m_runner, &ActionRunner::statusMessage, this, &MainWindow::showMessage);
    m_review->setRunner(m_runner);
    m_editMode = new EditModeToggle(m_context, this);
    connect(m_editMode, &EditModeToggle::message, this, &MainWindow::showMessage);
    connect(m_editMode, &EditModeToggle::editingChanged, this, &MainWindow::updateStatus);
    // Action shortcuts (retry, resolve, ...) act on what is selected where the focus is; the same
    // rows get a context menu with the actions that fit them.
    m_rows = new RowPanes(m_context, m_runner, this);
    m_rows->addWithOwnMenu(m_table, m_table->view(), [this] { return m_table->selectedRefs(); });
    m_table->setContextMenuHook(
        [this](QMenu *menu, const QVector<EntityRef> &refs) { m_rows->entityMenu(menu, refs); });
    const auto single
        = [](const EntityRef &ref) { return ref.isValid() ? QVector<EntityRef> { ref } : QVector<EntityRef>(); };
    m_rows->add(m_tasks, m_tasks->treeView(), [this, single] { return single(m_tasks->currentEntity()); });
    m_rows->add(
        m_detail, m_detail->browser(), [this, single] { return single(m_detail->current()); }, false);
    auto *conversations = findChild<ConversationsView *>();
    m_rows->add(conversations, conversations->listView(), [conversations] { return conversations->selectedRefs(); });

    const auto historyState = [this](const EntityRef &place) -> std::optional<TableQuery> {
        if (m_table->currentTable() == place.table && m_table->model())
            return m_table->model()->query();
        return std::nullopt;
    };
    m_navigation = new NavigationHistory(
        historyState,
        [this](const NavigationHistory::Visit &visit) {
            if (visit.ref.id.isEmpty() && visit.table && m_table->canShow(visit.ref) == Pane::Shows) {
                m_detail->showEntity(visit.ref);
                m_table->showQuery(*visit.table); // the list as it was left
                m_panes->raise(m_table);
            } else {
                route(visit.ref);
            }
        },
        this);
    m_refreshAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Reload every view from the file now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, [this] {
        m_context->notifyDataChanged();
        statusBar()->showMessage(tr("Refreshed"), 3000);
    });
    m_liveAction = new QAction(tr("Live refresh"), this);
    m_liveAction->setCheckable(true);
    m_liveAction->setChecked(m_settings->value(QStringLiteral("liveRefresh"), true).toBool());
    m_liveAction->setToolTip(tr("Reload the views whenever another process (the server) commits to the file"));
    connect(m_liveAction, &QAction::toggled, this, &MainWindow::setLiveRefresh);
    // The index's progress, with Cancel, at the left of the status bar; the editing badge at the right.
    auto *indexStatus = new IndexStatus(m_insight, this);
    indexStatus->setObjectName(QStringLiteral("indexStatus"));
    m_status = new WindowStatus(m_context, statusBar(), indexStatus, m_editMode->createBadge(this));
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *open = file->addAction(
        QIcon::fromTheme(QStringLiteral("document-open")), tr("&Open…"), this, &MainWindow::chooseFile);
    open->setShortcut(QKeySequence::Open);
    open->setToolTip(tr("Open a Codewalkers database (Ctrl+O); you can also drop a file on the window"));
    m_recentMenu = file->addMenu(tr("Open &recent"));
    m_reopenAction = file->addAction(tr("Re&open"), this, [this] {
        if (!m_lastPath.isEmpty())
            openFile(m_lastPath, m_context->database() && m_context->database()->isWritable());
    });
    m_reopenAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    file->addAction(tr("Open &demo database"), this, &MainWindow::openDemo);
    file->addSeparator();
    file->addAction(tr("&Export table…"), m_table, &TableBrowser::exportView)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), this, &QWidget::close)->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_runner->undoAction());
    edit->addSeparator();
    edit->addAction(m_editMode->action());
    // The manual actions of the row selected in the pane that had the focus last.
    QMenu *actions = edit->addMenu(tr("&Actions"));
    connect(actions, &QMenu::aboutToShow, this, [this, actions] { m_rows->fillActionsMenu(actions); });
    m_rows->fillActionsMenu(actions);
    edit->addSeparator();
    edit->addAction(tr("Copy &id of current row"), this, &MainWindow::copyCurrentId)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *quickOpen = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Quick open…"), this,
        [this] { QuickOpen(m_context, this).exec(); });
    quickOpen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    quickOpen->setToolTip(tr("Jump to anything by id, id prefix or name (Ctrl+K)"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QMenu *panes = view->addMenu(tr("&Panes"));
    view->addSeparator();
    m_panes->addToMenus(panes, view);
    view->addAction(m_indexSwitch);
    view->addSeparator();
    view->addAction(m_refreshAction);
    view->addAction(m_liveAction);
    view->addSeparator();
    view->addAction(tr("Reset &layout"), this, &MainWindow::resetLayout);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_navigation->backAction());
    go->addAction(m_navigation->forwardAction());
    go->addAction(quickOpen);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { ShortcutsDialog(this).exec(); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Codewalkers Inspector"), this, [this] {
        QMessageBox::about(this, tr("About Codewalkers Inspector"),
            tr("<h3>Codewalkers Inspector %1</h3><p>Browse, read and carefully repair the SQLite state of a "
               "Codewalkers server, also while it runs.</p><p>Read-only unless you switch editing on; every "
               "edit is one short transaction, checked against what you saw, journaled and undoable.</p>")
                .arg(QApplication::applicationVersion()));
    });

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar")); // stable for restoreState()
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // A button shows its action's icon text: short and fixed, so the bar fits a 1024 px window.
    // The menus show the full text ("Undo Retry task …" names what it undoes; so does the tool tip).
    m_runner->undoAction()->setIconText(tr("Undo"));
    quickOpen->setIconText(tr("Quick open"));
    open->setIconText(tr("Open"));
    toolbar->addActions({ m_navigation->backAction(), m_navigation->forwardAction() });
    toolbar->addSeparator();
    toolbar->addActions({ open, m_refreshAction, m_liveAction });
    toolbar->addSeparator();
    toolbar->addAction(quickOpen);
    toolbar->addSeparator();
    toolbar->addActions({ m_editMode->action(), m_runner->undoAction() });
    view->insertAction(panes->menuAction(), toolbar->toggleViewAction());
    updateRecentMenu();
}

// A row is shown by every pane that can show it; the first that reads it (a page, else a bottom
// pane, else a side pane) is raised.
void MainWindow::route(const EntityRef &ref)
{
    Pane *reading = nullptr;
    for (Pane *pane : m_panes->inReadingOrder()) {
        if (!reading && pane->canShow(ref) == Pane::Shows)
            reading = pane;
    }
    if (reading)
        m_panes->raise(reading);
    follow(ref);
}

void MainWindow::follow(const EntityRef &ref, const Pane *except)
{
    for (Pane *pane : m_panes->inReadingOrder()) {
        if (pane != except && pane->canShow(ref) != Pane::CannotShow)
            pane->showEntity(ref);
    }
}

void MainWindow::navigate(const EntityRef &ref)
{
    if (!ref.isValid())
        return;
    m_navigation->push(ref);
    route(ref);
}

void MainWindow::recordVisit(const EntityRef &ref)
{
    m_navigation->push(ref);
    follow(ref, m_table);
}

void MainWindow::goBack()
{
    m_navigation->back();
}

void MainWindow::goForward()
{
    m_navigation->forward();
}

void MainWindow::openFiltered(const QString &table, const QString &field, const QString &value)
{
    // "Every pending question in one click": the threads read better than a grid.
    QString unused;
    if (table == u"conversations" && field == u"status" && value.endsWith(u"pending")
        && showView(QStringLiteral("conversations"), &unused))
        return;
    m_table->showTable(table, field, value.startsWith(u'=') ? value.mid(1) : value);
    m_panes->raise(m_table);
    m_table->focusRows();
    if (m_table->model()) // a dashboard number or a Related link is a place Back returns to
        m_navigation->push({ table, {} }, m_table->model()->query());
}

QStringList MainWindow::viewNames()
{
    return { QStringLiteral("dashboard"), QStringLiteral("table:NAME"), QStringLiteral("tasks"),
        QStringLiteral("detail:TABLE:ID"), QStringLiteral("log:AGENT_ID[/SESSION]"), QStringLiteral("review:PHASE_ID"),
        QStringLiteral("graph:PHASE_OR_INITIATIVE_ID"), QStringLiteral("pages[:PAGE_ID]"),
        QStringLiteral("proposals[:ID]"), QStringLiteral("chat[:SESSION_ID]"), QStringLiteral("messages[:ID]"),
        QStringLiteral("conversations[:ID]"), QStringLiteral("history"), QStringLiteral("search[:QUERY]"),
        QStringLiteral("files"), QStringLiteral("activity"), QStringLiteral("timeline") };
}

bool MainWindow::showView(const QString &view, QString *error)
{
    const QStringList parts = view.split(u':');
    for (Pane *pane : m_panes->panes()) {
        const QString name = pane->paneInfo().view;
        if (name.isEmpty() || name != parts.first())
            continue;
        EntityRef followed;
        if (!pane->showView(parts.mid(1), &followed, error)) {
            if (!error->isEmpty())
                return false;
            break; // not its arguments
        }
        m_panes->raise(pane);
        if (followed.isValid()) // as a click on it would
            follow(followed, pane);
        return true;
    }
    *error = tr("Unknown view \"%1\"; views: %2").arg(view, viewNames().join(u", "));
    return false;
}

int MainWindow::sidePaneMinimumWidth() const
{
    return fontMetrics().averageCharWidth() * kSidePaneChars;
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

void MainWindow::copyCurrentId()
{
    const EntityRef ref = m_detail->current();
    if (ref.id.isEmpty()) {
        statusBar()->showMessage(tr("No row selected"), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(ref.id);
    statusBar()->showMessage(tr("Copied %1").arg(ref.id), 4000);
}

QVector<QPair<QString, QString>> MainWindow::shortcutList() const
{
    return ShortcutsDialog::list(this);
}

void MainWindow::showOpening(const QString &path)
{
    setWindowTitle(QFileInfo(path).fileName() + u" — " + tr("Codewalkers Inspector"));
    m_status->showOpening(path);
}

} // namespace cwi
