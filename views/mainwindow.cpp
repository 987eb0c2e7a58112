#include "mainwindow.h"

#include "actions/actionmenu.h"
#include "actions/actionrunner.h"
#include "actions/editmode.h"
#include "actions/historyview.h"
#include "actions/rowpanes.h"
#include "browse/detailview.h"
#include "browse/navigatorview.h"
#include "browse/quickopen.h"
#include "browse/tablebrowser.h"
#include "dashboard/dashboardview.h"
#include "diff/reviewsession.h"
#include "elidedlabel.h"
#include "graph/graphsession.h"
#include "graph/graphview.h"
#include "insight/indexstatus.h"
#include "knowledge/chatview.h"
#include "knowledge/conversationsview.h"
#include "knowledge/messagesview.h"
#include "knowledge/pagesview.h"
#include "knowledge/proposalsview.h"
#include "logs/logview.h"
#include "navigationhistory.h"
#include "pagelayouts.h"
#include "query/querypage.h"
#include "render/inertdocument.h"
#include "review/reviewview.h"
#include "shortcutsdialog.h"
#include "tasks/tasktreeview.h"
#include "windowstatus.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFileInfo>
#include <QKeySequence>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProxyStyle>
#include <QSet>
#include <QSettings>
#include <QShortcut>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTextBrowser>
#include <QTimer>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

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
    createViews();
    createActions();
    createMenus();
    createStatusBar();
    resize(1400, 900);
    applyDefaultSizes();
    m_layouts->setDefaultState(saveState(), [this] { applyDefaultSizes(); });
    connect(m_context, &AppContext::navigateRequested, this, &MainWindow::navigate);
    connect(m_context, &AppContext::databaseChanged, this, &MainWindow::updateStatus);
}

QDockWidget *MainWindow::addDock(QWidget *widget, const QString &objectName, const QString &title,
    Qt::DockWidgetArea area, const QKeySequence &shortcut)
{
    auto *dock = new QDockWidget(title, this);
    dock->setObjectName(objectName); // stable: saveState()/restoreState() key on it
    dock->setWidget(widget);
    dock->setFeatures(
        QDockWidget::DockWidgetClosable | QDockWidget::DockWidgetMovable | QDockWidget::DockWidgetFloatable);
    addDockWidget(area, dock);
    QAction *toggle = dock->toggleViewAction();
    if (!shortcut.isEmpty())
        toggle->setShortcut(shortcut);
    toggle->setToolTip(tr("Show or hide the %1 pane").arg(title));
    m_layouts->watchBottomPane(dock);
    m_docks.append(dock);
    return dock;
}

void MainWindow::createViews()
{
    m_center = new QTabWidget(this);
    m_center->setObjectName(QStringLiteral("centerTabs"));
    m_center->setDocumentMode(true);
    m_dashboard = new DashboardView(m_context, m_center);
    m_table = new TableBrowser(m_context, m_center);
    m_review = new ReviewView(m_context, m_center);
    m_review->setSettings(m_settings); // side by side, wrapping, refs and clone folders with the window's settings
    m_center->addTab(m_dashboard, tr("Dashboard"));
    m_center->addTab(m_table, tr("Tables"));
    m_center->addTab(m_review, tr("Review"));
    m_query = new QueryPage(m_context, QStandardPaths::writableLocation(QStandardPaths::AppDataLocation), m_center);
    m_center->addTab(m_query, tr("Query"));
    m_center->setTabToolTip(DashboardPage, tr("Headquarters: what needs attention (Ctrl+1)"));
    m_center->setTabToolTip(TablePage, tr("Any table of the file, filtered and sorted (Ctrl+2)"));
    m_center->setTabToolTip(ReviewPage, tr("A phase's diff with its review comments (Ctrl+3)"));
    m_center->setTabToolTip(QueryPageIndex, tr("Read-only SQL over the file (Ctrl+4)"));
    setCentralWidget(m_center);
    createInsight();
    m_layouts = new PageLayouts(this, m_center, m_settings);
    m_layouts->addReadingPage(m_review, 28); // the diff is read: at 768 px a 40 % pane left it a line

    m_navigator = new NavigatorView(m_context, this);
    m_tasks = new TaskTreeView(m_context, this);
    m_detail = new DetailView(m_context, this);
    m_detail->setInsightIndex(m_insight); // createInsight() made it
    QDockWidget *navigatorDock = addDock(m_navigator, QStringLiteral("navigatorDock"), tr("Tables"),
        Qt::LeftDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_1));
    QDockWidget *tasksDock = addDock(m_tasks, QStringLiteral("taskTreeDock"), tr("Task tree"), Qt::LeftDockWidgetArea,
        QKeySequence(Qt::ALT | Qt::Key_2));
    tabifyDockWidget(navigatorDock, tasksDock);
    tasksDock->raise();
    addDock(m_detail, QStringLiteral("detailDock"), tr("Detail"), Qt::RightDockWidgetArea,
        QKeySequence(Qt::ALT | Qt::Key_3));
    // The side panes keep room to read names in: when the window shrinks, the page in the middle
    // gives its room first (down to its own minimum), the panes never shrink to a few letters.
    for (QWidget *side :
        { static_cast<QWidget *>(m_navigator), static_cast<QWidget *>(m_tasks), static_cast<QWidget *>(m_detail) })
        side->setMinimumWidth(sidePaneMinimumWidth());
    m_log = new LogView(m_context, this);
    m_logDock = addDock(
        m_log, QStringLiteral("logDock"), tr("Agent log"), Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | Qt::Key_4));
    m_logDock->hide(); // opens when an agent is selected anywhere

    // Documents and threads: full width at the bottom, tabbed with the agent log; they open when one
    // of their rows is visited (or from View > Panes).
    m_pages = new PagesView(m_context, this);
    m_proposals = new ProposalsView(m_context, this);
    m_chat = new ChatView(m_context, this);
    m_messages = new MessagesView(m_context, this);
    m_conversations = new ConversationsView(m_context, this);
    const struct
    {
        QWidget *view;
        const char *name;
        QString title;
        int key;
    } knowledge[] = {
        { m_pages, "pagesDock", tr("Pages"), Qt::Key_5 },
        { m_proposals, "proposalsDock", tr("Proposals"), Qt::Key_6 },
        { m_chat, "chatDock", tr("Chat sessions"), Qt::Key_7 },
        { m_messages, "messagesDock", tr("Messages"), Qt::Key_8 },
        { m_conversations, "conversationsDock", tr("Conversations"), Qt::Key_0 },
    };
    for (const auto &k : knowledge) {
        QDockWidget *dock = addDock(
            k.view, QString::fromLatin1(k.name), k.title, Qt::BottomDockWidgetArea, QKeySequence(Qt::ALT | k.key));
        tabifyDockWidget(m_logDock, dock);
        dock->hide();
    }
    // The dependency graph of a phase or initiative: a bottom pane too, opened on demand.
    m_graph = new GraphView(m_context, this);
    m_graphDock = addDock(m_graph, QStringLiteral("graphDock"), tr("Graph"), Qt::BottomDockWidgetArea,
        QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_G));
    tabifyDockWidget(m_logDock, m_graphDock);
    m_graphDock->hide();
    // graph:ID names a phase or an initiative; the detail pane was guessed a phase until the
    // graph's read told which.
    connect(m_graph, &GraphView::ownerShown, this, [this](const EntityRef &owner) {
        const EntityRef shown = m_detail->current();
        if (!owner.table.isEmpty() && shown.id == owner.id && shown.table != owner.table)
            m_detail->showRow(owner);
    });
    connect(m_graphDock, &QDockWidget::visibilityChanged, this, [this](bool visible) {
        if (!visible && m_graphDock->isHidden()) { // closed, not just behind another tab: stop dot
            m_graph->session()->cancel();
            return;
        }
        // Opened by hand: show the phase (or initiative) of what is selected.
        const EntityRef ref = m_detail->current();
        if (visible && m_graph->session()->shownId().isEmpty()
            && (ref.table == u"phases" || ref.table == u"initiatives"))
            m_graph->showGraph(ref.id);
    });

    connect(m_navigator, &NavigatorView::tableActivated, this, [this](const QString &table) {
        navigate({ table, {} });
    });
    connect(m_table, &TableBrowser::rowActivated, this, [this](const EntityRef &ref) {
        if (!ref.id.isEmpty())
            recordVisit(ref); // Back returns to it; the browser keeps its place
    });
    connect(m_query, &QueryPage::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_table, &TableBrowser::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 8000); });
    connect(m_dashboard, &DashboardView::openFilteredTable, this, &MainWindow::openFiltered);
    connect(m_detail, &DetailView::openFiltered, this, &MainWindow::openFiltered);

    // The window is busy while any pane is: the sum of their trackers (--screenshot waits on it).
    for (JobTracker *tracker :
        { m_dashboard->jobs(), m_table->jobs(), m_tasks->jobs(), m_detail->jobs(), m_navigator->jobs(),
            m_review->jobs(), m_query->jobs(), m_log->jobs(), m_pages->jobs(), m_proposals->jobs(), m_chat->jobs(),
            m_messages->jobs(), m_conversations->jobs(), m_graph->session()->jobs() })
        m_jobs.follow(tracker);
    connect(&m_jobs, &JobTracker::busyChanged, this, &MainWindow::busyChanged);
}

void MainWindow::createActions()
{
    m_runner = new ActionRunner(m_context, nullptr, this);
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
    m_rows->add(m_conversations, m_conversations->listView(), [this] { return m_conversations->selectedRefs(); });
    connect(m_runner, &ActionRunner::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    m_editMode = new EditModeToggle(m_context, this);
    connect(m_editMode, &EditModeToggle::message, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    connect(m_editMode, &EditModeToggle::editingChanged, this, &MainWindow::updateStatus);
    m_history = new HistoryView(m_context, nullptr, this);
    connect(m_history, &HistoryView::statusMessage, this,
        [this](const QString &text) { statusBar()->showMessage(text, 10000); });
    addDock(m_history, QStringLiteral("historyDock"), tr("History"), Qt::BottomDockWidgetArea,
        QKeySequence(Qt::ALT | Qt::Key_9));
    m_review->setActions(nullptr);
    m_review->setRunner(m_runner);
    m_historyDock = m_docks.last();
    m_historyDock->hide(); // on demand (View > Panes, Alt+9); the journal is empty at first

    createNavigation();
    m_refreshAction = new QAction(QIcon::fromTheme(QStringLiteral("view-refresh")), tr("Refresh"), this);
    m_refreshAction->setShortcut(QKeySequence::Refresh);
    m_refreshAction->setToolTip(tr("Reload every view from the file now (F5)"));
    connect(m_refreshAction, &QAction::triggered, this, &MainWindow::refreshAll);
    m_liveAction = new QAction(tr("Live refresh"), this);
    m_liveAction->setCheckable(true);
    m_liveAction->setChecked(m_settings->value(QStringLiteral("liveRefresh"), true).toBool());
    m_liveAction->setToolTip(tr("Reload the views whenever another process (the server) commits to the file"));
    connect(m_liveAction, &QAction::toggled, this, &MainWindow::setLiveRefresh);
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
    QAction *exportAction = file->addAction(tr("&Export table…"), m_table, &TableBrowser::exportView);
    exportAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setShortcut(QKeySequence::Quit);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_runner->undoAction());
    edit->addSeparator();
    edit->addAction(m_editMode->action());
    // The manual actions of the row selected in the pane that had the focus last.
    QMenu *actions = edit->addMenu(tr("&Actions"));
    connect(actions, &QMenu::aboutToShow, this, [this, actions] { m_rows->fillActionsMenu(actions); });
    m_rows->fillActionsMenu(actions);
    edit->addSeparator();
    QAction *copyId = edit->addAction(tr("Copy &id of current row"), this, &MainWindow::copyCurrentId);
    copyId->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *quickOpen
        = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Quick open…"), this, [this] {
              QuickOpen dialog(m_context, this);
              dialog.exec();
          });
    quickOpen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    quickOpen->setToolTip(tr("Jump to anything by id, id prefix or name (Ctrl+K)"));

    m_viewMenu = menuBar()->addMenu(tr("&View"));
    m_docksMenu = m_viewMenu->addMenu(tr("&Panes"));
    for (QDockWidget *dock : std::as_const(m_docks))
        m_docksMenu->addAction(dock->toggleViewAction());
    m_viewMenu->addSeparator();
    const QStringList pages { tr("&Dashboard"), tr("&Tables"), tr("&Review"), tr("&Query") };
    for (int i = 0; i < pages.size(); ++i) {
        QAction *page = m_viewMenu->addAction(pages.at(i), this, [this, i] { m_center->setCurrentIndex(i); });
        page->setShortcut(QKeySequence(Qt::CTRL | (Qt::Key_1 + i)));
    }
    addInsightActions(m_viewMenu);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_refreshAction);
    m_viewMenu->addAction(m_liveAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(tr("Reset &layout"), this, &MainWindow::resetLayout);

    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_navigation->backAction());
    go->addAction(m_navigation->forwardAction());
    go->addAction(quickOpen);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { ShortcutsDialog(this).exec(); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Codewalkers Inspector"), this, &MainWindow::showAbout);

    QToolBar *toolbar = addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar")); // stable for restoreState()
    toolbar->setMovable(true);
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // A button shows its action's icon text: short and fixed, so the bar fits a 1024 px window.
    // The menus show the full text ("Undo Retry task …" names what it undoes; so does the tool tip).
    m_runner->undoAction()->setIconText(tr("Undo"));
    quickOpen->setIconText(tr("Quick open"));
    open->setIconText(tr("Open"));
    toolbar->addAction(m_navigation->backAction());
    toolbar->addAction(m_navigation->forwardAction());
    toolbar->addSeparator();
    toolbar->addAction(open);
    toolbar->addAction(m_refreshAction);
    toolbar->addAction(m_liveAction);
    toolbar->addSeparator();
    toolbar->addAction(quickOpen);
    toolbar->addSeparator();
    toolbar->addAction(m_editMode->action());
    toolbar->addAction(m_runner->undoAction());
    m_viewMenu->insertAction(m_docksMenu->menuAction(), toolbar->toggleViewAction());
    updateRecentMenu();
}

void MainWindow::createStatusBar()
{
    // The index's progress, with Cancel, at the left; the editing badge at the right.
    auto *indexStatus = new IndexStatus(m_insight, this);
    indexStatus->setObjectName(QStringLiteral("indexStatus"));
    m_status = new WindowStatus(m_context, statusBar(), indexStatus, m_editMode->createBadge(this));
}

int MainWindow::sidePaneMinimumWidth() const
{
    return fontMetrics().averageCharWidth() * kSidePaneChars;
}

bool MainWindow::isBusy() const
{
    return m_jobs.isBusy();
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

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Codewalkers Inspector"),
        tr("<h3>Codewalkers Inspector %1</h3><p>Browse, read and carefully repair the SQLite state of a "
           "Codewalkers server, also while it runs.</p><p>Read-only unless you switch editing on; every "
           "edit is one short transaction, checked against what you saw, journaled and undoable.</p>")
            .arg(QApplication::applicationVersion()));
}

QVector<QPair<QString, QString>> MainWindow::shortcutList() const
{
    return ShortcutsDialog::list(this);
}

} // namespace cwi

namespace cwi {

void MainWindow::showOpening(const QString &path)
{
    setWindowTitle(QFileInfo(path).fileName() + u" — " + tr("Codewalkers Inspector"));
    m_status->showOpening(path);
}

void MainWindow::showAgentLog(const QString &agentId, bool raise)
{
    m_log->showAgent(agentId);
    if (raise || m_logDock->isVisible())
        raiseDockOf(m_log);
}

} // namespace cwi
