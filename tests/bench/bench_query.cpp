// The Query page in the real MainWindow (offscreen unless a display is set) on the large file:
// time from Ctrl+Enter to the first rows of SELECT * FROM agent_log_chunks painted, time to
// scroll to row 500,000 and see it, and how fast Cancel (Esc) stops a runaway cross join and a
// full sort of the content: until the page says Cancelled, and until the worker thread is free
// again (the statement really stopped). Prints a Markdown table.
//
// --cancel-only measures only Cancel: Esc in the page (until it says Cancelled) and, on the
// QueryRunner the page uses, the time from setting the cancel token to stream() returning (the
// statement really stopped; the pool is no measure there, the log index may be using it).
//
//   bench_query [FILE] [--runs N] [--cancel-only]   FILE: default /work/data/large.db, else the bench database

#include "benchdata.h"
#include "browse/tablemodel.h"
#include "jobtracker.h"
#include "mainwindow.h"
#include "query/querymodel.h"
#include "query/querypage.h"
#include "query/queryresultview.h"
#include "query/queryrunner.h"
#include "query/sqleditor.h"
#include "realwindow.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QScrollBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

QString ms(double value)
{
    return QString::number(value, 'f', 1) + u" ms"_s;
}

QString stats(const QVector<double> &samples)
{
    const bench::Stats s = bench::stats(samples);
    return ms(s.median) + u" ("_s + QString::number(s.min, 'f', 1) + u"–"_s + QString::number(s.max, 'f', 1) + u')';
}

bool waitFor(const std::function<bool()> &condition, int timeoutMs = 600000)
{
    QElapsedTimer timer;
    timer.start();
    while (!condition()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 1);
    }
    return true;
}

void runSql(QueryPage *page, const QString &sql)
{
    page->setSql(sql);
    QTest::keyClick(page->editor(), Qt::Key_Return, Qt::ControlModifier);
}

// SQL streamed on a worker for RUNNINGMS, then cancelled: ms from the cancel to stream()
// returning, and whether it said Cancelled.
double cancelAfter(const QueryRunner &runner, const QString &sql, int runningMs, bool *cancelled)
{
    std::atomic_bool cancel { false };
    QFuture<QueryOutcome> future = QtConcurrent::run([&] {
        return runner.stream(
            sql, [](const QVector<QueryColumn> &) {}, [](const QVariantList &) { return true; }, &cancel);
    });
    QThread::msleep(runningMs);
    QElapsedTimer clock;
    clock.start();
    cancel = true;
    future.waitForFinished();
    const double elapsed = clock.nsecsElapsed() / 1e6;
    *cancelled = future.result().status == QueryStatus::Cancelled;
    return elapsed;
}

} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    QStringList args = app.arguments().mid(1);
    int runs = 5;
    if (const int i = int(args.indexOf(u"--runs"_s)); i >= 0) {
        runs = qMax(1, args.value(i + 1).toInt());
        args.remove(i, 2);
    }
    const bool cancelOnly = args.removeAll(u"--cancel-only"_s) > 0;
    QString path = args.value(0);
    if (path.isEmpty())
        path = QFile::exists(u"/work/data/large.db"_s) ? u"/work/data/large.db"_s : bench::largeDatabase().path;
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", home.filePath(u"data"_s).toUtf8());
    qputenv("XDG_CACHE_HOME", home.filePath(u"cache"_s).toUtf8()); // a log index of its own, thrown away
    const QString crossJoin = u"SELECT count(*) FROM agent_log_chunks AS a, agent_log_chunks AS b"_s;
    const QString sortAll = u"SELECT * FROM agent_log_chunks ORDER BY content"_s;
    QVector<double> runnerCross, runnerSort;
    int notCancelled = 0;
    {
        const QueryRunner runner(path, { 2000, 0 });
        for (int run = 0; run < runs; ++run) {
            bool cancelled = false;
            runnerCross.append(cancelAfter(runner, crossJoin, 300, &cancelled));
            notCancelled += !cancelled;
            runnerSort.append(cancelAfter(runner, sortAll, 1000, &cancelled));
            notCancelled += !cancelled;
        }
    }
    test::RealWindow real(home.filePath(u"settings.ini"_s)); // the window as the app makes it
    MainWindow &window = real.window;
    QString error;
    if (!window.openFile(path, false, &error)) {
        QTextStream(stderr) << error << Qt::endl;
        return 2;
    }
    window.resize(1440, 900);
    window.show();
    QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
    QueryPage *page = window.queryPage();
    QueryResultView *result = page->currentResult();
    QueryModel *model = result->model();

    QVector<double> firstRows, deepRow, cancelShown, cancelFree, sortCancelFree, counted;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer clock;
        clock.start();
        if (cancelOnly) {
            runSql(page, crossJoin);
            QTest::qWait(300);
            clock.restart();
            QTest::keyClick(page->editor(), Qt::Key_Escape);
            waitFor([&] { return model->state() == QueryModel::State::Cancelled; });
            cancelShown.append(clock.nsecsElapsed() / 1e6);
            continue;
        }
        runSql(page, u"SELECT * FROM agent_log_chunks"_s);
        waitFor(
            [&] { return model->rowCount() > 0 && model->data(model->index(0, 0), TableModel::LoadedRole).toBool(); });
        result->view()->viewport()->repaint();
        firstRows.append(clock.nsecsElapsed() / 1e6);
        waitFor([&] { return model->state() != QueryModel::State::Running; });
        counted.append(double(model->rowsKnown()));

        // Jump to row 500,000 (the count may still be growing: scroll until it is there).
        clock.restart();
        waitFor([&] {
            if (model->rowCount() > 500000)
                return true;
            result->view()->scrollToBottom();
            return false;
        });
        result->view()->scrollTo(model->index(500000, 0));
        waitFor([&] { return model->data(model->index(500000, 0), TableModel::LoadedRole).toBool(); });
        deepRow.append(clock.nsecsElapsed() / 1e6);

        // A 10^12-row cross join: Esc after 300 ms.
        runSql(page,
            u"WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 1000000) "
            "SELECT count(*) FROM c AS a, c AS b"_s);
        QTest::qWait(300);
        clock.restart();
        QTest::keyClick(page->editor(), Qt::Key_Escape);
        waitFor([&] { return model->state() == QueryModel::State::Cancelled; });
        cancelShown.append(clock.nsecsElapsed() / 1e6);
        waitFor([] { return jobPool()->activeThreadCount() == 0; });
        cancelFree.append(clock.nsecsElapsed() / 1e6);

        // A sort of every chunk's content (temp b-tree on disk): Esc after 1 s.
        runSql(page, u"SELECT * FROM agent_log_chunks ORDER BY content"_s);
        QTest::qWait(1000);
        clock.restart();
        QTest::keyClick(page->editor(), Qt::Key_Escape);
        waitFor([] { return jobPool()->activeThreadCount() == 0; });
        sortCancelFree.append(clock.nsecsElapsed() / 1e6);
    }
    QTextStream out(stdout);
    out << "| Cancel on " << path << " (" << runs << " runs, median (min–max)) | value | target |\n|---|---|---|\n";
    out << "| QueryRunner: cancel token set 300 ms into `" << crossJoin << "` -> stream() returned | "
        << stats(runnerCross) << " | < 100 ms |\n";
    out << "| QueryRunner: cancel token set 1 s into `" << sortAll << "` -> stream() returned | " << stats(runnerSort)
        << " | < 100 ms |\n";
    out << "| runs that did not end as Cancelled | " << notCancelled << " | 0 |\n";
    if (cancelOnly) {
        out << "| Query page: Esc on the cross join -> page says Cancelled | " << stats(cancelShown)
            << " | < 100 ms |\n";
        out << "| peak RSS | " << bench::peakRssKb() / 1024 << " MB | bounded |\n";
        return 0;
    }
    out << "\n| Query page on " << path << " (" << runs
        << " runs, median (min–max)) | value | target |\n|---|---|---|\n";
    out << "| Ctrl+Enter to the first rows of `SELECT * FROM agent_log_chunks` painted | " << stats(firstRows)
        << " | at once |\n";
    out << "| rows counted by the first run (1.5 s budget; 'at least' when cut) | "
        << QString::number(bench::stats(counted).median, 'f', 0) << " | |\n";
    out << "| scroll to row 500,000 and see it | " << stats(deepRow) << " | |\n";
    out << "| Esc on a 10^12-row cross join: page says Cancelled | " << stats(cancelShown) << " | < 100 ms |\n";
    out << "| Esc on a 10^12-row cross join: worker thread free | " << stats(cancelFree) << " | < 100 ms |\n";
    out << "| Esc on `ORDER BY content` over every chunk: worker free | " << stats(sortCancelFree) << " | < 100 ms |\n";
    out << "| peak RSS | " << bench::peakRssKb() / 1024 << " MB | bounded |\n";
    return 0;
}
