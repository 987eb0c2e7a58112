// The Graph pane in the real MainWindow: `--view graph:PHASE` opens it, nodes and edges are
// drawn with the cycle marked, a click selects the task everywhere, + zooms, and without `dot`
// on PATH the pane says how to install Graphviz and still draws a layout; 500 tasks are laid out
// (also a star); a dot slower than the layout budget gives way to the layered layout; above 500
// tasks the neighbourhood of the selected task is shown and follows the selection; closing the
// pane (or Cancel) stops a dot that is still running.

#include "appcontext.h"
#include "browse/detailview.h"
#include "fixtures.h"
#include "graph/graphsession.h"
#include "graph/graphview.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "realwindow.h"

#include <QApplication>
#include <QDockWidget>
#include <QFile>
#include <QGraphicsItem>
#include <QGraphicsScene>
#include <QGraphicsView>
#include <QHelpEvent>
#include <QLabel>
#include <QLocale>
#include <QSemaphore>
#include <QSet>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>
#include <QToolTip>

#include <csignal>

using namespace cwi;
using namespace Qt::StringLiterals;

class TestGraphView : public QObject
{
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    QString m_path;

    static int nodeCount(GraphView *graph)
    {
        int n = 0;
        for (QGraphicsItem *item : graph->scene()->items())
            n += item->type() == QGraphicsItem::UserType + 1 ? 1 : 0;
        return n;
    }

    GraphView *open(MainWindow &window, const QString &phase)
    {
        QString error;
        if (!window.showView(u"graph:"_s + phase, &error))
            return nullptr;
        auto *graph = window.findChild<GraphView *>();
        if (!graph || !QTest::qWaitFor([&] { return !window.isBusy(); }, 60000))
            return nullptr;
        return graph;
    }

private slots:
    void initTestCase()
    {
        qputenv("XDG_DATA_HOME", m_dir.filePath(u"data"_s).toUtf8());
        m_path = m_dir.filePath(u"graph.db"_s);
        QVERIFY(test::createFixture(m_path));
        const QString c = test::openRaw(m_path);
        QVERIFY(QSqlDatabase::database(c).transaction());
        test::insertRow(c, u"initiatives"_s, { { u"id"_s, u"I1"_s }, { u"name"_s, u"Auth"_s } });
        const auto phase = [&](const QString &id, const QString &name) {
            test::insertRow(c, u"phases"_s,
                { { u"id"_s, id }, { u"initiativeId"_s, u"I1"_s }, { u"name"_s, name },
                    { u"status"_s, u"pending"_s } });
        };
        const auto task = [&](const QString &id, const QString &phaseId, const QString &status) {
            test::insertRow(c, u"tasks"_s,
                { { u"id"_s, id }, { u"phaseId"_s, phaseId }, { u"initiativeId"_s, u"I1"_s },
                    { u"name"_s, QString(u"Task "_s + id) }, { u"status"_s, status } });
        };
        const auto depends = [&](const QString &task, const QString &on) {
            test::insertRow(c, u"task_dependencies"_s,
                { { u"id"_s, QString(task + u"-"_s + on) }, { u"taskId"_s, task }, { u"dependsOnTaskId"_s, on } });
        };
        // P1: a -> b -> c -> a is a cycle, d blocked, e waits on d.
        phase(u"P1"_s, u"Cycle"_s);
        for (const QString &id : { u"a"_s, u"b"_s, u"c"_s, u"e"_s })
            task(id, u"P1"_s, u"pending"_s);
        task(u"d"_s, u"P1"_s, u"blocked"_s);
        depends(u"b"_s, u"a"_s);
        depends(u"c"_s, u"b"_s);
        depends(u"a"_s, u"c"_s);
        depends(u"e"_s, u"d"_s);
        // P2: no dependencies at all.
        phase(u"P2"_s, u"Loose"_s);
        task(u"x"_s, u"P2"_s, u"pending"_s);
        task(u"y"_s, u"P2"_s, u"completed"_s);
        // P3: 500 tasks, each waiting on one or two earlier ones.
        phase(u"P3"_s, u"Big"_s);
        for (int i = 0; i < 500; ++i) {
            task(u"big%1"_s.arg(i), u"P3"_s, i < 100 ? u"completed"_s : u"pending"_s);
            if (i > 0)
                depends(u"big%1"_s.arg(i), u"big%1"_s.arg((i * 7) % i));
            if (i > 2)
                depends(u"big%1"_s.arg(i), u"big%1"_s.arg(i - 1));
        }
        // P4: a star, one task that the other 499 wait on.
        phase(u"P4"_s, u"Star"_s);
        task(u"hub"_s, u"P4"_s, u"pending"_s);
        for (int i = 1; i < 500; ++i) {
            task(u"ray%1"_s.arg(i), u"P4"_s, u"pending"_s);
            depends(u"ray%1"_s.arg(i), u"hub"_s);
        }
        // P5: a chain of 1,200 tasks, more than is laid out at once.
        phase(u"P5"_s, u"Long"_s);
        for (int i = 0; i < 1200; ++i) {
            task(u"c%1"_s.arg(i), u"P5"_s, u"pending"_s);
            if (i > 0)
                depends(u"c%1"_s.arg(i), u"c%1"_s.arg(i - 1));
        }
        // P6: a task whose name holds QString::arg() placeholders.
        phase(u"P6"_s, u"Percent"_s);
        test::insertRow(c, u"tasks"_s,
            { { u"id"_s, u"pct"_s }, { u"phaseId"_s, u"P6"_s }, { u"initiativeId"_s, u"I1"_s },
                { u"name"_s, u"Parse 100%1 of %2 rows"_s }, { u"status"_s, u"pending"_s } });
        QVERIFY(QSqlDatabase::database(c).commit());
        test::closeRaw(c);
    }

    void cycleIsDrawnAndAClickSelects()
    {
        test::RealWindow real(m_dir.filePath(u"settings.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1440, 900);
        window.show();
        GraphView *graph = open(window, u"P1"_s);
        QVERIFY(graph);
        QVERIFY(graph->isVisible());
        QCOMPARE(nodeCount(graph), 5);
        const DependencyGraph &g = graph->session()->graph();
        QCOMPARE(g.cycleCount, 1);
        QVERIFY(g.nodes.at(g.indexOf(u"e"_s)).blockedChain);
        // Click the node of task "e": the detail pane shows it.
        QGraphicsItem *target = nullptr;
        for (QGraphicsItem *item : graph->scene()->items())
            if (item->type() == QGraphicsItem::UserType + 1 && item->toolTip().contains(u"Task e"_s))
                target = item;
        QVERIFY(target);
        graph->canvas()->centerOn(target);
        const QPoint at = graph->canvas()->mapFromScene(target->boundingRect().center());
        QTest::mouseClick(graph->canvas()->viewport(), Qt::LeftButton, {}, at);
        QTRY_COMPARE(window.detailView()->current().id, u"e"_s);
        // graph:ID of an initiative: its phases, and the detail pane shows the initiative.
        QVERIFY(open(window, u"I1"_s));
        QCOMPARE(graph->session()->graph().ownerTable, u"initiatives"_s);
        QTRY_COMPARE(window.detailView()->current().table, u"initiatives"_s);
        QCOMPARE(window.detailView()->current().id, u"I1"_s);
        QVERIFY(open(window, u"P1"_s));
        QTRY_COMPARE(window.detailView()->current().table, u"phases"_s);
        // + zooms in.
        const double before = graph->zoom();
        graph->canvas()->setFocus();
        QTest::keyClick(graph->canvas(), Qt::Key_Plus);
        QVERIFY(graph->zoom() > before);
    }

    // A node's tooltip shows the task's name as stored, '%1' and '%2' in it included (they were
    // filled with the tooltip's own parts when the parts were added by chained arg() calls).
    void tooltipKeepsPlaceholdersInTheName()
    {
        test::RealWindow real(m_dir.filePath(u"settings10.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1440, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        GraphView *graph = open(window, u"P6"_s);
        QVERIFY(graph);
        QCOMPARE(nodeCount(graph), 1);
        QGraphicsItem *node = nullptr;
        for (QGraphicsItem *item : graph->scene()->items())
            if (item->type() == QGraphicsItem::UserType + 1)
                node = item;
        QVERIFY(node);
        graph->canvas()->centerOn(node);
        QWidget *viewport = graph->canvas()->viewport();
        const QPoint at = graph->canvas()->mapFromScene(node->boundingRect().center());
        QTest::mouseMove(viewport, at);
        QHelpEvent hover(QEvent::ToolTip, at, viewport->mapToGlobal(at));
        QApplication::sendEvent(viewport, &hover);
        QTRY_VERIFY(QToolTip::isVisible());
        const QString tip = QToolTip::text();
        QVERIFY2(tip.startsWith(u"Parse 100%1 of %2 rows\n"_s), qPrintable(tip));
        QVERIFY2(tip.contains(u" · pct"_s), qPrintable(tip));
        QVERIFY2(!tip.contains(u"%4"_s) && !tip.contains(u"%5"_s) && !tip.contains(u"%6"_s), qPrintable(tip));
        QToolTip::hideText();
    }

    void noDependenciesAndBigPhase()
    {
        test::RealWindow real(m_dir.filePath(u"settings2.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        GraphView *graph = open(window, u"P2"_s);
        QVERIFY(graph);
        QCOMPARE(nodeCount(graph), 2);
        QVERIFY(graph->session()->graph().edges.isEmpty());
        bool said = false;
        for (QLabel *label : graph->findChildren<QLabel *>())
            said = said || label->text().contains(u"No dependencies"_s);
        QVERIFY(said);
        graph = open(window, u"P3"_s);
        QVERIFY(graph);
        QCOMPARE(nodeCount(graph), 500);
        QCOMPARE(graph->session()->layout().nodes.size(), 500);
        QVERIFY(graph->session()->graph().criticalLength > 10);
    }

    void starPhase()
    {
        test::RealWindow real(m_dir.filePath(u"settings5.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        GraphView *graph = open(window, u"P4"_s);
        QVERIFY(graph);
        QCOMPARE(nodeCount(graph), 500);
        QCOMPARE(graph->session()->graph().edges.size(), 499);
        QVERIFY(!graph->session()->isPartial());
        // Folded into lines by the layered layout, and the pane says why.
        QCOMPARE(graph->session()->layout().engine, GraphLayout::Layered);
        QSet<int> rows;
        for (const QRectF &r : graph->session()->layout().nodes)
            rows.insert(qRound(r.top()));
        QVERIFY(rows.size() > 10);
        bool said = false;
        for (QLabel *label : graph->findChildren<QLabel *>())
            said = said || label->text().contains(u"folded into lines"_s);
        QVERIFY(said);
    }

    // Above 500 tasks the pane shows the 500 nearest to the selected task, says so, and moves
    // when a task that is not drawn is selected; a newer move drops the older one's layout.
    void bigPhaseShowsTheNeighbourhoodOfTheSelection()
    {
        test::RealWindow real(m_dir.filePath(u"settings6.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1440, 900);
        window.show();
        GraphView *graph = open(window, u"P5"_s);
        QVERIFY(graph);
        GraphSession *session = graph->session();
        QCOMPARE(nodeCount(graph), GraphSession::kMaxNodes);
        QVERIFY(session->isPartial());
        QCOMPARE(session->wholeNodeCount(), 1200);
        QCOMPARE(session->centerId(), u"c0"_s);
        bool said = false;
        for (QLabel *label : graph->findChildren<QLabel *>())
            said = said || (label->text().contains(QLocale().toString(1200)) && label->text().contains(u"nearest"_s));
        QVERIFY(said);
        // Selecting a task far down the chain (as the task tree does) moves the picture there.
        window.navigate({ u"tasks"_s, u"c1100"_s });
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy() && session->centerId() == u"c1100"_s, 30000);
        QCOMPARE(nodeCount(graph), GraphSession::kMaxNodes);
        QVERIFY(session->graph().indexOf(u"c1100"_s) >= 0);
        QVERIFY(session->graph().indexOf(u"c0"_s) < 0);
        // Shown at a readable size around the selected task, not fitted to 500 tiny boxes.
        QCOMPARE(graph->zoom(), 1.0);
        const QRectF centre = session->layout().nodes.at(session->graph().indexOf(u"c1100"_s));
        QVERIFY(graph->canvas()->viewport()->rect().contains(graph->canvas()->mapFromScene(centre.center())));
        // A task already drawn is only marked: no new layout.
        QSignalSpy ready(session, &GraphSession::ready);
        window.navigate({ u"tasks"_s, u"c1000"_s });
        QVERIFY(!session->isBusy());
        QCOMPARE(session->centerId(), u"c1100"_s);
        // Two moves in a row: only the last one's layout arrives.
        window.navigate({ u"tasks"_s, u"c300"_s });
        window.navigate({ u"tasks"_s, u"c100"_s });
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 30000);
        QCOMPARE(session->centerId(), u"c100"_s);
        QCOMPARE(ready.count(), 1);
    }

    // A dot that does not finish within the layout budget is killed and the layered layout drawn
    // in its place, with a note saying why.
    void slowDotFallsBackToTheLayeredLayout()
    {
        const QString pidFile = m_dir.filePath(u"slow.pid"_s);
        const QString script = m_dir.filePath(u"slower-dot.sh"_s);
        QFile::remove(pidFile);
        {
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("#!/bin/sh\necho $$ > '%1'\nexec sleep 60\n").arg(pidFile).toUtf8());
        }
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        test::RealWindow real(m_dir.filePath(u"settings7.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        auto *graph = window.findChild<GraphView *>();
        QVERIFY(graph);
        graph->session()->setDotProgram(script);
        graph->session()->setLayoutBudget(400);
        QString error;
        QVERIFY(window.showView(u"graph:P3"_s, &error));
        // Well under dot's own 10 s limit of before, well over the budget on a loaded machine.
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 6000);
        QCOMPARE(graph->session()->layout().engine, GraphLayout::Layered);
        QCOMPARE(nodeCount(graph), 500);
        bool said = false;
        for (QLabel *label : graph->findChildren<QLabel *>())
            said = said || label->text().contains(u"dot took longer than"_s);
        QVERIFY(said);
        // The slow dot is gone (on a loaded machine the deadline may stop it before it even ran).
        QFile file(pidFile);
        if (file.open(QIODevice::ReadOnly)) {
            const pid_t pid = pid_t(file.readAll().trimmed().toLongLong());
            QVERIFY(pid > 0);
            QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000);
        }
    }

    // The layout budget runs from the moment the layout is asked for: with every worker busy (a
    // loaded machine, long reads), dot cannot even start, yet the layered layout is drawn when the
    // budget runs out, not when a worker frees up.
    void busyWorkersDoNotHoldTheGraphBack()
    {
        test::RealWindow real(m_dir.filePath(u"settings8.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1440, 900);
        window.show();
        GraphView *graph = open(window, u"P5"_s); // 1,200 tasks: a far selection lays out again
        QVERIFY(graph);
        GraphSession *session = graph->session();
        QCOMPARE(session->centerId(), u"c0"_s);
        session->setLayoutBudget(300);
        // Every worker of the pool waits until the end of the test (or of a failed check).
        struct Occupied
        {
            QSemaphore release;
            QAtomicInt started;
            int threads = jobPool()->maxThreadCount();
            ~Occupied() { release.release(threads); }
        } pool;
        for (int i = 0; i < pool.threads; ++i) {
            jobPool()->start([&pool] {
                pool.started.fetchAndAddRelaxed(1);
                pool.release.acquire();
            });
        }
        QTRY_COMPARE(pool.started.loadRelaxed(), pool.threads);
        QSignalSpy ready(session, &GraphSession::ready);
        QVERIFY(session->refocus(u"c1100"_s));
        QTRY_VERIFY_WITH_TIMEOUT(ready.count() == 1, 20000); // while no worker is free
        QCOMPARE(session->layout().engine, GraphLayout::Layered);
        QCOMPARE(session->centerId(), u"c1100"_s);
        QCOMPARE(nodeCount(graph), GraphSession::kMaxNodes);
        QVERIFY(session->layoutNote().contains(u"dot took longer than"_s));
        QVERIFY(!session->isBusy());
        pool.release.release(pool.threads);
        pool.threads = 0;
        QTest::qWait(100);
        QCOMPARE(ready.count(), 1); // what dot answers after the deadline is dropped
    }

    // A small phase is drawn at once by the layered layout, before dot has answered (here a dot
    // that never does); with the real dot its picture then replaces the first one.
    void smallPhaseIsDrawnAtOnce()
    {
        const QString script = m_dir.filePath(u"silent-dot.sh"_s);
        {
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/bin/sh\nexec sleep 60\n");
        }
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        test::RealWindow real(m_dir.filePath(u"settings9.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.resize(1440, 900);
        window.show();
        auto *graph = window.findChild<GraphView *>();
        QVERIFY(graph);
        GraphSession *session = graph->session();
        session->setDotProgram(script);
        session->setLayoutBudget(600000); // dot never answers; the budget never runs out here
        QString error;
        QVERIFY(window.showView(u"graph:P1"_s, &error));
        QTRY_VERIFY_WITH_TIMEOUT(nodeCount(graph) == 5, 20000);
        QVERIFY(session->isBusy()); // dot is still "laying it out"
        QCOMPARE(session->layout().engine, GraphLayout::Layered);
        QVERIFY(session->firstDrawnMilliseconds() >= 0);
        QVERIFY2(session->layoutNote().contains(u"dot is laying it out"_s), qPrintable(session->layoutNote()));
        session->cancel();
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 20000);

        // The real dot: its picture replaces the first one, and the note says both.
        session->setDotProgram(QString());
        session->setLayoutBudget(GraphSession::kLayoutBudgetMs * 30); // dot's picture, however busy
        QSignalSpy ready(session, &GraphSession::ready);
        session->reload();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        if (findDot().isEmpty())
            QSKIP("dot is not installed");
        QCOMPARE(ready.count(), 2);
        QCOMPARE(session->layout().engine, GraphLayout::Dot);
        QVERIFY2(session->layoutNote().contains(u"drawn at once"_s), qPrintable(session->layoutNote()));
        QCOMPARE(nodeCount(graph), 5);
    }

    void withoutDotOnPath()
    {
        const QByteArray path = qgetenv("PATH");
        qputenv("PATH", "/nonexistent-folder");
        test::RealWindow real(m_dir.filePath(u"settings3.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        GraphView *graph = open(window, u"P1"_s);
        qputenv("PATH", path);
        QVERIFY(graph);
        QCOMPARE(graph->session()->layout().engine, GraphLayout::Layered);
        QCOMPARE(nodeCount(graph), 5);
        bool said = false;
        for (QLabel *label : graph->findChildren<QLabel *>())
            said = said || label->text().contains(u"apt install graphviz"_s);
        QVERIFY(said);
    }

    // A dot that never answers: closing the Graph pane cancels the layout job, whose token makes
    // dotLayout kill the process (long before dot's own time limit).
    void closingThePaneStopsDot()
    {
        const QString pidFile = m_dir.filePath(u"dot.pid"_s);
        const QString script = m_dir.filePath(u"slow-dot.sh"_s);
        QFile::remove(pidFile);
        {
            QFile file(script);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("#!/bin/sh\necho $$ > '%1'\nexec sleep 60\n").arg(pidFile).toUtf8());
        }
        QVERIFY(QFile::setPermissions(script, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        test::RealWindow real(m_dir.filePath(u"settings4.ini"_s));
        MainWindow &window = real.window;
        QVERIFY(window.openFile(m_path));
        window.show();
        auto *graph = window.findChild<GraphView *>();
        QVERIFY(graph);
        graph->session()->setDotProgram(script);
        graph->session()->setLayoutBudget(600000); // dot is stopped by the close, not by the budget
        QString error;
        QVERIFY(window.showView(u"graph:P1"_s, &error));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(pidFile) && QFile(pidFile).size() > 0, 20000);
        QFile file(pidFile);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const pid_t pid = pid_t(file.readAll().trimmed().toLongLong());
        QVERIFY(pid > 0);
        QVERIFY(graph->isBusy());
        auto *dock = window.findChild<QDockWidget *>(u"graphDock"_s);
        QVERIFY(dock);
        dock->close();
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid, 0) != 0, 5000); // dot is gone
        QTRY_VERIFY_WITH_TIMEOUT(!window.isBusy(), 5000);
    }
};

QTEST_MAIN(TestGraphView)
#include "tst_graphview.moc"
