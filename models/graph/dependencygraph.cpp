#include "dependencygraph.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>

namespace cwi {

using namespace Qt::StringLiterals;

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("DependencyGraph", text);
}

struct Builder
{
    DependencyGraph graph;
    QHash<QString, int> index;
    QSet<QPair<int, int>> edges;

    int add(const QString &table, const QString &id, const QString &name, const QString &status, bool outside)
    {
        const auto it = index.constFind(id);
        if (it != index.cend())
            return *it;
        GraphNode n;
        n.table = table;
        n.id = id;
        n.name = name.isEmpty() ? (outside ? tr("(missing %1)").arg(id) : id) : name;
        n.status = status;
        n.outside = outside;
        n.finished = status == u"completed";
        graph.nodes.append(n);
        index.insert(id, int(graph.nodes.size() - 1));
        return int(graph.nodes.size() - 1);
    }
    void link(int prerequisite, int waiter)
    {
        if (edges.contains({ prerequisite, waiter }))
            return;
        edges.insert({ prerequisite, waiter });
        graph.edges.append({ prerequisite, waiter });
    }
};

} // namespace

DependencyGraph DependencyGraph::forPhase(const TaskTreeSnapshot &snapshot, const QString &phaseId)
{
    Builder b;
    b.graph.ownerTable = u"phases"_s;
    const auto phase = std::find_if(
        snapshot.phases.cbegin(), snapshot.phases.cend(), [&](const TreePhase &p) { return p.id == phaseId; });
    if (phase == snapshot.phases.cend()) {
        b.graph.error = tr("No phase %1 in this file.").arg(phaseId);
        return b.graph;
    }
    QHash<QString, const TreeTask *> tasks;
    for (const TreeTask &t : snapshot.tasks) {
        tasks.insert(t.id, &t);
        if (t.phaseId == phaseId)
            b.add(u"tasks"_s, t.id, t.name, t.status, false);
    }
    const int own = int(b.graph.nodes.size());
    for (const TreeDependency &d : snapshot.taskDependencies) {
        const int waiter = b.index.value(d.fromId, -1);
        if (waiter < 0 || waiter >= own)
            continue;
        const TreeTask *pre = tasks.value(d.dependsOnId);
        const bool inside = pre && pre->phaseId == phaseId;
        const int prerequisite = inside
            ? b.index.value(d.dependsOnId)
            : b.add(u"tasks"_s, d.dependsOnId, pre ? pre->name : QString(), pre ? pre->status : QString(), true);
        b.link(prerequisite, waiter);
    }
    b.graph.title = tr("Phase “%1”: %2 tasks, %3 dependencies").arg(phase->name).arg(own).arg(b.graph.edges.size());
    b.graph.analyse();
    return b.graph;
}

DependencyGraph DependencyGraph::forInitiative(const TaskTreeSnapshot &snapshot, const QString &initiativeId)
{
    Builder b;
    b.graph.ownerTable = u"initiatives"_s;
    const auto initiative = std::find_if(snapshot.initiatives.cbegin(), snapshot.initiatives.cend(),
        [&](const TreeInitiative &i) { return i.id == initiativeId; });
    if (initiative == snapshot.initiatives.cend()) {
        b.graph.error = tr("No phase or initiative %1 in this file.").arg(initiativeId);
        return b.graph;
    }
    QHash<QString, const TreePhase *> phases;
    for (const TreePhase &p : snapshot.phases) {
        phases.insert(p.id, &p);
        if (p.initiativeId == initiativeId)
            b.add(u"phases"_s, p.id, p.name, p.status, false);
    }
    const int own = int(b.graph.nodes.size());
    for (const TreeDependency &d : snapshot.phaseDependencies) {
        const int waiter = b.index.value(d.fromId, -1);
        if (waiter < 0 || waiter >= own)
            continue;
        const TreePhase *pre = phases.value(d.dependsOnId);
        const bool inside = pre && pre->initiativeId == initiativeId;
        const int prerequisite = inside
            ? b.index.value(d.dependsOnId)
            : b.add(u"phases"_s, d.dependsOnId, pre ? pre->name : QString(), pre ? pre->status : QString(), true);
        b.link(prerequisite, waiter);
    }
    b.graph.title
        = tr("Initiative “%1”: %2 phases, %3 dependencies").arg(initiative->name).arg(own).arg(b.graph.edges.size());
    b.graph.analyse();
    return b.graph;
}

int DependencyGraph::indexOf(const QString &id) const
{
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).id == id)
            return i;
    }
    return -1;
}

void DependencyGraph::analyse()
{
    markCycles();
    markBlockedChains();
    markCriticalPath();
}

// Strongly connected components (Kosaraju, iterative: a deep chain must not overflow the stack).
void DependencyGraph::markCycles()
{
    const int n = int(nodes.size());
    QVector<QVector<int>> out(n);
    QVector<QVector<int>> in(n);
    for (const GraphEdge &e : std::as_const(edges)) {
        out[e.from].append(e.to);
        in[e.to].append(e.from);
    }
    QVector<int> order;
    order.reserve(n);
    QVector<bool> seen(n, false);
    for (int start = 0; start < n; ++start) {
        if (seen.at(start))
            continue;
        QVector<QPair<int, int>> stack { { start, 0 } };
        seen[start] = true;
        while (!stack.isEmpty()) {
            auto &[node, next] = stack.last();
            if (next < out.at(node).size()) {
                const int child = out.at(node).at(next++);
                if (!seen.at(child)) {
                    seen[child] = true;
                    stack.append({ child, 0 });
                }
            } else {
                order.append(node);
                stack.removeLast();
            }
        }
    }
    QVector<int> component(nodes.size(), -1);
    QVector<int> size;
    for (int i = n - 1; i >= 0; --i) {
        const int root = order.at(i);
        if (component.at(root) >= 0)
            continue;
        const int id = int(size.size());
        size.append(0);
        QVector<int> stack { root };
        component[root] = id;
        while (!stack.isEmpty()) {
            const int node = stack.takeLast();
            ++size[id];
            for (int pre : in.at(node)) {
                if (component.at(pre) < 0) {
                    component[pre] = id;
                    stack.append(pre);
                }
            }
        }
    }
    QSet<int> cyclic;
    for (GraphEdge &e : edges) {
        e.inCycle = component.at(e.from) == component.at(e.to) && (size.at(component.at(e.from)) > 1 || e.from == e.to);
        if (e.inCycle)
            cyclic.insert(component.at(e.from));
    }
    for (int i = 0; i < n; ++i)
        nodes[i].inCycle = cyclic.contains(component.at(i));
    cycleCount = int(cyclic.size());
}

void DependencyGraph::markBlockedChains()
{
    QVector<QVector<int>> outEdges(nodes.size());
    for (int e = 0; e < edges.size(); ++e)
        outEdges[edges.at(e).from].append(e);
    QVector<int> queue;
    for (int i = 0; i < nodes.size(); ++i) {
        if (nodes.at(i).status == u"blocked") {
            nodes[i].blockedChain = true;
            queue.append(i);
        }
    }
    while (!queue.isEmpty()) {
        const int node = queue.takeLast();
        for (int e : outEdges.at(node)) {
            GraphEdge &edge = edges[e];
            if (edge.blockedChain || nodes.at(edge.to).finished)
                continue;
            edge.blockedChain = true;
            if (!nodes.at(edge.to).blockedChain) {
                nodes[edge.to].blockedChain = true;
                queue.append(edge.to);
            }
        }
    }
}

// The longest chain of unfinished nodes, over the edges that are not part of a cycle (a cycle
// has no longest path; it is marked instead).
void DependencyGraph::markCriticalPath()
{
    const int n = int(nodes.size());
    QVector<QVector<int>> outEdges(n);
    QVector<int> indegree(n, 0);
    const auto counts
        = [this](const GraphEdge &e) { return !e.inCycle && !nodes.at(e.from).finished && !nodes.at(e.to).finished; };
    for (int e = 0; e < edges.size(); ++e) {
        if (!counts(edges.at(e)))
            continue;
        outEdges[edges.at(e).from].append(e);
        ++indegree[edges.at(e).to];
    }
    QVector<int> length(n, 0);
    QVector<int> via(n, -1); // the edge the longest chain arrives by
    QVector<int> ready;
    for (int i = 0; i < n; ++i) {
        if (indegree.at(i) == 0)
            ready.append(i);
        if (!nodes.at(i).finished)
            length[i] = 1;
    }
    while (!ready.isEmpty()) {
        const int node = ready.takeLast();
        for (int e : outEdges.at(node)) {
            const int to = edges.at(e).to;
            if (length.at(node) + 1 > length.at(to)) {
                length[to] = length.at(node) + 1;
                via[to] = e;
            }
            if (--indegree[to] == 0)
                ready.append(to);
        }
    }
    const auto longest = std::max_element(length.cbegin(), length.cend());
    criticalLength = longest == length.cend() ? 0 : *longest;
    if (criticalLength < 2)
        return; // a single unfinished node is no path
    int node = int(longest - length.cbegin());
    nodes[node].critical = true;
    while (via.at(node) >= 0) {
        GraphEdge &e = edges[via.at(node)];
        e.critical = true;
        node = e.from;
        nodes[node].critical = true;
    }
}

DependencyGraph DependencyGraph::neighbourhood(int center, int radius) const
{
    if (center < 0 || center >= nodes.size())
        return subgraph({});
    QVector<QVector<int>> adjacent(nodes.size());
    for (const GraphEdge &e : edges) {
        adjacent[e.from].append(e.to);
        adjacent[e.to].append(e.from);
    }
    QSet<int> kept { center };
    QVector<int> frontier { center };
    for (int step = 0; step < radius && !frontier.isEmpty(); ++step) {
        QVector<int> next;
        for (int node : std::as_const(frontier)) {
            for (int other : adjacent.at(node)) {
                if (!kept.contains(other)) {
                    kept.insert(other);
                    next.append(other);
                }
            }
        }
        frontier = next;
    }
    DependencyGraph sub = subgraph(QVector<int>(kept.cbegin(), kept.cend()));
    sub.title = title + tr(" (showing %1 around “%2”)").arg(sub.nodes.size()).arg(nodes.at(center).name);
    return sub;
}

DependencyGraph DependencyGraph::nearest(int center, int maxNodes) const
{
    if (center < 0 || center >= nodes.size() || maxNodes < 1)
        return subgraph({});
    QVector<QVector<int>> adjacent(nodes.size());
    for (const GraphEdge &e : edges) {
        adjacent[e.from].append(e.to);
        adjacent[e.to].append(e.from);
    }
    QVector<bool> seen(nodes.size(), false);
    QVector<int> order { center }; // breadth first: order is also the queue
    seen[center] = true;
    for (int head = 0; head < order.size() && order.size() < maxNodes; ++head) {
        for (int other : adjacent.at(order.at(head))) {
            if (seen.at(other))
                continue;
            seen[other] = true;
            order.append(other);
            if (order.size() == maxNodes)
                break;
        }
    }
    DependencyGraph sub = subgraph(order);
    sub.title = title;
    return sub;
}

// The nodes KEEP (in the order of this graph) and the edges between them; the flags (cycle,
// blocked chain, critical path) stay those worked out on the whole graph.
DependencyGraph DependencyGraph::subgraph(QVector<int> keep) const
{
    DependencyGraph sub;
    sub.ownerTable = ownerTable;
    sub.error = error;
    sub.cycleCount = cycleCount;
    sub.criticalLength = criticalLength;
    std::sort(keep.begin(), keep.end());
    QVector<int> index(nodes.size(), -1);
    for (int i = 0; i < keep.size(); ++i) {
        index[keep.at(i)] = i;
        sub.nodes.append(nodes.at(keep.at(i)));
    }
    for (const GraphEdge &e : edges) {
        if (index.at(e.from) >= 0 && index.at(e.to) >= 0) {
            GraphEdge copy = e;
            copy.from = index.at(e.from);
            copy.to = index.at(e.to);
            sub.edges.append(copy);
        }
    }
    return sub;
}

} // namespace cwi
