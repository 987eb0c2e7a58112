// The insight pages on the real MainWindow, driven with QTest events: Ctrl+Shift+F searches every
// log and Enter opens the transcript at the hit; a hostile query says why it cannot be read; the
// Files page lists a file's edits and opens one; a click on the Activity page's tool chart filters
// the session list; a click on a Timeline bar opens the session; the dashboard's cost card reads
// the index; and a writer's new chunks reach the pages live.

#include "appcontext.h"
#include "dashboard/dashboardview.h"
#include "database.h"
#include "fixtures.h"
#include "insight/activityview.h"
#include "insight/chartpanel.h"
#include "insight/filesview.h"
#include "insight/indexstatus.h"
#include "insight/insightindex.h"
#include "insight/searchresultmodel.h"
#include "insight/searchview.h"
#include "insight/timelinecanvas.h"
#include "insight/timelineview.h"
#include "insightlog.h"
#include "linktext.h"
#include "logs/logview.h"
#include "mainwindow.h"
#include "panehost.h"
#include "realwindow.h"
#include "transcript/transcriptmodel.h"

#include <QAbstractBarSeries>
#include <QBarSet>
#include <QChart>
#include <QLabel>
#include <QLineEdit>
#include <QSettings>
#include <QSignalSpy>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestInsightPages : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static void addChunks(const QString &raw, const QString &agentId, const QString &name, int session,
        const QByteArray &bytes, qint64 createdAt)
    {
        for (qsizetype at = 0; at < bytes.size(); at += 90) {
            test::insertRow(raw, u"agent_log_chunks"_s,
                { { u"agentId"_s, agentId }, { u"agentName"_s, name }, { u"sessionNumber"_s, session },
                    { u"content"_s, QString::fromUtf8(bytes.mid(at, 90)) }, { u"createdAt"_s, createdAt } });
        }
    }

    template<typename T> static T *page(MainWindow &window) { return window.findChild<T *>(); }

    static QWidget *currentPage(MainWindow &window)
    {
        return window.findChild<QTabWidget *>(u"centerTabs"_s)->currentWidget();
    }

    static qint64 currentLogLine(LogView *log)
    {
        return log->transcriptView()->currentIndex().data(TranscriptModel::LineRole).toLongLong();
    }

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        qputenv("XDG_CACHE_HOME", m_dir.filePath(u"cache"_s).toUtf8());
        m_path = m_dir.filePath(u"cw.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        test::insertRow(c, u"initiatives"_s, { { u"id"_s, u"in-1"_s }, { u"name"_s, u"Auth"_s } });
        test::insertRow(c, u"agents"_s,
            { { u"id"_s, u"agent-1"_s }, { u"name"_s, u"brave-otter"_s }, { u"initiativeId"_s, u"in-1"_s },
                { u"worktreeId"_s, u"/wt"_s }, { u"status"_s, u"idle"_s } });
        addChunks(c, u"agent-1"_s, u"brave-otter"_s, 1, test::demoSession(u"parser"_s), 1700000000);
        test::closeRaw(c);
    }

    void searchOpensTheTranscriptAtTheHit()
    {
        test::RealWindow real(m_dir.filePath(u"s1.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.insightIndex()->hasText());

        QTest::keyClick(&window, Qt::Key_F, Qt::ControlModifier | Qt::ShiftModifier);
        auto *search = page<SearchView>(window);
        QCOMPARE(currentPage(window), search);
        QTRY_VERIFY(search->queryEdit()->hasFocus());
        QTest::keyClicks(search->queryEdit(), u"make"_s);
        QTest::keyClick(search->queryEdit(), Qt::Key_Return);
        QTRY_COMPARE(search->resultModel()->rowCount(), 2); // the Bash call and its failed result
        QTRY_VERIFY(!search->isBusy());

        // Down goes to the hits; Enter opens the newest (the failed result, line 5) in the log.
        QTest::keyClick(search->queryEdit(), Qt::Key_Down);
        QVERIFY(search->resultView()->hasFocus());
        QCOMPARE(search->resultView()->currentIndex().row(), 0);
        QTest::keyClick(search->resultView(), Qt::Key_Return);
        auto *log = page<LogView>(window);
        QTRY_COMPARE(log->agentId(), u"agent-1"_s);
        QCOMPARE(log->sessionNumber(), 1);
        QTRY_COMPARE(currentLogLine(log), 5);
        QTRY_VERIFY(!window.isBusy());
    }

    void snippetsAreEscapedAndHostileQueriesExplained()
    {
        test::RealWindow real(m_dir.filePath(u"s2.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        QTRY_VERIFY(window.insightIndex()->hasText());
        auto *search = page<SearchView>(window);

        search->setQuery(u"done NOT all"_s); // the log says "<b>Done</b> with parser" (and "All done")
        QTRY_COMPARE(search->resultModel()->rowCount(), 1);
        const QString html = search->resultModel()
                                 ->index(0, SearchResultModel::SnippetColumn)
                                 .data(SearchResultModel::SnippetHtmlRole)
                                 .toString();
        QCOMPARE(html, u"&lt;b&gt;<b style=\"background-color:#fde68a\">Done</b>&lt;/b&gt; with parser"_s);

        for (const QString &hostile : { u"\"make"_s, u"*"_s, u"NEAR(make"_s, u"make OR"_s }) {
            search->setQuery(hostile);
            QTRY_VERIFY2(search->statusText().contains(u"cannot be read"_s), qPrintable(hostile));
            QCOMPARE(search->resultModel()->rowCount(), 0);
        }
        search->setQuery(u"\"no rule\""_s); // a phrase
        QTRY_COMPARE(search->resultModel()->rowCount(), 1);
        QVERIFY(!search->statusText().contains(u"cannot be read"_s));
        QTRY_VERIFY(!window.isBusy());
    }

    // With the index off (or before its first pass) the pages say why they are empty, not
    // "0 sessions, $0.000" under empty charts.
    void pagesSayWhyTheyAreEmpty()
    {
        {
            QSettings off(m_dir.filePath(u"off.ini"_s), QSettings::IniFormat);
            off.setValue(u"insight/enabled"_s, false); // read when the window is made
        }
        test::RealWindow real(m_dir.filePath(u"off.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const auto says = [](QWidget *page, const QString &text) {
            for (QLabel *label : page->findChildren<QLabel *>()) {
                if (label->isVisible() && label->text().contains(text))
                    return true;
            }
            return false;
        };
        for (const Qt::Key key : { Qt::Key_5, Qt::Key_6, Qt::Key_7 }) {
            QTest::keyClick(&window, key, Qt::ControlModifier);
            QWidget *shown = currentPage(window);
            QTRY_VERIFY2(says(shown, u"Indexing is off"_s), qPrintable(shown->objectName()));
            QVERIFY(!says(shown, u"0 sessions"_s));
        }
    }

    void filesActivityTimelineAndDashboard()
    {
        test::RealWindow real(m_dir.filePath(u"s3.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY(window.insightIndex()->hasFacts());

        // Files: the edited file, its one edit, opened at the Edit call's line.
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        auto *files = page<FilesView>(window);
        QCOMPARE(currentPage(window), files);
        QTRY_COMPARE(files->fileList()->topLevelItemCount(), 1);
        QCOMPARE(files->fileList()->topLevelItem(0)->text(0), u"/src/app/main.cpp"_s);
        files->fileList()->setCurrentItem(files->fileList()->topLevelItem(0));
        QTRY_COMPARE(files->editList()->topLevelItemCount(), 1);
        files->editList()->setFocus();
        files->editList()->setCurrentItem(files->editList()->topLevelItem(0));
        QTest::keyClick(files->editList(), Qt::Key_Return);
        auto *log = page<LogView>(window);
        QTRY_COMPARE(log->agentId(), u"agent-1"_s);
        QTRY_COMPARE(currentLogLine(log), 2);

        // Activity: a click on the Bash bar of the tool chart filters the sessions below.
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        auto *activity = page<ActivityView>(window);
        QCOMPARE(currentPage(window), activity);
        QTRY_VERIFY(!activity->isBusy());
        QTRY_COMPARE(activity->sessionList()->topLevelItemCount(), 1);
        auto *tools = qobject_cast<QAbstractBarSeries *>(activity->toolChart()->chart()->series().value(0));
        QVERIFY(tools);
        QCOMPARE(tools->barSets().size(), 2);
        QCOMPARE(tools->barSets().at(1)->sum(), 1.0); // one failed call
        Q_EMIT tools->clicked(0, tools->barSets().at(0));
        QVERIFY(!activity->filter().tool.isEmpty());
        QTRY_VERIFY(!activity->isBusy());
        QCOMPARE(activity->sessionList()->topLevelItemCount(), 1);
        ActivityFilter none;
        none.tool = u"NoSuchTool"_s;
        activity->setFilter(none);
        QTRY_COMPARE(activity->sessionList()->topLevelItemCount(), 0);

        // Timeline: one lane, one bar; a click on it opens the session.
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        auto *timeline = page<TimelineView>(window);
        QCOMPARE(currentPage(window), timeline);
        QTRY_VERIFY(!timeline->isBusy());
        TimelineCanvas *canvas = timeline->canvas();
        QTRY_COMPARE(canvas->layoutData().sessions().size(), 1);
        log->showAgent(u"nobody"_s);
        const QRect bar = canvas->barRect(0);
        QVERIFY(canvas->viewport()->rect().intersects(bar));
        QVERIFY(canvas->toolTipFor(0).contains(u"$0.25"_s));
        QVERIFY(canvas->toolTipFor(0).contains(u"3 turns"_s));
        QTest::mouseClick(canvas->viewport(), Qt::LeftButton, {}, bar.center());
        QTRY_COMPARE(log->agentId(), u"agent-1"_s);

        // The dashboard's cost card reads the index: no "Add up now".
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        auto *dashboard = window.findChild<DashboardView *>();
        QVERIFY(dashboard);
        auto labelsWith = [dashboard](const QString &text) { // on the dashboard, not another page
            int n = 0;
            for (QLabel *label : dashboard->findChildren<QLabel *>())
                n += label->text().contains(text) ? 1 : 0;
            for (LinkText *rich : dashboard->findChildren<LinkText *>())
                n += rich->text().contains(text) ? 1 : 0;
            return n;
        };
        QTRY_VERIFY(labelsWith(u"from the log index"_s) > 0);
        QCOMPARE(labelsWith(u"Add up now"_s), 0);
        QTRY_VERIFY(labelsWith(u"$0.25"_s) > 0);
        QTRY_VERIFY(!window.isBusy());
    }

    // On a file just opened the index's first pass waits for the panes' first reads (on a 1.5 GB
    // file it took the cores from them); the window stays busy meanwhile.
    void firstPassWaitsForThePanes()
    {
        test::RealWindow real(m_dir.filePath(u"s5.ini"_s));
        MainWindow &window = real.window;
        auto *host = window.findChild<PaneHost *>();
        QVERIFY(host);
        host->jobs()->hold(99); // a pane still reading
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTest::qWait(1000); // the pass over this small file takes a fraction of that
        QVERIFY(!window.insightIndex()->hasFacts());
        QVERIFY(window.isBusy());
        host->jobs()->cancel(99); // the pane has its rows
        QTRY_VERIFY(window.insightIndex()->hasFacts());
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    }

    // A pane that never settles (a count over a huge table, a lock) holds the pass back only
    // InsightIndex::kStartWaitMs.
    void firstPassStartsAnywayWhenAPaneNeverSettles()
    {
        test::RealWindow real(m_dir.filePath(u"s6.ini"_s));
        MainWindow &window = real.window;
        auto *host = window.findChild<PaneHost *>();
        QVERIFY(host);
        host->jobs()->hold(99);
        QVERIFY(window.openFile(m_path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QTRY_VERIFY_WITH_TIMEOUT(window.insightIndex()->hasFacts(), InsightIndex::kStartWaitMs + 30000);
        QVERIFY(host->jobs()->isBusy()); // the pane still is
        host->jobs()->cancel(99);
    }

    // A writer adds a session: the index follows the file and the pages show it.
    void followsTheLiveFile()
    {
        const QString path = m_dir.filePath(u"live.db"_s);
        QVERIFY(QFile::copy(m_path, path));
        test::RealWindow real(m_dir.filePath(u"s4.ini"_s));
        MainWindow &window = real.window;
        AppContext &context = real.context;
        QVERIFY(window.openFile(path));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // The index's progress (with Cancel) is in the status bar, and says when it is done.
        auto *indexStatus = window.findChild<IndexStatus *>();
        QVERIFY(indexStatus);
        QVERIFY(indexStatus->isVisible());
        // The text pass follows the facts pass; on a loaded machine that takes more than QTRY's 5 s.
        QTRY_VERIFY_WITH_TIMEOUT(window.insightIndex()->hasText(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
        QTRY_VERIFY(!indexStatus->text().isEmpty());
        QVERIFY(!indexStatus->text().contains(u"Indexing"_s));
        // A page nobody looks at reads nothing (on a large file every hidden page queried the
        // index at start-up); it reads when shown.
        auto *timeline = page<TimelineView>(window);
        QCOMPARE(timeline->canvas()->layoutData().sessions().size(), 0);
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(currentPage(window), timeline);
        QTRY_COMPARE(timeline->canvas()->layoutData().sessions().size(), 1);

        // The file changes while the timeline is hidden: it is read again when shown.
        QTest::keyClick(&window, Qt::Key_1, Qt::ControlModifier);
        QSignalSpy updated(window.insightIndex(), &InsightIndex::updated);
        const QString c = test::openRaw(path);
        addChunks(c, u"agent-1"_s, u"brave-otter"_s, 2, test::demoSession(u"resumed"_s), 1700003600);
        test::closeRaw(c);
        context.database()->pollForChanges(); // as the change detector's timer would
        QTRY_VERIFY(updated.count() > 0);
        QTRY_VERIFY(!window.isBusy());
        QCOMPARE(timeline->canvas()->layoutData().sessions().size(), 1);
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QTRY_COMPARE(timeline->canvas()->layoutData().sessions().size(), 2);
        auto *search = page<SearchView>(window);
        search->setQuery(u"resumed"_s);
        // The text pass follows the facts pass; on a loaded machine that takes more than QTRY's 5 s.
        QTRY_COMPARE_WITH_TIMEOUT(search->resultModel()->rowCount(), 2, 60000);
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 60000);
    }
};

QTEST_MAIN(TestInsightPages)
#include "tst_insightpages.moc"
