#include "windowmenus.h"

#include "actions/actionrunner.h"
#include "actions/editmode.h"
#include "actions/rowpanes.h"
#include "browse/detailview.h"
#include "browse/quickopen.h"
#include "browse/tablebrowser.h"
#include "filemenu.h"
#include "liverefresh.h"
#include "navigationhistory.h"
#include "panehost.h"
#include "shortcutsdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QMainWindow>
#include <QMenuBar>
#include <QMessageBox>
#include <QStatusBar>
#include <QToolBar>

namespace cwi {

WindowMenus::WindowMenus(QMainWindow *window, Parts parts)
    : QObject(window)
    , m_window(window)
    , m_parts(std::move(parts))
{
    createMenus();
}

QMenu *WindowMenus::createFileMenu()
{
    QMenu *file = m_window->menuBar()->addMenu(tr("&File"));
    const auto editing = [context = m_parts.context] { return context->isWritable(); };
    m_file = new FileMenu(file, m_parts.settings, m_parts.open, editing, m_window);
    file->addSeparator();
    file->addAction(tr("&Export table…"), m_parts.table, &TableBrowser::exportView)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_E));
    file->addSeparator();
    file->addAction(tr("&Quit"), m_window, &QWidget::close)->setShortcut(QKeySequence::Quit);
    return file;
}

void WindowMenus::createMenus()
{
    createFileMenu();
    QMenu *edit = m_window->menuBar()->addMenu(tr("&Edit"));
    edit->addAction(m_parts.runner->undoAction());
    edit->addSeparator();
    edit->addAction(m_parts.editMode->action());
    // The manual actions of the row selected in the pane that had the focus last.
    QMenu *actions = edit->addMenu(tr("&Actions"));
    connect(actions, &QMenu::aboutToShow, this, [this, actions] { m_parts.rows->fillActionsMenu(actions); });
    m_parts.rows->fillActionsMenu(actions);
    edit->addSeparator();
    edit->addAction(tr("Copy &id of current row"), this, &WindowMenus::copyCurrentId)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C));
    QAction *quickOpen = edit->addAction(QIcon::fromTheme(QStringLiteral("edit-find")), tr("&Quick open…"), this,
        [this] { QuickOpen(m_parts.context, m_window).exec(); });
    quickOpen->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    quickOpen->setToolTip(tr("Jump to anything by id, id prefix or name (Ctrl+K)"));

    QMenu *view = m_window->menuBar()->addMenu(tr("&View"));
    QMenu *panes = view->addMenu(tr("&Panes"));
    view->addSeparator();
    m_parts.panes->addToMenus(panes, view);
    view->addAction(m_parts.indexSwitch);
    view->addSeparator();
    view->addActions({ m_parts.live->refreshAction(), m_parts.live->liveAction() });
    view->addSeparator();
    view->addAction(tr("Reset &layout"), this, [this] { m_parts.resetLayout(); });

    QMenu *go = m_window->menuBar()->addMenu(tr("&Go"));
    go->addActions({ m_parts.navigation->backAction(), m_parts.navigation->forwardAction(), quickOpen });

    QMenu *help = m_window->menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&Keyboard shortcuts"), this, [this] { ShortcutsDialog(m_window).exec(); })
        ->setShortcut(QKeySequence::HelpContents);
    help->addAction(tr("&About Codewalkers Inspector"), this, [this] {
        QMessageBox::about(m_window, tr("About Codewalkers Inspector"),
            tr("<h3>Codewalkers Inspector %1</h3><p>Browse, read and carefully repair the SQLite state of a "
               "Codewalkers server, also while it runs.</p><p>Read-only unless you switch editing on; every "
               "edit is one short transaction, checked against what you saw, journaled and undoable.</p>")
                .arg(QApplication::applicationVersion()));
    });
    createToolBar(quickOpen);
    view->insertAction(panes->menuAction(), m_window->findChild<QToolBar *>()->toggleViewAction());
}

void WindowMenus::createToolBar(QAction *quickOpen)
{
    QToolBar *toolbar = m_window->addToolBar(tr("Main"));
    toolbar->setObjectName(QStringLiteral("mainToolBar")); // stable for restoreState()
    toolbar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    // A button shows its action's icon text: short and fixed, so the bar fits a 1024 px window.
    // The menus show the full text ("Undo Retry task …" names what it undoes; so does the tool tip).
    m_parts.runner->undoAction()->setIconText(tr("Undo"));
    quickOpen->setIconText(tr("Quick open"));
    toolbar->addActions({ m_parts.navigation->backAction(), m_parts.navigation->forwardAction() });
    toolbar->addSeparator();
    toolbar->addActions({ m_file->openAction(), m_parts.live->refreshAction(), m_parts.live->liveAction() });
    toolbar->addSeparator();
    toolbar->addAction(quickOpen);
    toolbar->addSeparator();
    toolbar->addActions({ m_parts.editMode->action(), m_parts.runner->undoAction() });
}

void WindowMenus::copyCurrentId()
{
    const EntityRef ref = m_parts.detail->current();
    if (ref.id.isEmpty()) {
        m_window->statusBar()->showMessage(tr("No row selected"), 4000);
        return;
    }
    QGuiApplication::clipboard()->setText(ref.id);
    m_window->statusBar()->showMessage(tr("Copied %1").arg(ref.id), 4000);
}

} // namespace cwi
