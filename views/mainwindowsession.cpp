// MainWindow: files (open, recent, drop), settings, layout and live refresh.

#include "mainwindow.h"

#include "actions/actionrunner.h"
#include "actions/editmode.h"
#include "actions/historyview.h"
#include "browse/tablebrowser.h"
#include "insight/indexstatus.h"
#include "plainmessagebox.h"
#include "readaccess.h"
#include "render/htmlwriter.h"
#include "review/reviewview.h"
#include "writes/actions.h"

#include <QCloseEvent>
#include <QDateTime>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QLabel>
#include <QLayout>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QMimeData>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTimer>

using namespace Qt::StringLiterals;

namespace cwi {

namespace {
constexpr int kMaxRecent = 10;
constexpr int kWatchIntervalMs = 500; // new commits show within a second
const QString kRecentKey = QStringLiteral("recentFiles");
} // namespace

bool MainWindow::openFile(const QString &path, bool edit, QString *error)
{
    const auto opened = Database::open(path);
    if (!opened.database) {
        if (error)
            *error = opened.message;
        // The labels and the title say what is open now (the file before, or none), not the
        // "Opening … Loading…" shown while the refused file was being looked at.
        updateStatus();
        if (!m_context->database())
            setWindowTitle(tr("Codewalkers Inspector"));
        statusBar()->showMessage(opened.message, 15000);
        if (isVisible())
            plainMessageBox(this, QMessageBox::Warning, tr("Cannot open this file"), opened.message);
        return false;
    }
    const auto db = opened.database;
    m_actions.reset();
    m_runner->setActions(nullptr);
    m_history->setActions(nullptr);
    m_review->setActions(nullptr);
    m_context->setDatabase(db);
    m_actions = std::make_unique<Actions>(db, Actions::defaultJournalPath());
    m_runner->setActions(m_actions.get());
    m_history->setActions(m_actions.get());
    m_review->setActions(m_actions.get());
    m_lastPath = db->path();
    addRecent(m_lastPath);
    m_settings->setValue(QStringLiteral("lastFile"), m_lastPath);
    // "demo.db — read-only — Codewalkers Inspector": the file and whether it can be written.
    const auto showTitle = [this, name = QFileInfo(m_lastPath).fileName()](bool writable) {
        setWindowTitle(tr("%1 — %2 — Codewalkers Inspector").arg(name, writable ? tr("editing") : tr("read-only")));
    };
    showTitle(db->isWritable());
    connect(db.get(), &Database::writableChanged, this, showTitle);
    connect(db.get(), &Database::externallyChanged, this, &MainWindow::onExternalChange);
    setLiveRefresh(m_liveAction->isChecked());
    m_historyStack.clear();
    m_historyIndex = -1;
    updateHistoryActions(); // nothing to go back to in a new file
    if (!db->schema().problem().isEmpty())
        statusBar()->showMessage(db->schema().problem(), 20000);
    if (edit) {
        QString why;
        if (!m_editMode->setEditing(true, &why)) {
            statusBar()->showMessage(why, 15000);
            if (isVisible())
                plainMessageBox(this, QMessageBox::Warning, tr("Editing stays off"), why);
        }
    }
    m_center->setCurrentIndex(0);
    updateStatus();
    return true;
}

void MainWindow::reportOpenError(const QString &message)
{
    statusBar()->showMessage(message, 30000);
    const auto answer = plainMessageBox(this, QMessageBox::Warning, tr("Cannot open this file"),
        message + u"\n\n" + tr("Choose another file?"), QMessageBox::Open | QMessageBox::Close, QMessageBox::Open);
    if (answer == QMessageBox::Open)
        chooseFile();
}

void MainWindow::chooseFile()
{
    const QString start = m_lastPath.isEmpty() ? QString() : QFileInfo(m_lastPath).absolutePath();
    const QString path = QFileDialog::getOpenFileName(this, tr("Open a Codewalkers database"), start,
        tr("SQLite databases (*.db *.sqlite *.sqlite3);;All files (*)"));
    if (!path.isEmpty())
        openFile(path);
}

void MainWindow::openDemo()
{
    if (!m_demoProvider)
        return;
    QString error;
    const QString path = m_demoProvider(&error);
    if (path.isEmpty()) {
        plainMessageBox(this, QMessageBox::Warning, tr("Demo database"), error);
        return;
    }
    openFile(path);
}

void MainWindow::addRecent(const QString &path)
{
    QStringList recent = m_settings->value(kRecentKey).toStringList();
    recent.removeAll(path);
    recent.prepend(path);
    while (recent.size() > kMaxRecent)
        recent.removeLast();
    m_settings->setValue(kRecentKey, recent);
    updateRecentMenu();
}

void MainWindow::updateRecentMenu()
{
    if (!m_recentMenu)
        return;
    m_recentMenu->clear();
    const QStringList recent = m_settings->value(kRecentKey).toStringList();
    for (int i = 0; i < recent.size(); ++i) {
        const QString path = recent.at(i);
        QAction *action = m_recentMenu->addAction(
            QStringLiteral("&%1  %2").arg(i + 1).arg(path), this, [this, path] { openFile(path); });
        action->setEnabled(QFileInfo::exists(path));
    }
    if (recent.isEmpty())
        m_recentMenu->addAction(tr("(none yet)"))->setEnabled(false);
    else {
        m_recentMenu->addSeparator();
        m_recentMenu->addAction(tr("Clear list"), this, [this] {
            m_settings->remove(kRecentKey);
            updateRecentMenu();
        });
    }
    if (m_reopenAction)
        m_reopenAction->setEnabled(!m_lastPath.isEmpty());
}

void MainWindow::updateStatus()
{
    const auto db = m_context->database();
    if (!db) {
        m_fileLabel->setText(tr("No file open"));
        m_schemaLabel->clear();
        return;
    }
    const QFileInfo info(db->path());
    const QString access = readAccessDescription(*db); // read-only WAL modes say which one
    m_fileLabel->setText(info.fileName() + u"  " + QLocale().formattedDataSize(info.size())
        + (access.isEmpty() ? QString() : u"  · "_s + readAccessName(*db)));
    m_fileLabel->setToolTip(render::plainToolTip(db->path() + (access.isEmpty() ? QString() : u"\n"_s + access)));
    const SchemaMap &schema = db->schema();
    m_schemaLabel->setText(
        tr("%1 · %2 migrations").arg(nameStyleName(schema.nameStyle())).arg(schema.migrations().size()));
    m_schemaLabel->setToolTip(
        schema.problem().isEmpty() ? tr("Complete Codewalkers schema") : render::plainToolTip(schema.problem()));
    if (m_reopenAction)
        m_reopenAction->setEnabled(true);
}

void MainWindow::setLiveRefresh(bool on)
{
    m_settings->setValue(QStringLiteral("liveRefresh"), on);
    if (const auto db = m_context->database())
        db->setWatchInterval(on ? kWatchIntervalMs : 0);
    m_changeLabel->setText(on ? tr("live") : tr("live refresh off"));
}

void MainWindow::onExternalChange()
{
    m_changeLabel->setText(tr("change seen %1").arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss"))));
    updateStatus(); // the views reload themselves on AppContext::dataChanged
}

void MainWindow::refreshAll()
{
    m_context->notifyDataChanged();
    statusBar()->showMessage(tr("Refreshed"), 3000);
}

void MainWindow::applyDefaultSizes()
{
    // Side docks as shares of the width, so the page in the middle keeps room at 1024 px too.
    const int w = qMax(width(), 800);
    resizeDocks({ m_docks.value(0), m_docks.value(2) }, { w * 24 / 100, w * 28 / 100 }, Qt::Horizontal);
}

void MainWindow::resetLayout()
{
    // Exactly the first run: the panes it shows, where it shows them, the sizes it gives them;
    // and every page back to that layout (the Review page folds its panes again).
    fitCenterToPage(-1); // no page widens the window while the panes come back
    m_pageStates.clear();
    m_lastPaneLayoutPage = -1;
    restoreState(m_defaultState);
    applyDefaultSizes();
    m_shownPage = -1;
    onPageChanged(m_center->currentIndex());
}

// Each page has its own dock layout (as Qt Creator's modes): the layout of the page left is
// kept, the one of the page entered comes back. Reviewing starts with the docked panes folded
// away so the diff gets the room; leaving the review brings them back, also on a page not seen
// before (it gets the panes of the page seen last, not the review's folded ones).
void MainWindow::onPageChanged(int page)
{
    if (m_shownPage == page) {
        fitCenterToPage(page);
        return;
    }
    // No page claims room while the panes change: the Review page's minimum beside the panes of
    // the page left (or a page's beside the panes coming back) would widen the window at 1024 px.
    fitCenterToPage(-1);
    if (m_shownPage >= 0)
        m_pageStates.insert(m_shownPage, saveState());
    const int left = m_shownPage;
    m_shownPage = page;
    const auto saved = m_pageStates.constFind(page);
    if (saved != m_pageStates.cend()) {
        restoreState(*saved);
    } else if (page == ReviewPage) {
        // Beside and under the diff: an open agent log would leave it a strip.
        for (QDockWidget *dock : std::as_const(m_docks)) {
            if (!dock->isFloating())
                dock->hide();
        }
    } else if (left == ReviewPage) {
        if (m_lastPaneLayoutPage >= 0 && m_pageStates.contains(m_lastPaneLayoutPage)) {
            restoreState(m_pageStates.value(m_lastPaneLayoutPage));
        } else {
            restoreState(m_defaultState);
            applyDefaultSizes();
        }
    }
    if (page != ReviewPage)
        m_lastPaneLayoutPage = page;
    fitCenterToPage(page);
}

// A tab widget is as large as its largest page needs, shown or not: the Timeline's or the Query's
// tool row would squeeze the panes beside the Tables page to a sliver at 1024 px, and the Activity
// page's charts would keep a bottom pane from growing (its separator would not move up). The pages
// not shown claim no room (an ignored size policy); the one shown claims what it needs.
void MainWindow::fitCenterToPage(int claiming)
{
    for (int i = 0; i < m_center->count(); ++i) {
        QWidget *page = m_center->widget(i);
        QSizePolicy policy = page->sizePolicy();
        if (!page->property("cwiSizePolicy").isValid())
            page->setProperty("cwiSizePolicy", QVariant::fromValue(policy));
        const auto own = page->property("cwiSizePolicy").value<QSizePolicy>();
        const bool shown = i == claiming;
        policy.setHorizontalPolicy(shown ? own.horizontalPolicy() : QSizePolicy::Ignored);
        policy.setVerticalPolicy(shown ? own.verticalPolicy() : QSizePolicy::Ignored);
        page->setSizePolicy(policy);
    }
    // Before the window is shown a page's new policy reaches no layout: the window would keep the
    // largest page's minimum, and a resize to 1024 px before show() would give a wider window.
    m_center->updateGeometry();
    layout()->invalidate();
    layout()->activate();
}

void MainWindow::restoreLayout()
{
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    const QByteArray state = m_settings->value(QStringLiteral("window/state")).toByteArray();
    if (state.isEmpty())
        QTimer::singleShot(0, this, &MainWindow::applyDefaultSizes); // first run: once the window has its size
    restoreState(state);
    m_pageStates.clear();
    for (int page = 0; page < m_center->count(); ++page) {
        const QByteArray pageState = m_settings->value(QStringLiteral("window/pageState%1").arg(page)).toByteArray();
        if (!pageState.isEmpty())
            m_pageStates.insert(page, pageState);
    }
    {
        const QSignalBlocker block(m_center); // the state just restored is this page's own
        m_center->setCurrentIndex(m_settings->value(QStringLiteral("window/page"), 0).toInt());
    }
    fitCenterToPage(m_center->currentIndex());
    m_shownPage = m_center->currentIndex();
    m_lastPaneLayoutPage = m_shownPage == ReviewPage ? -1 : m_shownPage;
    // The Tables page comes back with the table it showed, not blank.
    const QString table = m_settings->value(QStringLiteral("window/table")).toString();
    if (m_table->currentTable().isEmpty() && m_context->database() && m_context->database()->schema().hasTable(table))
        m_table->showTable(table);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_settings->setValue(QStringLiteral("window/state"), saveState());
    m_pageStates.insert(m_center->currentIndex(), saveState());
    for (auto it = m_pageStates.cbegin(); it != m_pageStates.cend(); ++it)
        m_settings->setValue(QStringLiteral("window/pageState%1").arg(it.key()), it.value());
    m_settings->setValue(QStringLiteral("window/page"), m_center->currentIndex());
    m_settings->setValue(QStringLiteral("window/table"), m_table->currentTable());
    QMainWindow::closeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent *event)
{
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile())
        event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent *event)
{
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    if (!path.isEmpty()) {
        event->acceptProposedAction();
        openFile(path);
    }
}

} // namespace cwi
