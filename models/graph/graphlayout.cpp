#include "graphlayout.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QHash>
#include <QLocale>
#include <QProcess>
#include <QStandardPaths>

#include <algorithm>
#include <cmath>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

constexpr double kPointsPerInch = 72.0;

QString tr(const char *text)
{
    return QCoreApplication::translate("GraphLayout", text);
}

} // namespace

QString findDot()
{
    return QStandardPaths::findExecutable(u"dot"_s);
}

namespace {

// The loose nodes (tasks without any dependency) stacked in invisible chains of about sqrt(n),
// the way Graphviz's `unflatten -c` does: otherwise dot sets 500 of them on one rank.
QVector<QPair<int, int>> looseChains(const DependencyGraph &graph)
{
    const int n = int(graph.nodes.size());
    QVector<bool> linked(n, false);
    for (const GraphEdge &e : graph.edges) {
        linked[e.from] = true;
        linked[e.to] = true;
    }
    QVector<int> loose;
    for (int i = 0; i < n; ++i) {
        if (!linked.at(i))
            loose.append(i);
    }
    QVector<QPair<int, int>> chains;
    const int length = qMax(1, int(std::ceil(std::sqrt(double(loose.size())))));
    if (loose.size() > 8) {
        for (int k = 0; k + 1 < loose.size(); ++k) {
            if ((k + 1) % length != 0)
                chains.append({ loose.at(k), loose.at(k + 1) });
        }
    }
    return chains;
}

} // namespace

int foldWidth(int nodeCount)
{
    return qMax(8, int(std::ceil(1.5 * std::sqrt(double(nodeCount)))));
}

int widestFan(const DependencyGraph &graph)
{
    const int n = int(graph.nodes.size());
    QVector<int> in(n, 0);
    QVector<int> out(n, 0);
    for (const GraphEdge &e : graph.edges) {
        if (e.from == e.to)
            continue;
        ++out[e.from];
        ++in[e.to];
    }
    QVector<int> fan(n, 0);
    for (const GraphEdge &e : graph.edges) {
        if (e.from == e.to)
            continue;
        if (in.at(e.to) == 1 && out.at(e.to) == 0) // a leaf that waits on e.from alone
            ++fan[e.from];
        else if (out.at(e.from) == 1 && in.at(e.from) == 0) // a source only e.to waits on
            ++fan[e.to];
    }
    return n == 0 ? 0 : *std::max_element(fan.cbegin(), fan.cend());
}

GraphLayout layOutGraph(const DependencyGraph &graph, const QVector<QSizeF> &sizes, const QString &dot,
    const std::atomic_bool *cancel, int dotBudgetMs)
{
    const int fan = widestFan(graph);
    if (fan > foldWidth(int(graph.nodes.size()))) {
        GraphLayout layout = layeredLayout(graph, sizes);
        layout.error
            = tr("a fan of %1 tasks on one task, folded into lines (dot would set them side by side).").arg(fan);
        return layout;
    }
    GraphLayout layout = dotLayout(graph, sizes, dot, cancel, dotBudgetMs);
    if (layout.engine == GraphLayout::None && !(cancel && cancel->load())) {
        const QString why = layout.error;
        layout = layeredLayout(graph, sizes);
        layout.error = why;
    }
    return layout;
}

QByteArray dotInput(const DependencyGraph &graph, const QVector<QSizeF> &sizes)
{
    QByteArray out = "digraph G {\n"
                     "graph [rankdir=TB, nodesep=0.25, ranksep=0.45, splines=true];\n"
                     "node [shape=box, fixedsize=true, label=\"\"];\n";
    for (int i = 0; i < graph.nodes.size(); ++i) {
        const QSizeF s = sizes.value(i, QSizeF(120, 36));
        out += "n" + QByteArray::number(i) + " [width=" + QByteArray::number(s.width() / kPointsPerInch, 'f', 3)
            + ", height=" + QByteArray::number(s.height() / kPointsPerInch, 'f', 3) + "];\n";
    }
    for (const GraphEdge &e : graph.edges)
        out += "n" + QByteArray::number(e.from) + " -> n" + QByteArray::number(e.to) + ";\n";
    for (const auto &[from, to] : looseChains(graph))
        out += "n" + QByteArray::number(from) + " -> n" + QByteArray::number(to) + " [style=invis];\n";
    out += "}\n";
    return out;
}

bool readPlain(const QByteArray &plain, const DependencyGraph &graph, GraphLayout *layout)
{
    const int nodeCount = int(graph.nodes.size());
    layout->nodes = QVector<QRectF>(nodeCount);
    layout->edges = QVector<QVector<QPointF>>(graph.edges.size());
    QVector<bool> placed(nodeCount, false);
    QVector<bool> routed(graph.edges.size(), false);
    // Edges are matched by their (tail, head) pair, in input order when a pair repeats.
    QHash<QPair<int, int>, QVector<int>> edgeSlots;
    for (int e = int(graph.edges.size()) - 1; e >= 0; --e)
        edgeSlots[{ graph.edges.at(e).from, graph.edges.at(e).to }].append(e);
    double height = 0;
    const auto nodeNumber = [](const QByteArray &name) {
        bool ok = false;
        const int n = name.startsWith('n') ? name.mid(1).toInt(&ok) : -1;
        return ok ? n : -1;
    };
    const QList<QByteArray> lines = plain.split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> f = line.simplified().split(' ');
        if (f.isEmpty())
            continue;
        if (f.at(0) == "graph" && f.size() >= 4) {
            layout->size = QSizeF(f.at(2).toDouble() * kPointsPerInch, f.at(3).toDouble() * kPointsPerInch);
            height = layout->size.height();
        } else if (f.at(0) == "node" && f.size() >= 6) {
            const int n = nodeNumber(f.at(1));
            if (n < 0 || n >= nodeCount)
                return false;
            const double w = f.at(4).toDouble() * kPointsPerInch;
            const double h = f.at(5).toDouble() * kPointsPerInch;
            const double x = f.at(2).toDouble() * kPointsPerInch;
            const double y = height - f.at(3).toDouble() * kPointsPerInch;
            layout->nodes[n] = QRectF(x - w / 2, y - h / 2, w, h);
            placed[n] = true;
        } else if (f.at(0) == "edge" && f.size() >= 6 && f.at(f.size() - 2) == "invis") {
            continue; // one of looseChains(), not the graph's
        } else if (f.at(0) == "edge" && f.size() >= 4) {
            const int from = nodeNumber(f.at(1));
            const int to = nodeNumber(f.at(2));
            const int count = f.at(3).toInt();
            if (from < 0 || to < 0 || f.size() < 4 + 2 * count)
                return false;
            QVector<QPointF> points;
            for (int i = 0; i < count; ++i)
                points.append(QPointF(
                    f.at(4 + 2 * i).toDouble() * kPointsPerInch, height - f.at(5 + 2 * i).toDouble() * kPointsPerInch));
            QVector<int> &pending = edgeSlots[{ from, to }];
            if (pending.isEmpty())
                return false;
            const int e = pending.takeLast();
            layout->edges[e] = points;
            routed[e] = true;
        }
    }
    return !placed.contains(false) && !routed.contains(false);
}

QStringList dotArguments(const DependencyGraph &graph)
{
    QStringList arguments { u"-Tplain"_s };
    if (graph.nodes.size() > kQuickDotNodes || graph.edges.size() > qsizetype(2) * kQuickDotNodes)
        arguments << u"-Gmclimit=0.1"_s << u"-Gnslimit=1"_s << u"-Gnslimit1=1"_s << u"-Gsplines=line"_s;
    return arguments;
}

GraphLayout dotLayout(const DependencyGraph &graph, const QVector<QSizeF> &sizes, const QString &dot,
    const std::atomic_bool *cancel, int timeoutMs)
{
    GraphLayout layout;
    if (dot.isEmpty()) {
        layout.error = tr("Graphviz (dot) is not installed.");
        return layout;
    }
    QProcess process;
    process.setProgram(dot);
    process.setArguments(dotArguments(graph));
    process.start(QIODevice::ReadWrite);
    if (!process.waitForStarted(5000)) {
        layout.error = tr("dot could not be started: %1").arg(process.errorString());
        return layout;
    }
    process.write(dotInput(graph, sizes));
    process.closeWriteChannel();
    const QDeadlineTimer deadline(timeoutMs);
    QByteArray output;
    while (process.state() != QProcess::NotRunning) {
        if ((cancel && cancel->load()) || deadline.hasExpired()) {
            process.kill();
            process.waitForFinished(2000);
            layout.error = cancel && cancel->load()
                ? tr("Layout cancelled.")
                : tr("dot took longer than %1 s.").arg(QLocale().toString(timeoutMs / 1000.0, 'g', 3));
            return layout;
        }
        process.waitForFinished(50);
        output += process.readAllStandardOutput(); // keep its pipe from filling up
    }
    output += process.readAllStandardOutput();
    if (process.exitStatus() != QProcess::NormalExit || process.exitCode() != 0) {
        layout.error = tr("dot failed: %1").arg(QString::fromUtf8(process.readAllStandardError()).trimmed().left(200));
        return layout;
    }
    GraphLayout parsed;
    if (!readPlain(output, graph, &parsed)) {
        layout.error = tr("dot gave output this version cannot read.");
        return layout;
    }
    parsed.engine = GraphLayout::Dot;
    parsed.splines = true;
    return parsed;
}

namespace {

// Crossings of the edges between neighbouring layers in the order POSITION gives (edges over
// several layers are left out: the layout draws them straight across).
int crossings(const QVector<QVector<int>> &rows, const QVector<QVector<int>> &out, const QVector<int> &layer,
    const QVector<double> &position)
{
    int total = 0;
    QVector<QPair<double, double>> edges;
    for (int l = 0; l + 1 < rows.size(); ++l) {
        edges.clear();
        for (int from : rows.at(l)) {
            for (int to : out.at(from)) {
                if (layer.at(to) == l + 1)
                    edges.append({ position.at(from), position.at(to) });
            }
        }
        for (int i = 0; i < edges.size(); ++i) {
            for (int j = i + 1; j < edges.size(); ++j)
                total
                    += (edges.at(i).first - edges.at(j).first) * (edges.at(i).second - edges.at(j).second) < 0 ? 1 : 0;
        }
    }
    return total;
}

} // namespace

GraphLayout layeredLayout(const DependencyGraph &graph, const QVector<QSizeF> &sizes)
{
    GraphLayout layout;
    layout.engine = GraphLayout::Layered;
    const int n = int(graph.nodes.size());
    layout.nodes = QVector<QRectF>(n);
    // Layers: longest path from the sources over the edges outside cycles (those form a DAG).
    QVector<QVector<int>> out(n);
    QVector<QVector<int>> in(n);
    QVector<int> indegree(n, 0);
    for (const GraphEdge &e : graph.edges) {
        if (e.inCycle)
            continue;
        out[e.from].append(e.to);
        in[e.to].append(e.from);
        ++indegree[e.to];
    }
    QVector<int> layer(n, 0);
    QVector<int> ready;
    for (int i = 0; i < n; ++i) {
        if (indegree.at(i) == 0)
            ready.append(i);
    }
    while (!ready.isEmpty()) {
        const int node = ready.takeLast();
        for (int to : out.at(node)) {
            layer[to] = qMax(layer.at(to), layer.at(node) + 1);
            if (--indegree[to] == 0)
                ready.append(to);
        }
    }
    const int layerCount = n == 0 ? 0 : *std::max_element(layer.cbegin(), layer.cend()) + 1;
    QVector<QVector<int>> rows(layerCount);
    for (int i = 0; i < n; ++i)
        rows[layer.at(i)].append(i);
    // Order within layers: a few sweeps placing each node at the mean position of its neighbours.
    QVector<double> position(n, 0);
    const auto number = [&](const QVector<int> &row) {
        for (int i = 0; i < row.size(); ++i)
            position[row.at(i)] = i;
    };
    for (const QVector<int> &row : std::as_const(rows))
        number(row);
    // A small graph (the usual phase, and what a busy machine leaves to this layout) keeps the
    // order with the fewest crossings seen, and swaps neighbours while that removes crossings.
    const bool small = n <= kCarefulOrderNodes;
    QVector<QVector<int>> best = rows;
    int fewest = small ? crossings(rows, out, layer, position) : 0;
    for (int sweep = 0; sweep < (small ? 12 : 6); ++sweep) {
        const bool down = sweep % 2 == 0;
        for (int l = down ? 1 : layerCount - 2; down ? l < layerCount : l >= 0; l += down ? 1 : -1) {
            QVector<int> &row = rows[l];
            QHash<int, double> key;
            for (int node : std::as_const(row)) {
                const QVector<int> &near = down ? in.at(node) : out.at(node);
                double sum = 0;
                for (int other : near)
                    sum += position.at(other);
                key.insert(node, near.isEmpty() ? position.at(node) : sum / near.size());
            }
            std::stable_sort(row.begin(), row.end(), [&key](int a, int b) { return key.value(a) < key.value(b); });
            number(row);
        }
        if (small) {
            const int now = crossings(rows, out, layer, position);
            if (now < fewest) {
                fewest = now;
                best = rows;
            }
        }
    }
    if (small) {
        rows = best;
        for (const QVector<int> &row : std::as_const(rows))
            number(row);
        for (bool improved = fewest > 0; improved;) {
            improved = false;
            for (QVector<int> &row : rows) {
                for (int i = 0; i + 1 < row.size() && fewest > 0; ++i) {
                    std::swap(row[i], row[i + 1]);
                    number(row);
                    const int now = crossings(rows, out, layer, position);
                    if (now < fewest) {
                        fewest = now;
                        improved = true;
                    } else {
                        std::swap(row[i], row[i + 1]);
                        number(row);
                    }
                }
            }
        }
    }
    // Coordinates: rows centred on the widest one. A layer wider than foldWidth() (the 499 tasks
    // that wait on one) is folded into several lines.
    const int perLine = foldWidth(n);
    constexpr double gapX = 24;
    constexpr double gapY = 48;
    constexpr double lineGap = 16; // between the lines of one folded layer
    QVector<QVector<int>> lines;
    QVector<bool> lastOfLayer;
    for (const QVector<int> &row : std::as_const(rows)) {
        for (int start = 0; start < row.size(); start += perLine) {
            lines.append(row.mid(start, perLine));
            lastOfLayer.append(start + perLine >= row.size());
        }
    }
    double rowTop = 12;
    double widest = 0;
    QVector<double> lineWidth(lines.size(), 0);
    for (int l = 0; l < lines.size(); ++l) {
        for (int node : lines.at(l))
            lineWidth[l] += sizes.value(node, QSizeF(120, 36)).width() + gapX;
        widest = qMax(widest, lineWidth.at(l));
    }
    for (int l = 0; l < lines.size(); ++l) {
        double x = 12 + (widest - lineWidth.at(l)) / 2;
        double rowHeight = 0;
        for (int node : lines.at(l)) {
            const QSizeF s = sizes.value(node, QSizeF(120, 36));
            layout.nodes[node] = QRectF(QPointF(x, rowTop), s);
            x += s.width() + gapX;
            rowHeight = qMax(rowHeight, s.height());
        }
        rowTop += rowHeight + (lastOfLayer.at(l) ? gapY : lineGap);
    }
    layout.size = QSizeF(widest + 24, rowTop);
    for (const GraphEdge &e : graph.edges) {
        const QRectF a = layout.nodes.at(e.from);
        const QRectF b = layout.nodes.at(e.to);
        if (b.top() > a.bottom())
            layout.edges.append({ QPointF(a.center().x(), a.bottom()), QPointF(b.center().x(), b.top()) });
        else // back edge of a cycle, or a self-loop: leave from the side
            layout.edges.append({ QPointF(a.right(), a.center().y()), QPointF(a.right() + 20, a.center().y() - 10),
                QPointF(b.right() + 20, b.center().y() + 10), QPointF(b.right(), b.center().y()) });
    }
    return layout;
}

} // namespace cwi
