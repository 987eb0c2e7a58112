// Dependency graph layout on 500-task phases of different shapes (issue 16: up to 500 tasks laid
// out within 1 s). Per shape, median of RUNS: layOutGraph() as the Graph pane runs it (stars to
// the folded layered layout, else dot with the arguments for the size and the pane's budget as
// its time limit), dot with its default settings (for comparison, 30 s limit), and the built-in
// layered layout.
//
//   cmake --build BUILD --target bench_graph && BUILD/tests/bench/bench_graph [--runs 5]
//   BUILD/tests/bench/bench_graph --sql   # the same shapes as SQL: one phase per shape
//
// With --sql it prints INSERT statements for the shapes (phases gshape-*, tasks gs-*) and a
// 2,000-task phase, to drive the real window on a copy of the demo database:
//   cp demo.db /tmp/x/shapes.db && BUILD/tests/bench/bench_graph --sql | sqlite3 /tmp/x/shapes.db

#include "benchrandom.h"
#include "graph/dependencygraph.h"
#include "graph/graphlayout.h"
#include "graph/graphsession.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

struct Shape
{
    explicit Shape(QString shapeName, int nodeCount = 500)
        : name(std::move(shapeName))
        , nodes(nodeCount)
    { }
    QString name;
    int nodes;
    QVector<QPair<int, int>> edges; // prerequisite -> waiter
};

QVector<Shape> shapes()
{
    constexpr int n = 500;
    QVector<Shape> all;
    const auto unique = [](QVector<QPair<int, int>> edges) {
        std::sort(edges.begin(), edges.end());
        edges.resize(std::unique(edges.begin(), edges.end()) - edges.begin());
        return edges;
    };
    Shape starOut(u"star-out (1 prerequisite of 499)"_s);
    Shape starIn(u"star-in (1 task waits on 499)"_s);
    Shape chain(u"chain"_s);
    for (int i = 1; i < n; ++i) {
        starOut.edges.append({ 0, i });
        starIn.edges.append({ i, 0 });
        chain.edges.append({ i - 1, i });
    }
    all << starOut << starIn << chain;
    bench::BenchRandom random(16);
    Shape layered(u"wide layered (5 x 100, 2 prerequisites each)"_s);
    for (int i = 100; i < n; ++i) {
        const int layer = i / 100;
        for (int k = 0; k < 2; ++k)
            layered.edges.append({ random.range((layer - 1) * 100, layer * 100 - 1), i });
    }
    layered.edges = unique(layered.edges);
    Shape random2(u"random DAG (2 earlier prerequisites each)"_s);
    Shape random3(u"random DAG (3 earlier prerequisites each)"_s);
    Shape hub(u"star-out + 1 random earlier prerequisite each"_s);
    for (int i = 1; i < n; ++i) {
        for (int k = 0; k < 2; ++k)
            random2.edges.append({ random.range(0, i - 1), i });
        for (int k = 0; k < 3; ++k)
            random3.edges.append({ random.range(0, i - 1), i });
        hub.edges.append({ 0, i });
        if (i > 1)
            hub.edges.append({ random.range(1, i - 1), i });
    }
    random2.edges = unique(random2.edges);
    random3.edges = unique(random3.edges);
    hub.edges = unique(hub.edges);
    all << layered << random2 << random3 << hub;
    Shape big(u"random DAG of 2,000 (2 earlier prerequisites each)"_s, 2000);
    for (int i = 1; i < big.nodes; ++i) {
        for (int k = 0; k < 2; ++k)
            big.edges.append({ random.range(0, i - 1), i });
    }
    big.edges = unique(big.edges);
    all << big;
    return all;
}

DependencyGraph graphOf(const Shape &shape)
{
    DependencyGraph g;
    for (int i = 0; i < shape.nodes; ++i)
        g.nodes.append({ u"tasks"_s, u"t%1"_s.arg(i), u"Task %1"_s.arg(i), u"pending"_s });
    for (const auto &[from, to] : shape.edges)
        g.edges.append({ from, to });
    g.analyse();
    return g;
}

double median(QVector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.isEmpty() ? 0 : v.at(v.size() / 2);
}

// Wall ms of dot -Tplain with its default settings, or -1 past 30 s.
double plainDotMs(const QString &dot, const DependencyGraph &g, const QVector<QSizeF> &sizes)
{
    QProcess process;
    QElapsedTimer clock;
    clock.start();
    process.start(dot, { u"-Tplain"_s });
    process.write(dotInput(g, sizes));
    process.closeWriteChannel();
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
        return -1;
    }
    return clock.nsecsElapsed() / 1e6;
}

void printSql(QTextStream &out)
{
    const auto q = [](const QString &s) -> QString { return u"'"_s + QString(s).replace(u'\'', u"''"_s) + u"'"_s; };
    out << "BEGIN;\n";
    // The demo's spelling (snake_case columns); times in seconds like the demo's.
    out << "INSERT INTO initiatives (id, name, status, created_at, updated_at) VALUES ('gshape-init', 'Graph "
           "shapes', 'active', 1791288119, 1791288119);\n";
    const QVector<Shape> all = shapes();
    for (int s = 0; s < all.size(); ++s) {
        const Shape &shape = all.at(s);
        const QString phase = u"gshape-%1"_s.arg(s);
        out << "INSERT INTO phases (id, initiative_id, name, status, created_at, updated_at) VALUES (" << q(phase)
            << ", 'gshape-init', " << q(shape.name) << ", 'in_progress', 1791288119, 1791288119);\n";
        for (int i = 0; i < shape.nodes; ++i)
            out << "INSERT INTO tasks (id, phase_id, initiative_id, name, status, created_at, updated_at) VALUES ("
                << q(u"gs-%1-%2"_s.arg(s).arg(i)) << ", " << q(phase) << ", 'gshape-init', "
                << q(u"%1 task %2"_s.arg(shape.name.section(u' ', 0, 0)).arg(i)) << ", "
                << q(i % 7 == 0 ? u"completed"_s : (i % 11 == 0 ? u"blocked"_s : u"pending"_s))
                << ", 1791288119, 1791288119);\n";
        for (const auto &[from, to] : shape.edges)
            out << "INSERT INTO task_dependencies (id, task_id, depends_on_task_id, created_at) VALUES ("
                << q(u"gsd-%1-%2-%3"_s.arg(s).arg(to).arg(from)) << ", " << q(u"gs-%1-%2"_s.arg(s).arg(to)) << ", "
                << q(u"gs-%1-%2"_s.arg(s).arg(from)) << ", 1791288119);\n";
    }
    out << "COMMIT;\n";
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    const QStringList args = app.arguments();
    if (args.contains(u"--sql"_s)) {
        printSql(out);
        return 0;
    }
    const int runsAt = int(args.indexOf(u"--runs"_s));
    const int runs = runsAt > 0 && runsAt + 1 < args.size() ? qMax(1, args.at(runsAt + 1).toInt()) : 5;
    const QString dot = findDot();
    if (dot.isEmpty()) {
        out << "bench_graph: dot (Graphviz) is not installed\n";
        return 1;
    }
    const int budget = GraphSession::kLayoutBudgetMs - GraphSession::kFallbackReserveMs;
    out << "| shape (500 tasks) | edges | pane's layout ms | engine | dot defaults ms | layered ms |\n"
        << "|---|---:|---:|---|---:|---:|\n";
    for (const Shape &shape : shapes()) {
        if (shape.nodes > GraphSession::kMaxNodes)
            continue; // the pane lays out 500 of it (see tst_graphview); nothing more to time
        const DependencyGraph g = graphOf(shape);
        const QVector<QSizeF> sizes(g.nodes.size(), QSizeF(110, 40));
        QVector<double> pane, plain, layered;
        QString engine;
        int fellBack = 0;
        for (int r = 0; r < runs; ++r) {
            QElapsedTimer clock;
            clock.start();
            const GraphLayout layout = layOutGraph(g, sizes, dot, nullptr, budget);
            if (layout.engine != GraphLayout::Dot)
                ++fellBack;
            pane.append(clock.nsecsElapsed() / 1e6);
            clock.restart();
            layeredLayout(g, sizes);
            layered.append(clock.nsecsElapsed() / 1e6);
            plain.append(plainDotMs(dot, g, sizes));
        }
        engine = fellBack == 0 ? u"dot"_s : u"layered %1/%2"_s.arg(fellBack).arg(runs);
        const double plainMs = median(plain);
        out << "| " << shape.name << " | " << g.edges.size() << " | " << qRound(median(pane)) << " | " << engine
            << " | " << (plainMs < 0 ? u"> 30000"_s : QString::number(qRound(plainMs))) << " | "
            << QString::number(median(layered), 'f', 1) << " |\n";
        out.flush();
    }
    return 0;
}
