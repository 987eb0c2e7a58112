// The window fits a 1024x768 screen (issue 12 point 8): every page fits beside both side panes
// without making the window wider, the panes keep room to read task names also after the window
// shrinks from 1440 px on a wide page, View > Reset layout at 1024 px is the first run there, the
// toolbar shows every action (also with the long "Undo <action>" text), and a long status message
// is elided before the permanent labels, all of it in the tool tip.

#include "actions/actionrunner.h"
#include "actions/actionservice.h"
#include "browse/tablebrowser.h"
#include "dashboard/dashboardview.h"
#include "elidedlabel.h"
#include "insight/searchresultmodel.h"
#include "insight/searchview.h"
#include "mainwindow.h"
#include "realwindow.h"
#include "review/reviewview.h"
#include "tasks/tasktreeview.h"
#include "toolrow.h"
#include "windowfixture.h"
#include "writes/actions.h"

#include <QDockWidget>
#include <QHeaderView>
#include <QLineEdit>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QSettings>
#include <QStatusBar>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>
#include <QToolButton>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWindowFit : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;

    QString settingsFile() { return m_dir.filePath(u"fit%1.ini"_s.arg(++m_serial)); }

    static QDockWidget *dock(MainWindow &window, const QString &name) { return window.findChild<QDockWidget *>(name); }
    static QTabWidget *pages(MainWindow &window) { return window.findChild<QTabWidget *>(u"centerTabs"_s); }

    // The first run at WIDTH x HEIGHT: nothing saved, the default layout at that size.
    static void showFirstRun(MainWindow &window, int width, int height)
    {
        window.resize(width, height);
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50); // the first run sizes its panes once the window is shown
    }

    // The task tree and the detail pane are as wide as the window promises, and the task names
    // read whole ("Password reset" is the longest name at the first level under its phase).
    static void verifyPanesReadable(MainWindow &window, const QString &where)
    {
        const int least = window.sidePaneMinimumWidth();
        for (const QString &name : { u"taskTreeDock"_s, u"detailDock"_s }) {
            QDockWidget *d = dock(window, name);
            QVERIFY2(d->isVisible(), qPrintable(where + u": "_s + name));
            QVERIFY2(d->width() >= least,
                qPrintable(u"%1: %2 is %3 px, less than %4"_s.arg(where, name).arg(d->width()).arg(least)));
        }
        QTreeView *tree = window.taskTree()->treeView();
        tree->expandAll();
        const QModelIndexList found = tree->model()->match(
            tree->model()->index(0, 0), Qt::DisplayRole, u"Password reset"_s, 1, Qt::MatchExactly | Qt::MatchRecursive);
        QVERIFY(!found.isEmpty());
        const int room = tree->visualRect(found.first()).width();
        const int needed = tree->fontMetrics().horizontalAdvance(u"Password reset"_s) + tree->iconSize().width() + 8;
        QVERIFY2(
            room >= needed, qPrintable(u"%1: a task name has %2 px, %3 needed"_s.arg(where).arg(room).arg(needed)));
    }

    // Every visible widget of a tool row has its minimum width and lies inside the row.
    static void verifyWhole(QWidget *row)
    {
        QTest::qWait(20); // a row that has just wrapped lays out on the next pass
        for (QWidget *child : row->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (!child->isVisible())
                continue;
            QVERIFY2(child->width() >= child->minimumSizeHint().width(),
                qPrintable(u"%1 is %2 px, it needs %3"_s.arg(QString::fromLatin1(child->metaObject()->className()))
                               .arg(child->width())
                               .arg(child->minimumSizeHint().width())));
            QVERIFY(child->geometry().right() < row->width());
        }
    }

    static QList<QAction *> menuActions(QMenu *menu)
    {
        QList<QAction *> all;
        for (QAction *action : menu->actions()) {
            all.append(action);
            if (action->menu())
                all += menuActions(action->menu());
        }
        return all;
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createWindowFixture(m_path));
    }

    void everyPageFitsAt1024()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1024, 768 })); // the first run at that size
        QTRY_VERIFY(window.taskTree()->treeView()->model()->rowCount() > 0);
        QTabWidget *tabs = pages(window);
        for (int page = 0; page < tabs->count(); ++page) {
            tabs->setCurrentIndex(page);
            QTest::qWait(20);
            const QString where = tabs->tabText(page);
            // A page that needs more than the room between the panes widens the window off screen.
            QVERIFY2(window.minimumSizeHint().width() <= 1024,
                qPrintable(u"%1 needs a %2 px window"_s.arg(where).arg(window.minimumSizeHint().width())));
            QVERIFY2(window.width() == 1024, qPrintable(u"%1: the window is %2 px"_s.arg(where).arg(window.width())));
            if (tabs->widget(page) != window.findChild<ReviewView *>()) // reviewing folds the panes away
                verifyPanesReadable(window, where);
        }
    }

    // A table opened filtered from a dashboard link ("and 103 more…" opens Agents filtered to
    // "=running"): the tool row with its title, "rows 1–25 of 109 (filtered)", the search and
    // Clear filters no longer fits in one line between the panes; it takes two, the window stays
    // 1024 px wide (it grew to 1234 px and cut the Detail pane off the screen).
    void aFilteredTableFitsAt1024()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1024, 768 })); // the first run at that size
        auto *dashboard = window.findChild<DashboardView *>();
        QVERIFY(dashboard);
        for (const QString &table : { u"agents"_s, u"task_dependencies"_s }) {
            emit dashboard->openFilteredTable(table, u"id"_s, u"=no-such-row-with-a-long-id"_s);
            auto *browser = window.findChild<TableBrowser *>();
            QTRY_COMPARE(browser->currentTable(), table);
            QTest::qWait(50);
            QVERIFY2(window.minimumSizeHint().width() <= 1024,
                qPrintable(u"%1 filtered needs a %2 px window"_s.arg(table).arg(window.minimumSizeHint().width())));
            QCOMPARE(window.width(), 1024);
            verifyPanesReadable(window, table);
            auto *row = browser->findChild<ToolRow *>();
            QVERIFY(row);
            QTRY_VERIFY(row->isWrapped());
            QTRY_VERIFY(row->height() >= 2 * browser->findChild<QLineEdit *>()->height());
        }
        // At 1440 px the same row is one line again.
        emit dashboard->openFilteredTable(u"agents"_s, {}, {});
        window.resize(1440, 900);
        QTRY_COMPARE(window.width(), 1440);
        auto *browser = window.findChild<TableBrowser *>();
        auto *row = browser->findChild<ToolRow *>();
        QTRY_VERIFY(!row->isWrapped());
        verifyWhole(row);
        // The page just wide enough for the row in one line (the Detail pane widened until the
        // row has 5-40 px to spare); then another table with a longer title and a filter: the
        // row no longer fits, no resize comes, it must wrap by itself.
        QDockWidget *detail = dock(window, u"detailDock"_s);
        const auto spare = [row] { return row->width() - row->oneLineWidth(); };
        const auto close = [&spare] { return spare() >= 5 && spare() <= 40; };
        for (int i = 0; i < 20 && !close(); ++i) { // a busy machine lays out late: measure again
            window.resizeDocks({ detail }, { detail->width() + spare() - 20 }, Qt::Horizontal);
            QTest::qWait(50);
        }
        QVERIFY2(close(), qPrintable(QString::number(spare())));
        QTRY_VERIFY(!row->isWrapped());
        const int pageWidth = browser->width();
        emit dashboard->openFilteredTable(u"task_dependencies"_s, u"id"_s, u"=no-such-row-with-a-long-id"_s);
        QTRY_VERIFY(row->isWrapped());
        QCOMPARE(window.width(), 1440);
        QCOMPARE(browser->width(), pageWidth);
        verifyWhole(row);
        // Back to one line on a wide page, then a smaller screen: the row's minimum is its two-line
        // width, so it never holds the window wider than 1024 px.
        window.resizeDocks({ detail }, { 300 }, Qt::Horizontal);
        emit dashboard->openFilteredTable(u"agents"_s, {}, {});
        QTRY_VERIFY(!row->isWrapped());
        window.resize(1024, 768);
        QTRY_COMPARE(window.width(), 1024);
        QTRY_VERIFY(row->isWrapped());
        verifyWhole(row);
    }

    // At 1024 px the Search page keeps its snippets on screen (they were pushed off to the right
    // behind Time, Agent, Session, Kind and Initiative): the columns that matter least fold away
    // and come back when the page is wide again.
    void searchSnippetsStayOnScreen()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1024, 768 })); // the first run at that size
        auto *search = window.findChild<SearchView *>();
        QVERIFY(search);
        pages(window)->setCurrentWidget(search);
        auto *results = search->findChild<QTreeView *>();
        QVERIFY(results);
        const auto snippetRoom = [results] {
            return results->viewport()->width()
                - results->header()->sectionViewportPosition(SearchResultModel::SnippetColumn);
        };
        QTRY_VERIFY2(snippetRoom() >= 320, qPrintable(u"the snippet has %1 px"_s.arg(snippetRoom())));
        QVERIFY(!results->isColumnHidden(SearchResultModel::AgentColumn));
        window.resize(1440, 900);
        QTRY_COMPARE(window.width(), 1440);
        QTRY_VERIFY(!results->isColumnHidden(SearchResultModel::TimeColumn));
        QVERIFY(!results->isColumnHidden(SearchResultModel::KindColumn));
        QVERIFY(snippetRoom() >= 320);
    }

    // The Query page at 1024 px: the history panel (~250 px) left the editor and the results less
    // than half of the page; it starts hidden there, the History button (Ctrl+H) shows it, and at
    // 1440 px it starts shown.
    void queryEditorHasRoomAt1024()
    {
        for (const QSize size : { QSize(1024, 768), QSize(1440, 900) }) {
            test::RealWindow real(settingsFile());
            MainWindow &window = real.window;
            QVERIFY(real.open(m_path, size)); // the first run at that size
            QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
            QWidget *page = window.findChild<QWidget *>(u"queryPage"_s);
            QTRY_VERIFY(page->isVisible());
            QWidget *library = window.findChild<QWidget *>(u"queryLibrary"_s);
            auto *toggle = window.findChild<QToolButton *>(u"queryLibraryToggle"_s);
            QVERIFY(library && toggle);
            QWidget *editor = window.findChild<QWidget *>(u"queryResults"_s);
            if (size.width() == 1024) {
                QVERIFY(!library->isVisible());
                QVERIFY(!toggle->isChecked());
                QTRY_VERIFY2(editor->width() >= page->width() * 9 / 10,
                    qPrintable(u"the results have %1 of %2 px"_s.arg(editor->width()).arg(page->width())));
                auto *sql = page->findChild<QPlainTextEdit *>();
                sql->setFocus();
                QTRY_VERIFY(sql->hasFocus());
                QTest::keyClick(sql, Qt::Key_H, Qt::ControlModifier);
                QTRY_VERIFY(library->isVisible());
                QVERIFY(toggle->isChecked());
                QCOMPARE(window.width(), 1024);
            } else {
                QVERIFY(library->isVisible());
                QVERIFY(toggle->isChecked());
            }
        }
    }

    // A user at 1440 px looks at every page, then the window shrinks to 1024 px (a smaller
    // screen, a window manager): the page in the middle gives the room, not the panes.
    void shrinkingKeepsThePanesReadable()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1440, 900 })); // the first run at that size
        QTRY_VERIFY(window.taskTree()->treeView()->model()->rowCount() > 0);
        QTabWidget *tabs = pages(window);
        for (int page = 0; page < tabs->count(); ++page) {
            tabs->setCurrentIndex(page);
            QTest::qWait(20);
        }
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        window.resize(1024, 768);
        QTRY_COMPARE(window.width(), 1024);
        for (int page = 0; page < tabs->count(); ++page) {
            if (tabs->widget(page) == window.findChild<ReviewView *>())
                continue;
            tabs->setCurrentIndex(page);
            QTest::qWait(20);
            QCOMPARE(window.width(), 1024);
            verifyPanesReadable(window, tabs->tabText(page));
        }
    }

    // View > Reset layout at 1024 px gives what a first run at 1024 px gives.
    void resetLayoutAt1024IsTheFirstRunThere()
    {
        QHash<QString, int> first;
        {
            test::RealWindow real(settingsFile());
            MainWindow &window = real.window;
            QVERIFY(real.open(m_path, { 1024, 768 })); // the first run at that size
            for (QDockWidget *d : window.findChildren<QDockWidget *>()) {
                if (d->isVisible())
                    first.insert(d->objectName(), d->width());
            }
            first.insert(u"page"_s, window.centralWidget()->width());
        }
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1440, 900 })); // the first run at that size
        // Crowded at 1440 px: a pane widened, the agent log open; then the window shrinks.
        window.resizeDocks({ dock(window, u"taskTreeDock"_s) }, { 600 }, Qt::Horizontal);
        QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
        QTRY_VERIFY(dock(window, u"logDock"_s)->isVisible());
        window.resize(1024, 768);
        QTRY_COMPARE(window.width(), 1024);
        window.resetLayout();
        QTest::qWait(50);
        QHash<QString, int> again;
        for (QDockWidget *d : window.findChildren<QDockWidget *>()) {
            if (d->isVisible())
                again.insert(d->objectName(), d->width());
        }
        again.insert(u"page"_s, window.centralWidget()->width());
        QCOMPARE(QSet<QString>(again.keyBegin(), again.keyEnd()), QSet<QString>(first.keyBegin(), first.keyEnd()));
        for (auto it = first.cbegin(); it != first.cend(); ++it)
            QVERIFY2(qAbs(again.value(it.key()) - it.value()) <= 8,
                qPrintable(u"%1: %2 px after the reset, %3 px on a first run"_s.arg(it.key())
                               .arg(again.value(it.key()))
                               .arg(it.value())));
    }

    // At 1024 px the main toolbar shows every action, none behind the "»" extension, also when
    // Undo names a long action; each of them is in a menu as well.
    void toolbarShowsEveryActionAt1024()
    {
        const QString copy = m_dir.filePath(u"toolbar.db"_s);
        QVERIFY(QFile::copy(m_path, copy));
        {
            // A task with a long name, as real ones are: Undo names it.
            const QString c = test::openRaw(copy);
            test::insertRow(c, u"tasks"_s,
                { { u"id"_s, u"task-long"_s }, { u"initiativeId"_s, u"in-1"_s }, { u"phaseId"_s, u"ph-1"_s },
                    { u"name"_s, u"Decide between CSV and XLSX for the monthly export with finance"_s },
                    { u"status"_s, u"blocked"_s }, { u"createdAt"_s, test::earlyStamp() },
                    { u"updatedAt"_s, test::earlyStamp() } });
            test::closeRaw(c);
        }
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(copy, true));
        showFirstRun(window, 1024, 768);
        auto *runner = window.findChild<ActionRunner *>();
        QVERIFY(runner && runner->service()->isAvailable());
        const WriteResult done = runner->run(
            runner->service()->plan(u"set-task-status"_s, { u"task-long"_s }, { u"in_progress"_s }), true);
        QVERIFY2(done.outcome == WriteOutcome::Applied, qPrintable(done.message));
        QTRY_VERIFY(runner->undoAction()->isEnabled());
        // The menu names the action.
        QVERIFY2(
            runner->undoAction()->text().contains(u"Decide between CSV"_s), qPrintable(runner->undoAction()->text()));

        auto *toolbar = window.findChild<QToolBar *>(u"mainToolBar"_s);
        QVERIFY(toolbar);
        QTest::qWait(20);
        QWidget *extension = toolbar->findChild<QWidget *>(u"qt_toolbar_ext_button"_s);
        QVERIFY(!extension || !extension->isVisible());
        QList<QAction *> inMenus;
        for (QAction *menu : window.menuBar()->actions()) {
            if (menu->menu())
                inMenus += menuActions(menu->menu());
        }
        for (QAction *action : toolbar->actions()) {
            if (action->isSeparator())
                continue;
            QWidget *button = toolbar->widgetForAction(action);
            QVERIFY2(button && button->isVisible(), qPrintable(action->text()));
            QVERIFY2(toolbar->rect().contains(button->geometry()), qPrintable(action->text()));
            QVERIFY2(inMenus.contains(action), qPrintable(action->text() + u" is in no menu"_s));
        }
    }

    // A status message longer than the room left of the permanent labels is elided there, and its
    // tool tip says all of it.
    void longStatusMessageIsElided()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(real.open(m_path, { 1024, 768 })); // the first run at that size
        QString text = u"Resolve review comment 'The login form should remember the user' — done."_s;
        for (int i = 0; i < 4; ++i)
            text += u" Ctrl+Z: Undo Resolve review comment 'The login form should remember the user'."_s;
        window.statusBar()->showMessage(text, 60000);
        auto *message = window.statusBar()->findChild<ElidedLabel *>(u"statusMessage"_s);
        QVERIFY(message);
        QTRY_COMPARE(message->fullText(), text);
        QVERIFY(message->isVisible());
        QVERIFY(message->isElided());
        QVERIFY(message->text().endsWith(u'…'));
        QVERIFY(message->toolTip().contains(u"remember the user"_s));
        QVERIFY(message->fontMetrics().horizontalAdvance(message->text()) <= message->contentsRect().width());
        for (QWidget *permanent : window.statusBar()->findChildren<QWidget *>(Qt::FindDirectChildrenOnly)) {
            if (permanent == message || !permanent->isVisible() || permanent->isWindow())
                continue;
            QVERIFY2(!message->geometry().intersects(permanent->geometry()),
                qPrintable(u"%1 at %2 px overlaps the message up to %3 px"_s
                               .arg(QLatin1String(permanent->metaObject()->className()))
                               .arg(permanent->x())
                               .arg(message->geometry().right())));
        }
        window.statusBar()->clearMessage();
        QTRY_VERIFY(message->fullText().isEmpty());
        QVERIFY(message->toolTip().isEmpty());
    }
};

QTEST_MAIN(TestWindowFit)
#include "tst_windowfit.moc"
