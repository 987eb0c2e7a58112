// The window as a user drives it: open a file (and a bad one), navigate from a task to its
// agent and back, quick routes, remembered layout.

#include "appcontext.h"
#include "browse/detailview.h"
#include "browse/tablebrowser.h"
#include "browse/tablemodel.h"
#include "database.h"
#include "fixtures.h"
#include "mainwindow.h"
#include "realwindow.h"

#include <QAction>
#include <QDockWidget>
#include <QFile>
#include <QLabel>
#include <QSettings>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QToolBar>

#include <sys/stat.h>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestMainWindow : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8()); // the action journal goes here
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        test::insertRow(c, u"initiatives"_s, { { u"id"_s, u"in-1"_s }, { u"name"_s, u"Auth"_s } });
        test::insertRow(c, u"tasks"_s,
            { { u"id"_s, u"task-1"_s }, { u"initiativeId"_s, u"in-1"_s }, { u"name"_s, u"Login form"_s },
                { u"status"_s, u"blocked"_s } });
        test::insertRow(c, u"agents"_s,
            { { u"id"_s, u"agent-1"_s }, { u"name"_s, u"brave-otter"_s }, { u"taskId"_s, u"task-1"_s },
                { u"worktreeId"_s, u"/wt"_s }, { u"status"_s, u"crashed"_s } });
        test::closeRaw(c);
    }

    void taskToAgentAndBack()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.navigate({ u"tasks"_s, u"task-1"_s });
        QCOMPARE(window.detailView()->current().id, u"task-1"_s);
        QTRY_VERIFY(window.detailView()->html().contains(u"Login form"_s));
        // The detail pane links the task's one agent directly.
        QTRY_VERIFY(window.detailView()->html().contains(u"cwi:open/agents/agent-1"_s));
        window.navigate({ u"agents"_s, u"agent-1"_s });
        QTRY_VERIFY(window.detailView()->html().contains(u"brave-otter"_s));
        window.goBack();
        QCOMPARE(window.detailView()->current().id, u"task-1"_s);
        window.goForward();
        QCOMPARE(window.detailView()->current().id, u"agent-1"_s);
        QTRY_VERIFY(!window.isBusy());
    }

    void tableRouteAndRowVisit()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.navigate({ u"agents"_s, {} }); // a table: the browser shows it
        QCOMPARE(window.tableBrowser()->currentTable(), u"agents"_s);
        QTRY_COMPARE(window.tableBrowser()->model()->rowCount(), 1);
        QTRY_VERIFY(!window.isBusy());
    }

    void anotherProcessCommitReachesTheOpenTable()
    {
        const QString copy = m_dir.filePath(u"live.db"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_path, copy));
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(copy));
        window.navigate({ u"agents"_s, {} });
        QTRY_COMPARE(window.tableBrowser()->model()->rowCount(), 1);
        const QString server = test::openRaw(copy);
        test::insertRow(server, u"agents"_s,
            { { u"id"_s, u"agent-2"_s }, { u"name"_s, u"calm-heron"_s }, { u"worktreeId"_s, u"/wt2"_s },
                { u"status"_s, u"running"_s } });
        test::closeRaw(server);
        // The change detector (polled every 500 ms with live refresh on) sees the commit; the
        // open table shows the new row without a manual refresh.
        QTRY_COMPARE_WITH_TIMEOUT(window.tableBrowser()->model()->rowCount(), 2, 5000);
        // The status bar says so (AppContext forwards the file's externallyChanged).
        const auto seen = [&window] {
            for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
                if (label->text().startsWith(u"change seen"_s))
                    return true;
            }
            return false;
        };
        QTRY_VERIFY(seen());
    }

    // Editing (Ctrl+E) on and off; the title follows the file's writableChanged (forwarded by
    // AppContext), not a call of the toggle.
    void editingShowsInTheTitle()
    {
        const QString copy = m_dir.filePath(u"edit.db"_s);
        QFile::remove(copy);
        QVERIFY(QFile::copy(m_path, copy));
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(copy));
        QVERIFY2(window.windowTitle().contains(u"read-only"_s), qPrintable(window.windowTitle()));
        QAction *editing = nullptr;
        for (QAction *action : window.findChildren<QAction *>()) {
            if (action->shortcut() == QKeySequence(u"Ctrl+E"_s))
                editing = action;
        }
        QVERIFY(editing);
        editing->trigger();
        QTRY_VERIFY2(window.windowTitle().contains(u"editing"_s), qPrintable(window.windowTitle()));
        editing->trigger();
        QTRY_VERIFY2(window.windowTitle().contains(u"read-only"_s), qPrintable(window.windowTitle()));
        // Writing switched on by something else than the toggle: the title and the toggle follow
        // the file's writableChanged.
        QString error;
        QVERIFY2(real.context.database()->enableWriting(&error), qPrintable(error));
        QTRY_VERIFY2(window.windowTitle().contains(u"editing"_s), qPrintable(window.windowTitle()));
        QVERIFY(editing->isChecked());
        real.context.database()->disableWriting();
        QTRY_VERIFY2(window.windowTitle().contains(u"read-only"_s), qPrintable(window.windowTitle()));
        QVERIFY(!editing->isChecked());
    }

    void aBadFileKeepsTheCurrentOne()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        AppContext &context = real.context;
        QVERIFY(window.openFile(m_path));
        const QString text = m_dir.filePath(u"notes.txt"_s);
        QFile file(text);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("not a database");
        file.close();
        QString error;
        QVERIFY(!window.openFile(text, false, &error));
        QVERIFY(error.contains(u"Not a SQLite database"_s));
        QCOMPARE(context.database()->path(), QFileInfo(m_path).absoluteFilePath());
        QVERIFY(window.statusBar()->currentMessage().contains(u"Not a SQLite database"_s));
    }

    void aRefusedFirstFileLeavesNoLoadingState()
    {
        // The window comes up with "Opening pipe.db… Loading…" before the file is read; a FIFO
        // (never opened) is refused: the status bar and the title no longer say it is loading.
        test::RealWindow real(m_dir.filePath(u"settings-fifo.ini"_s));
        MainWindow &window = real.window;
        const QString fifo = m_dir.filePath(u"pipe.db"_s);
        QVERIFY(::mkfifo(QFile::encodeName(fifo).constData(), 0600) == 0);
        window.showOpening(fifo);
        QString error;
        QVERIFY(!window.openFile(fifo, false, &error)); // returns: a FIFO is never opened
        QVERIFY2(error.contains(u"FIFO"_s), qPrintable(error));
        QVERIFY(window.statusBar()->currentMessage().contains(u"FIFO"_s));
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>()) {
            QVERIFY2(!label->text().contains(u"Loading"_s) && !label->text().contains(u"Opening"_s),
                qPrintable(label->text()));
        }
        QVERIFY2(!window.windowTitle().contains(u"pipe.db"_s), qPrintable(window.windowTitle()));
    }

    void everyDockAndToolbarHasAStableName()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QSet<QString> names;
        for (QDockWidget *dock : window.findChildren<QDockWidget *>()) {
            QVERIFY2(!dock->objectName().isEmpty(), qPrintable(dock->windowTitle()));
            names.insert(dock->objectName());
        }
        for (QToolBar *bar : window.findChildren<QToolBar *>(QString(), Qt::FindDirectChildrenOnly))
            QVERIFY(!bar->objectName().isEmpty()); // restoreState() keys on it
        QVERIFY(names.contains(u"detailDock"_s));
        QVERIFY(names.contains(u"taskTreeDock"_s));
        QVERIFY(names.contains(u"logDock"_s));
    }

    void layoutAndFileAreRemembered()
    {
        const QString settingsPath = m_dir.filePath(u"layout.ini"_s);
        {
            test::RealWindow real(settingsPath);
            MainWindow &window = real.window;
            QVERIFY(window.openFile(m_path));
            window.show();
            window.findChild<QDockWidget *>(u"detailDock"_s)->hide();
            window.close(); // saves geometry and state
        }
        {
            const QSettings settings(settingsPath, QSettings::IniFormat);
            QCOMPARE(settings.value(u"lastFile"_s).toString(), QFileInfo(m_path).absoluteFilePath());
            QVERIFY(settings.value(u"recentFiles"_s).toStringList().contains(QFileInfo(m_path).absoluteFilePath()));
        }
        test::RealWindow real(settingsPath); // a second run, with the settings the first left
        MainWindow &window = real.window;
        window.restoreLayout();
        window.show();
        QVERIFY(!window.findChild<QDockWidget *>(u"detailDock"_s)->isVisible());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
