#pragma once

// Where the nodes and edges of a DependencyGraph go. Graphviz's `dot` does it best: it runs as a
// separate program (QProcess with an argument list, the graph on its standard input, `-Tplain`
// out; never a shell, never linked), with a timeout and a cancel flag. Only node numbers and
// sizes reach it, no text from the file. Where `dot` is missing, fails or is too slow, and for
// stars, layeredLayout() is used: layers by longest path, ordered by barycentres, straight edges.

#include "dependencygraph.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
#include <QStringList>
#include <QVector>

#include <atomic>

namespace cwi {

struct GraphLayout
{
    enum Engine
    {
        None,
        Dot,
        Layered
    };
    Engine engine = None;
    QVector<QRectF> nodes; // in points, y down
    // Per edge: a polyline (Layered) or cubic Bézier control points 1 + 3k (Dot), from -> to.
    QVector<QVector<QPointF>> edges;
    bool splines = false;
    QSizeF size;
    QString error; // why dot failed, when it did
};

// The `dot` program on PATH, empty when there is none.
QString findDot();

// Runs DOT on GRAPH with node SIZES (points). Blocking: call it from a worker. Gives up after
// TIMEOUTMS or as soon as CANCEL is set; then the result's engine is None and error says why.
GraphLayout dotLayout(const DependencyGraph &graph, const QVector<QSizeF> &sizes, const QString &dot,
    const std::atomic_bool *cancel = nullptr, int timeoutMs = 10000);

// dot's arguments for GRAPH. Above kQuickDotNodes nodes (or twice as many edges) dot's own
// search limits are cut (crossing minimisation and network simplex: -Gmclimit, -Gnslimit) and
// edges drawn straight: a 500-task phase with three random prerequisites per task took 3 s of
// CPU with dot's defaults, 0.7 s so (BENCHMARKS.md).
constexpr int kQuickDotNodes = 150;
QStringList dotArguments(const DependencyGraph &graph);

// Layers by longest path, ordered by barycentres, straight edges; a layer wider than
// foldWidth() nodes is folded into several lines. Up to kCarefulOrderNodes nodes the order with
// the fewest crossings is kept and neighbours are swapped while that removes crossings.
constexpr int kCarefulOrderNodes = 60;
GraphLayout layeredLayout(const DependencyGraph &graph, const QVector<QSizeF> &sizes);
int foldWidth(int nodeCount); // about 1.5 sqrt(n)
// The most leaves waiting on one node alone (or sources only one node waits on): a star.
int widestFan(const DependencyGraph &graph);

// What the Graph pane runs (blocking, on a worker): a graph with a fan wider than foldWidth()
// gets the layered layout at once (dot would set the fan on one rank tens of thousands of
// points wide, and take longest on it); otherwise dot within DOTBUDGETMS, and the layered layout
// when dot is missing, fails or runs over (error says why). Engine None only when cancelled.
GraphLayout layOutGraph(const DependencyGraph &graph, const QVector<QSizeF> &sizes, const QString &dot,
    const std::atomic_bool *cancel, int dotBudgetMs);

// The DOT text dotLayout() writes: nodes "n0".."nN" with fixed sizes, edges by number, and
// invisible edges that stack nodes without dependencies in chains (Graphviz's `unflatten -c`).
QByteArray dotInput(const DependencyGraph &graph, const QVector<QSizeF> &sizes);
// Reads `dot -Tplain` output; false when it does not describe every node and edge.
bool readPlain(const QByteArray &plain, const DependencyGraph &graph, GraphLayout *layout);

} // namespace cwi
