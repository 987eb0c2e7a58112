// MainWindow: files (open, recent, drop), settings, layout and live refresh.

#include "mainwindow.h"

#include "actions/actionrunner.h"
#include "actions/editmode.h"
#include "actions/historyview.h"
#include "browse/tablebrowser.h"
#include "navigationhistory.h"
#include "pagelayouts.h"
#include "panehost.h"
#include "plainmessagebox.h"
#include "review/reviewview.h"
#include "windowstatus.h"
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

MainWindow::~MainWindow() = default; // m_actions: an Actions is complete here

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
    connect(db.get(), &Database::externallyChanged, this, [this] {
        m_status->showChangeSeen();
        updateStatus(); // the views reload themselves on AppContext::dataChanged
    });
    setLiveRefresh(m_liveAction->isChecked());
    m_navigation->clear(); // nothing to go back to in a new file
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
    if (!m_status)
        return; // the editing badge says its state while the status bar is made
    m_status->update();
    if (m_reopenAction && m_context->database())
        m_reopenAction->setEnabled(true);
}

void MainWindow::setLiveRefresh(bool on)
{
    m_settings->setValue(QStringLiteral("liveRefresh"), on);
    if (const auto db = m_context->database())
        db->setWatchInterval(on ? kWatchIntervalMs : 0);
    m_status->showLive(on);
}

void MainWindow::applyDefaultSizes()
{
    // Side docks as shares of the width, so the page in the middle keeps room at 1024 px too.
    const int w = qMax(width(), 800);
    const auto dock = [this](const char *id) { return m_panes->dockOf(m_panes->pane(QString::fromLatin1(id))); };
    resizeDocks({ dock("navigatorDock"), dock("detailDock") }, { w * 24 / 100, w * 28 / 100 }, Qt::Horizontal);
}

void MainWindow::resetLayout()
{
    m_layouts->reset();
}

void MainWindow::restoreLayout()
{
    restoreGeometry(m_settings->value(QStringLiteral("window/geometry")).toByteArray());
    m_layouts->restore();
    // The Tables page comes back with the table it showed, not blank.
    const QString table = m_settings->value(QStringLiteral("window/table")).toString();
    if (m_table->currentTable().isEmpty() && m_context->database() && m_context->database()->schema().hasTable(table))
        m_table->showTable(table);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    m_settings->setValue(QStringLiteral("window/geometry"), saveGeometry());
    m_layouts->save();
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
