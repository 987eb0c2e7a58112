// The task tree dock on the large benchmark database (20,000 tasks in 1,000 phases of 200
// initiatives, 3-level decomposition, dependencies): the one-statement-per-table snapshot read,
// the model build, an in-place reload, a text filter over the whole tree and the dependency
// reason of every task. Every run opens the file afresh.
//
//   bench_tasktree [--runs N]       (default 9; prints a Markdown table)

#include "benchdata.h"
#include "database.h"
#include "tasktree/tasktreefiltermodel.h"
#include "tasktree/tasktreemodel.h"
#include "tasktreereader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace Qt::StringLiterals;
using namespace cwi;

namespace {

struct Measure
{
    QString name;
    double targetMs = 0; // 0: reported only
    QVector<double> samples;
};

double elapsedMs(const QElapsedTimer &timer)
{
    return timer.nsecsElapsed() / 1e6;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int runsAt = int(args.indexOf(u"--runs"_s));
    const int runs = runsAt > 0 ? args.value(runsAt + 1).toInt() : 9;
    const bench::LargeDatabase large = bench::largeDatabase();

    QVector<Measure> measures {
        { u"readTaskTree (initiatives, phases, tasks, dependencies, agents, comments)"_s, 0, {} },
        { u"TaskTreeModel::prepare (tree, progress, counts, agents; worker thread)"_s, 0, {} },
        { u"TaskTreeModel::setPrepared (UI thread: swap in, reset)"_s, 0, {} },
        { u"**task tree built: read + model**"_s, 200, {} },
        { u"same, CPU time of the process (less sensitive to other load)"_s, 0, {} },
        { u"reload, same shape (in place, dataChanged)"_s, 0, {} },
        { u"text filter \"verify\" over the whole tree"_s, 0, {} },
        { u"dependency graph, built on first use (selection, tooltip)"_s, 0, {} },
        { u"dependency reason of every task (20,000 calls)"_s, 0, {} },
    };
    int tasks = 0, dependencies = 0, rows = 0;
    for (int run = 0; run < runs; ++run) {
        const Database::OpenResult opened = Database::open(large.path);
        if (!opened.database)
            qFatal("open: %s", qPrintable(opened.message));
        opened.database->readConnection();

        QElapsedTimer timer;
        const double cpuStart = bench::cpuSeconds();
        timer.start();
        TaskTreeSnapshot snapshot = readTaskTree(*opened.database);
        const double readMs = elapsedMs(timer);
        if (!snapshot.error.isEmpty())
            qFatal("read: %s", qPrintable(snapshot.error));
        tasks = int(snapshot.tasks.size());
        dependencies = int(snapshot.taskDependencies.size());
        const TaskTreeSnapshot copy = snapshot;

        TaskTreeModel model;
        timer.restart();
        TaskTreeModel::Prepared prepared = TaskTreeModel::prepare(std::move(snapshot));
        const double prepareMs = elapsedMs(timer);
        timer.restart();
        model.setPrepared(std::move(prepared));
        const double swapMs = elapsedMs(timer);
        const double buildMs = prepareMs + swapMs;
        const double cpuMs = (bench::cpuSeconds() - cpuStart) * 1000;
        measures[0].samples.append(readMs);
        measures[1].samples.append(prepareMs);
        measures[2].samples.append(swapMs);
        measures[3].samples.append(readMs + buildMs);
        measures[4].samples.append(cpuMs);

        timer.restart();
        model.setSnapshot(copy); // prepare + setPrepared, as a reload does
        measures[5].samples.append(elapsedMs(timer));

        TaskTreeFilterModel filter;
        filter.setSourceModel(&model);
        timer.restart();
        filter.setTextFilter(u"verify"_s);
        rows = filter.rowCount();
        measures[6].samples.append(elapsedMs(timer));

        timer.restart();
        model.dependencies();
        measures[7].samples.append(elapsedMs(timer));

        timer.restart();
        qsizetype reasons = 0;
        for (const TreeTask &t : model.snapshot().tasks)
            reasons += model.dependencies().waitReason(u"tasks"_s, t.id).size();
        measures[8].samples.append(elapsedMs(timer));
        if (reasons == 0)
            qWarning("no dependency reasons at all");
    }

    QTextStream out(stdout);
    out << "Task tree on " << large.path << ": " << tasks << " tasks, " << dependencies << " task dependencies, "
        << runs << " runs, peak RSS " << bench::peakRssKb() / 1024 << " MB\n\n";
    out << "| measure | min ms | median ms | max ms | target |\n|---|---:|---:|---:|---|\n";
    for (const Measure &m : std::as_const(measures)) {
        const bench::Stats s = bench::stats(m.samples);
        out << "| " << m.name << " | " << QString::number(s.min, 'f', 1) << " | " << QString::number(s.median, 'f', 1)
            << " | " << QString::number(s.max, 'f', 1) << " | "
            << (m.targetMs > 0
                       ? (s.median <= m.targetMs ? u"<= %1 ms: met"_s : u"<= %1 ms: **MISSED**"_s).arg(m.targetMs)
                       : u"—"_s)
            << " |\n";
    }
    Q_UNUSED(rows);
    return 0;
}
