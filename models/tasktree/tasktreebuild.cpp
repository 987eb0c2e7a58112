// TaskTreeModel::build: the snapshot's rows as a tree of nodes, with parentTaskId cycles cut,
// rows numbered, counts summed bottom-up and each task's agent picked. Kept apart from the
// item-model plumbing in tasktreemodel.cpp.

#include "tasktreemodel.h"

#include <algorithm>

namespace cwi {

namespace {

bool isActiveAgent(const QString &status)
{
    return status == QLatin1StringView("running") || status == QLatin1StringView("waiting_for_input");
}

int statusSlot(const QString &status)
{
    const auto &statuses = TaskTreeModel::taskStatuses();
    for (int i = 0; i < int(statuses.size()); ++i) {
        if (statuses[i] == status)
            return i;
    }
    return 4;
}

} // namespace

TaskTreeModel::Tree TaskTreeModel::build(const TaskTreeSnapshot &s)
{
    Tree t;
    t.nodes.reserve(s.initiatives.size() + s.phases.size() + s.tasks.size() + 1);
    t.initiativeNodes.reserve(s.initiatives.size());
    t.phaseNodes.reserve(s.phases.size());
    t.taskNodes.reserve(s.tasks.size());
    auto addNode = [&t](Kind kind, int source) {
        Node node;
        node.kind = kind;
        node.source = source;
        t.nodes.append(node);
        return int(t.nodes.size() - 1);
    };
    // A node for the first row of each id (a duplicated id is shown once). The indexes keep no
    // copy of the ids (idindex.h): hashing and comparing the ids was most of this function's time.
    const auto idOf = [&s, &t](int node) -> const QString & { return nodeId(s, t.nodes[node]); };
    auto addUnique = [&](IdIndex &nodes, const QString &id, Kind kind, int source) {
        if (nodes.insert(id, int(t.nodes.size()), idOf) >= 0)
            return -1; // seen before
        return addNode(kind, source);
    };
    for (int i = 0; i < s.initiatives.size(); ++i) {
        const int node = addUnique(t.initiativeNodes, s.initiatives[i].id, Kind::Initiative, i);
        if (node >= 0)
            t.roots.append(node); // snapshot order
    }
    for (int i = 0; i < s.phases.size(); ++i)
        addUnique(t.phaseNodes, s.phases[i].id, Kind::Phase, i);
    QVector<int> taskNode(s.tasks.size(), -1);
    for (int i = 0; i < s.tasks.size(); ++i)
        taskNode[i] = addUnique(t.taskNodes, s.tasks[i].id, Kind::Task, i);

    int group = -1;
    auto attach = [&](int parent, int child) {
        if (parent == -2) { // the "No initiative" group, created on first use
            if (group < 0)
                group = addNode(Kind::Group, -1);
            parent = group;
        }
        t.nodes[child].parent = parent;
        t.nodes[parent].children.append(child);
    };

    for (int i = 0; i < s.phases.size(); ++i) {
        const int node = t.phaseNodes.value(s.phases[i].id, idOf);
        if (t.nodes[node].source != i)
            continue; // duplicate id
        attach(t.initiativeNodes.value(s.phases[i].initiativeId, idOf, -2), node);
    }

    // parentTaskId as node indexes, with every cycle cut at the task where the walk re-enters it.
    QVector<int> parentOf(t.nodes.size(), -1);
    for (int i = 0; i < s.tasks.size(); ++i) {
        if (taskNode[i] >= 0 && !s.tasks[i].parentTaskId.isEmpty())
            parentOf[taskNode[i]] = t.taskNodes.value(s.tasks[i].parentTaskId, idOf);
    }
    QVector<quint8> state(t.nodes.size(), 0); // 0 unseen, 1 on the current walk, 2 settled
    QVector<int> walk;
    for (int start : std::as_const(taskNode)) {
        if (start < 0 || state[start] != 0)
            continue;
        walk.clear();
        int j = start;
        while (j >= 0 && state[j] == 0) {
            state[j] = 1;
            walk.append(j);
            j = parentOf[j];
        }
        if (j >= 0 && state[j] == 1)
            parentOf[j] = -1;
        for (int n : std::as_const(walk))
            state[n] = 2;
    }

    for (int i = 0; i < s.tasks.size(); ++i) {
        const int node = taskNode[i];
        if (node < 0)
            continue;
        const TreeTask &task = s.tasks[i];
        int parent = parentOf[node];
        if (parent < 0)
            parent = t.phaseNodes.value(task.phaseId, idOf);
        if (parent < 0)
            parent = t.initiativeNodes.value(task.initiativeId, idOf, -2);
        attach(parent, node);
    }

    if (group >= 0)
        t.roots.append(group);

    // Rows, and a parents-first order to sum counts bottom-up without recursion.
    QVector<int> order;
    order.reserve(t.nodes.size());
    for (int r = 0; r < t.roots.size(); ++r) {
        t.nodes[t.roots[r]].row = r;
        order.append(t.roots[r]);
    }
    for (qsizetype k = 0; k < order.size(); ++k) {
        const QVector<int> &children = t.nodes[order[k]].children;
        for (int r = 0; r < children.size(); ++r) {
            t.nodes[children[r]].row = r;
            order.append(children[r]);
        }
    }
    for (qsizetype k = order.size() - 1; k >= 0; --k) {
        const Node &node = t.nodes[order[k]];
        if (node.parent < 0)
            continue;
        Node &parent = t.nodes[node.parent];
        for (int c = 0; c < 5; ++c)
            parent.counts[c] += node.counts[c];
        if (node.kind == Kind::Task)
            parent.counts[statusSlot(s.tasks[node.source].status)] += 1;
    }

    // The agent shown for a task: a running or waiting one if any, else the most recent.
    for (int a = 0; a < s.agents.size(); ++a) {
        const int node = t.taskNodes.value(s.agents[a].taskId, idOf);
        if (node < 0)
            continue;
        Node &n = t.nodes[node];
        ++n.agentCount;
        if (n.agent < 0 || (!isActiveAgent(s.agents[n.agent].status) && isActiveAgent(s.agents[a].status)))
            n.agent = a;
    }
    return t;
}

bool TaskTreeModel::sameShape(const Tree &a, const Tree &b)
{
    if (a.nodes.size() != b.nodes.size() || a.roots != b.roots)
        return false;
    for (qsizetype i = 0; i < a.nodes.size(); ++i) {
        const Node &x = a.nodes[i], &y = b.nodes[i];
        if (x.kind != y.kind || x.parent != y.parent || x.row != y.row || x.children.size() != y.children.size())
            return false;
    }
    return true;
}

} // namespace cwi
