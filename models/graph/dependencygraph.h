#pragma once

// The dependencies of a phase's tasks (or of an initiative's phases) as a directed graph, with
// what a reader of it looks for worked out: which nodes sit on a cycle, which are held up by a
// blocked node (the chain downstream of it), and the critical path: the longest chain of
// unfinished work, which bounds how soon the phase can finish. An edge points from the
// prerequisite to the node that waits on it, so work reads top to bottom.

#include "tasktreesnapshot.h"

#include <QString>
#include <QVector>

namespace cwi {

struct GraphNode
{
    QString table; // "tasks" or "phases"
    QString id;
    QString name;
    QString status;
    bool outside = false; // a prerequisite from another phase / initiative, drawn for context
    bool finished = false; // completed
    bool inCycle = false;
    bool blockedChain = false; // blocked, or waits (transitively) on a blocked node
    bool critical = false;
};

struct GraphEdge
{
    int from = 0; // the prerequisite
    int to = 0; // the node that waits on it
    bool inCycle = false;
    bool blockedChain = false;
    bool critical = false;
};

class DependencyGraph
{
public:
    // The tasks of PHASEID and their dependencies (prerequisites in other phases join as
    // "outside" nodes).
    static DependencyGraph forPhase(const TaskTreeSnapshot &snapshot, const QString &phaseId);
    // The phases of INITIATIVEID and their dependencies.
    static DependencyGraph forInitiative(const TaskTreeSnapshot &snapshot, const QString &initiativeId);
    // Nodes within RADIUS edges of CENTER (either direction), for graphs too big to lay out whole.
    DependencyGraph neighbourhood(int center, int radius) const;
    // The MAXNODES nodes nearest to CENTER (breadth first over edges in either direction, CENTER
    // first): the part of a graph too big to lay out whole that is shown around the selection.
    DependencyGraph nearest(int center, int maxNodes) const;

    QString title; // "Phase “Build”: 12 tasks"
    QString ownerTable; // "phases" (a phase's tasks) or "initiatives" (an initiative's phases)
    QString error; // the phase or initiative does not exist
    QVector<GraphNode> nodes;
    QVector<GraphEdge> edges;
    int cycleCount = 0; // strongly connected groups of two or more nodes (or a self-loop)
    int criticalLength = 0; // nodes on the critical path

    int indexOf(const QString &id) const;
    // Cycles, blocked chains and the critical path, from nodes and edges.
    void analyse();

private:
    DependencyGraph subgraph(QVector<int> keep) const;
    void markCycles();
    void markBlockedChains();
    void markCriticalPath();
};

} // namespace cwi
