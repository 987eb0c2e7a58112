#include "mainwindow.h"

#include "actions/actionrunner.h"
#include "actions/actionservice.h"
#include "actions/editmode.h"
#include "actions/historyview.h"
#include "actions/rowpanes.h"
#include "browse/detailview.h"
#include "browse/navigatorview.h"
#include "browse/quickopen.h"
#include "browse/tablebrowser.h"
#include "dashboard/dashboardview.h"
#include "filemenu.h"
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
#include "liverefresh.h"
#include "logs/logview.h"
#include "navigationhistory.h"
#include "pagelayouts.h"
#include "panehost.h"
#include "panerouter.h"
#include "plainmessagebox.h"
#include "query/querypage.h"
#include "render/inertdocument.h"
#include "review/reviewview.h"
#include "shortcutsdialog.h"
#include "tasks/tasktreeview.h"
#include "windowmenus.h"
#include "windowstatus.h"

#include <QCloseEvent>
#include <QLabel>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTreeView>

namespace cwi {

MainWindow::MainWindow(AppContext *context, QSettings *settings, QWidget *parent)
    : QMainWindow(parent)
    , m_context(context)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Codewalkers Inspector"));
    installInertResources(); // no rich text in the window loads a resource (labels, tool tips)
    setDockNestingEnabled(true);
    PaneHost::widenSeparators(this);
    createPanes();
    createActions();
    auto *menus = new WindowMenus(this,
        { m_context, m_settings, [this](const QString &path, bool edit) { return openFile(path, edit); }, m_runner,
            m_editMode, m_rows, m_panes, m_router->history(), m_live, m_indexSwitch, m_table, m_detail,
            [this] { resetLayout(); } });
    m_file = menus->fileMenu();
    resize(1400, 900);
    m_panes->applyDefaultSizes();
    m_layouts->setDefaultState(saveState(), [this] { m_panes->applyDefaultSizes(); });
    connect(m_context, &AppContext::navigateRequested, this, &MainWindow::navigate);
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
    m_actions = new ActionService(nullptr, this);
    m_history = new HistoryView(m_context, m_actions, this);
    auto *graph = new GraphView(m_context, this);
    const QList<Pane *> panes { dashboard, m_table, m_review, m_query, new SearchView(m_context, m_insight, m_center),
        new FilesView(m_context, m_insight, m_center), new ActivityView(m_context, m_insight, m_center),
        new TimelineView(m_context, m_insight, m_center), navigator, m_tasks, m_detail, new LogView(m_context, this),
        new PagesView(m_context, this), new ProposalsView(m_context, this), new ChatView(m_context, this),
        new MessagesView(m_context, this), new ConversationsView(m_context, this), graph, m_history };
    for (Pane *pane : panes)
        m_panes->add(pane);
    m_jobs.follow(m_panes->jobs()); // the window is busy while any pane is (--screenshot waits on it)
    m_jobs.follow(m_insight->factsJobs()); // and the index's facts pass: the insight pages wait on it
    m_insight->startAfter(m_panes->jobs()); // a file's first pass waits for the panes' first reads
    m_router = new PaneRouter(m_panes, m_table, this);

    connect(navigator, &NavigatorView::tableActivated, this, [this](const QString &table) { navigate({ table, {} }); });
    connect(m_table, &TableBrowser::rowActivated, this, [this](const EntityRef &ref) {
        if (!ref.id.isEmpty())
            m_router->recordVisit(ref); // Back returns to it; the browser keeps its place
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
    connect(dashboard, &DashboardView::openFilteredTable, m_router, &PaneRouter::openFiltered);
    connect(m_detail, &DetailView::openFiltered, m_router, &PaneRouter::openFiltered);
}

void MainWindow::createActions()
{
    m_runner = new ActionRunner(m_context, m_actions, this);
    connect(m_runner, &ActionRunner::statusMessage, this, &MainWindow::showMessage);
    m_review->setRunner(m_runner);
    m_editMode = new EditModeToggle(m_context, this);
    connect(m_editMode, &EditModeToggle::message, this, &MainWindow::showMessage);
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
    // The index's progress, with Cancel, at the left of the status bar; the editing badge at the right.
    auto *indexStatus = new IndexStatus(m_insight, this);
    indexStatus->setObjectName(QStringLiteral("indexStatus"));
    m_status = new WindowStatus(m_context, statusBar(), indexStatus, m_editMode->createBadge(this));
    connect(m_editMode, &EditModeToggle::editingChanged, m_status, &WindowStatus::update);
    m_live = new LiveRefresh(m_context, m_settings, m_status, this);
    connect(m_live, &LiveRefresh::message, statusBar(), &QStatusBar::showMessage);
}

void MainWindow::navigate(const EntityRef &ref)
{
    m_router->navigate(ref);
}

void MainWindow::goBack()
{
    m_router->history()->back();
}

void MainWindow::goForward()
{
    m_router->history()->forward();
}

bool MainWindow::showView(const QString &view, QString *error)
{
    return m_router->showView(view, error);
}

QStringList MainWindow::viewNames()
{
    return PaneRouter::viewNames();
}

int MainWindow::sidePaneMinimumWidth() const
{
    return fontMetrics().averageCharWidth() * kSidePaneChars;
}

void MainWindow::showMessage(const QString &text)
{
    statusBar()->showMessage(text, 10000);
}

QVector<QPair<QString, QString>> MainWindow::shortcutList() const
{
    return ShortcutsDialog::list(this);
}

void MainWindow::showOpening(const QString &path)
{
    m_status->showOpening(path);
}

MainWindow::~MainWindow() = default;

bool MainWindow::openFile(const QString &path, bool edit, QString *error)
{
    if (m_opener)
        return m_opener(path, edit, error);
    if (error)
        *error = tr("Nothing opens files in this window");
    return false;
}

void MainWindow::setActions(Actions *actions)
{
    m_actions->setActions(actions);
    m_review->setActions(actions);
}

void MainWindow::showOpened(bool edit)
{
    const auto db = m_context->database();
    m_file->opened(m_context->databasePath());
    m_live->watchOpenFile();
    m_router->history()->clear(); // nothing to go back to in a new file
    if (!m_context->schema().problem().isEmpty())
        statusBar()->showMessage(m_context->schema().problem(), 20000);
    QString why;
    if (edit && !m_editMode->setEditing(true, &why)) {
        statusBar()->showMessage(why, 15000);
        if (isVisible())
            plainMessageBox(this, QMessageBox::Warning, tr("Editing stays off"), why);
    }
    m_center->setCurrentIndex(0);
}

void MainWindow::showRefused(const QString &message)
{
    m_status->showRefused(message);
    if (isVisible())
        plainMessageBox(this, QMessageBox::Warning, tr("Cannot open this file"), message);
}

void MainWindow::reportOpenError(const QString &message)
{
    statusBar()->showMessage(message, 30000);
    m_file->reportOpenError(message);
}

void MainWindow::setDemoProvider(std::function<QString(QString *error)> provider)
{
    m_file->setDemoProvider(std::move(provider));
}

void MainWindow::resetLayout()
{
    m_layouts->reset();
}

void MainWindow::restoreLayout()
{
    m_layouts->restore();
    // The Tables page comes back with the table it showed, not blank.
    const EntityRef table { m_settings->value(QStringLiteral("window/table")).toString(), {} };
    if (m_table->currentTable().isEmpty() && m_table->canShow(table) == Pane::Shows)
        m_table->showTable(table.table);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_layouts->save();
    m_settings->setValue(QStringLiteral("window/table"), m_table->currentTable());
    QMainWindow::closeEvent(event);
}

} // namespace cwi
