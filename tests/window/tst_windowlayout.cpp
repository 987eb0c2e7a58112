// The window's layout as a user meets it (point 8): View > Reset layout gives exactly the first
// run's layout; the Review page folds the side panes away and leaving it brings them back,
// remembered across runs; at 1024x768 (also after shrinking) the page in the middle, the task
// names and the detail pane keep room; a bottom pane opens with room to read and its edge resizes it.

#include "mainwindow.h"
#include "realwindow.h"
#include "review/reviewview.h"
#include "tasks/tasktreeview.h"
#include "windowfixture.h"

#include <QApplication>
#include <QDockWidget>
#include <QHeaderView>
#include <QMouseEvent>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestWindowLayout : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;
    int m_serial = 0;

    struct DockShape
    {
        bool visible;
        Qt::DockWidgetArea area;
        int width;
    };

    static QHash<QString, DockShape> shape(MainWindow &window)
    {
        QHash<QString, DockShape> docks;
        for (QDockWidget *dock : window.findChildren<QDockWidget *>())
            docks.insert(dock->objectName(), { dock->isVisible(), window.dockWidgetArea(dock), dock->width() });
        return docks;
    }

    static QDockWidget *dock(MainWindow &window, const QString &name) { return window.findChild<QDockWidget *>(name); }

    QString settingsFile() { return m_dir.filePath(u"layout%1.ini"_s.arg(++m_serial)); }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CONFIG_HOME", m_dir.filePath(u"config"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createWindowFixture(m_path));
    }

    void resetLayoutIsTheFirstRunLayout()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout(); // nothing saved: the first run
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        const QHash<QString, DockShape> first = shape(window);
        // Crowd it: every pane open, the detail gone, a side pane wider.
        for (QDockWidget *d : window.findChildren<QDockWidget *>())
            d->show();
        dock(window, u"detailDock"_s)->hide();
        window.resizeDocks({ dock(window, u"taskTreeDock"_s) }, { 600 }, Qt::Horizontal);
        QTest::qWait(20);
        QAction *reset = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->text() == u"Reset &layout")
                reset = action;
        }
        QVERIFY(reset);
        reset->trigger();
        QTest::qWait(50);
        const QHash<QString, DockShape> again = shape(window);
        for (auto it = first.cbegin(); it != first.cend(); ++it) {
            const DockShape now = again.value(it.key());
            QVERIFY2(now.visible == it->visible, qPrintable(it.key()));
            QVERIFY2(now.area == it->area, qPrintable(it.key()));
            if (it->visible)
                QVERIFY2(qAbs(now.width - it->width) <= 8,
                    qPrintable(u"%1: %2 vs %3"_s.arg(it.key()).arg(now.width).arg(it->width)));
        }
    }

    void reviewFoldsTheSidePanesAndLeavingRestoresThem()
    {
        const QString file = settingsFile();
        {
            test::RealWindow real(file);
            MainWindow &window = real.window;
            QVERIFY(window.openFile(m_path));
            window.restoreLayout();
            window.resize(1440, 900);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            QVERIFY(dock(window, u"taskTreeDock"_s)->isVisible());
            QVERIFY(dock(window, u"detailDock"_s)->isVisible());
            QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier); // the agent log, at the bottom
            QTRY_VERIFY(dock(window, u"logDock"_s)->isVisible());
            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            QVERIFY(!dock(window, u"taskTreeDock"_s)->isVisible());
            QVERIFY(!dock(window, u"detailDock"_s)->isVisible());
            QVERIFY(!dock(window, u"logDock"_s)->isVisible()); // it would leave the diff a strip
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            QVERIFY(dock(window, u"logDock"_s)->isVisible());
            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            // The user wants the detail while reviewing: the review page keeps it.
            dock(window, u"detailDock"_s)->show();
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            QVERIFY(dock(window, u"taskTreeDock"_s)->isVisible());
            QVERIFY(dock(window, u"detailDock"_s)->isVisible());
            QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
            QVERIFY(!dock(window, u"taskTreeDock"_s)->isVisible());
            QVERIFY(dock(window, u"detailDock"_s)->isVisible());
            QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
            window.close();
        }
        test::RealWindow real(file);
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(dock(window, u"taskTreeDock"_s)->isVisible());
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QVERIFY(!dock(window, u"taskTreeDock"_s)->isVisible()); // remembered
        QVERIFY(dock(window, u"detailDock"_s)->isVisible());
    }

    void smallScreenKeepsRoom()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1024, 768);
        window.restoreLayout();
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(50);
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QWidget *center = window.centralWidget();
        QVERIFY2(center->width() >= window.width() * 40 / 100, qPrintable(QString::number(center->width())));
        QTreeView *tree = window.taskTree()->treeView();
        QTRY_VERIFY(tree->model() && tree->model()->rowCount() > 0);
        tree->expandAll();
        const int nameWidth = tree->header()->sectionSize(0);
        const int needed = tree->fontMetrics().horizontalAdvance(u"Password reset"_s);
        QVERIFY2(nameWidth >= needed, qPrintable(u"name column %1 px < %2"_s.arg(nameWidth).arg(needed)));
        // The detail pane keeps room to read too: the widest page not shown (Timeline, Query) does
        // not squeeze it to a sliver.
        const int detail = dock(window, u"detailDock"_s)->width();
        QVERIFY2(detail >= window.width() * 22 / 100, qPrintable(u"detail pane %1 px"_s.arg(detail)));
    }

    // The same when the window shrinks from 1440 to 1024 px while shown (a user or a window
    // manager resizing it), with the agent log open and both side panes widened.
    void shrinkingKeepsTheDetailPane()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout();
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_2, Qt::ControlModifier);
        QTRY_VERIFY(dock(window, u"detailDock"_s)->width() >= 1440 * 22 / 100);
        // The user opens the agent log and widens both side panes to 380 px.
        QTest::keyClick(&window, Qt::Key_4, Qt::AltModifier);
        QTRY_VERIFY(dock(window, u"logDock"_s)->isVisible());
        window.resizeDocks(
            { dock(window, u"taskTreeDock"_s), dock(window, u"detailDock"_s) }, { 380, 380 }, Qt::Horizontal);
        QTRY_VERIFY(qAbs(dock(window, u"detailDock"_s)->width() - 380) < 10);
        window.resize(1024, 768);
        QTRY_COMPARE(window.width(), 1024);
        const int share = 380 * 1024 / 1440 * 9 / 10;
        QTRY_VERIFY2(dock(window, u"detailDock"_s)->width() >= share,
            qPrintable(u"detail pane %1 px"_s.arg(dock(window, u"detailDock"_s)->width())));
        QTRY_VERIFY2(dock(window, u"taskTreeDock"_s)->width() >= share,
            qPrintable(u"task tree %1 px"_s.arg(dock(window, u"taskTreeDock"_s)->width())));
        QVERIFY2(window.centralWidget()->width() >= 1024 * 40 / 100,
            qPrintable(QString::number(window.centralWidget()->width())));
    }

    void bottomPaneOpensWithRoomToRead()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout();
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget *history = dock(window, u"historyDock"_s);
        QVERIFY(!history->isVisible());
        QTest::keyClick(&window, Qt::Key_9, Qt::AltModifier);
        QTRY_VERIFY(history->isVisible());
        QTRY_VERIFY2(history->height() >= window.height() * 30 / 100, qPrintable(QString::number(history->height())));
        QVERIFY(!history->isFloating());
    }

    // On the Review page a bottom pane opens smaller (28 %): at 1024x768 the Graph pane at 40 %
    // left the diff one line.
    void bottomPaneLeavesTheReviewItsRoom()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout();
        window.resize(1024, 768);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::keyClick(&window, Qt::Key_3, Qt::ControlModifier);
        QTRY_COMPARE(
            window.findChild<QTabWidget *>(u"centerTabs"_s)->currentWidget(), window.findChild<ReviewView *>());
        QDockWidget *history = dock(window, u"historyDock"_s);
        QTest::keyClick(&window, Qt::Key_9, Qt::AltModifier);
        QTRY_VERIFY(history->isVisible());
        QTest::qWait(200); // the pane is sized on the next turn of the event loop
        QVERIFY2(history->height() >= window.height() * 20 / 100 && history->height() <= window.height() * 32 / 100,
            qPrintable(QString::number(history->height())));
    }

    // A drag from just above a bottom pane's title bar resizes the pane; it does not undock it
    // (the separator is 8 px, not the style's 6, so a press a little low still grabs it).
    void bottomPaneResizesFromItsEdge()
    {
        test::RealWindow real(settingsFile());
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.restoreLayout();
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QDockWidget *history = dock(window, u"historyDock"_s);
        QTest::keyClick(&window, Qt::Key_9, Qt::AltModifier);
        QTRY_VERIFY(history->isVisible());
        QTRY_VERIFY(history->height() >= window.height() * 30 / 100);
        const int before = history->height();
        const QPoint grab(history->geometry().center().x(), history->geometry().top() - 7);
        // The window moves a separator on a zero-time timer after the mouse moved: let it run.
        QTest::mousePress(&window, Qt::LeftButton, {}, grab);
        QTest::mouseMove(&window, grab - QPoint(0, 30));
        QTest::qWait(50);
        QTest::mouseMove(&window, grab - QPoint(0, 60));
        QTest::qWait(50);
        QTest::mouseRelease(&window, Qt::LeftButton, {}, grab - QPoint(0, 60));
        QVERIFY(!history->isFloating());
        QTRY_VERIFY2(history->height() >= before + 50, qPrintable(u"%1 -> %2 px"_s.arg(before).arg(history->height())));
    }
};

QTEST_MAIN(TestWindowLayout)
#include "tst_windowlayout.moc"
