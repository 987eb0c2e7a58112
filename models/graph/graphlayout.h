#pragma once

// Where the nodes and edges of a DependencyGraph go. Graphviz's `dot` does it best: it runs as a
// separate program (QProcess with an argument list, the graph on its standard input, `-Tplain`
// out; never a shell, never linked), with a timeout and a cancel flag. Only node numbers and
// sizes reach it, no text from the file. Where `dot` is missing or fails, layeredLayout() is
// the fallback: layers by longest path, ordered by barycentres, straight edges.

#include "dependencygraph.h"

#include <QPointF>
#include <QRectF>
#include <QSizeF>
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

GraphLayout layeredLayout(const DependencyGraph &graph, const QVector<QSizeF> &sizes);

// The DOT text dotLayout() writes: nodes "n0".."nN" with fixed sizes, edges by number.
QByteArray dotInput(const DependencyGraph &graph, const QVector<QSizeF> &sizes);
// Reads `dot -Tplain` output; false when it does not describe every node and edge.
bool readPlain(const QByteArray &plain, const DependencyGraph &graph, GraphLayout *layout);

} // namespace cwi
