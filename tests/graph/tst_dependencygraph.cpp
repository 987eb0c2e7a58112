// What the Graph pane shows about a phase's dependencies: cycles, blocked chains, the critical
// path, outside prerequisites, a phase without dependencies, and the neighbourhood of a node.

#include "graph/dependencygraph.h"

#include <QTest>

using namespace cwi;
using namespace Qt::StringLiterals;

namespace {

// Tasks t1..tN of phase P1 with the given statuses; EDGES "a>b" means b waits on a.
TaskTreeSnapshot snapshot(const QStringList &statuses, const QStringList &edges)
{
    TaskTreeSnapshot s;
    s.initiatives.append({ u"I1"_s, u"Init"_s, u"active"_s });
    s.phases.append({ u"P1"_s, u"I1"_s, u"Build"_s, u"in_progress"_s });
    s.phases.append({ u"P0"_s, u"I1"_s, u"Design"_s, u"completed"_s });
    for (int i = 0; i < statuses.size(); ++i) {
        TreeTask t;
        t.id = u"t%1"_s.arg(i + 1);
        t.phaseId = u"P1"_s;
        t.name = u"Task %1"_s.arg(i + 1);
        t.status = statuses.at(i);
        s.tasks.append(t);
    }
    for (const QString &e : edges) {
        const QStringList ends = e.split(u'>');
        s.taskDependencies.append({ ends.at(1), ends.at(0) });
    }
    return s;
}

QStringList flagged(const DependencyGraph &g, bool GraphNode::*flag)
{
    QStringList ids;
    for (const GraphNode &n : g.nodes)
        if (n.*flag)
            ids << n.id;
    return ids;
}

} // namespace

class TestDependencyGraph : public QObject
{
    Q_OBJECT

private slots:
    void cycleIsMarked()
    {
        // t1 -> t2 -> t3 -> t1 is a cycle; t4 waits on t3 but is not part of it.
        const DependencyGraph cyclic
            = DependencyGraph::forPhase(snapshot({ u"pending"_s, u"pending"_s, u"pending"_s, u"pending"_s },
                                            { u"t1>t2"_s, u"t2>t3"_s, u"t3>t1"_s, u"t3>t4"_s }),
                u"P1"_s);
        QCOMPARE(cyclic.cycleCount, 1);
        QCOMPARE(flagged(cyclic, &GraphNode::inCycle), (QStringList { u"t1"_s, u"t2"_s, u"t3"_s }));
        int cycleEdges = 0;
        for (const GraphEdge &e : cyclic.edges)
            cycleEdges += e.inCycle ? 1 : 0;
        QCOMPARE(cycleEdges, 3);
        // A self-loop is a cycle too.
        const DependencyGraph self = DependencyGraph::forPhase(snapshot({ u"pending"_s }, { u"t1>t1"_s }), u"P1"_s);
        QCOMPARE(self.cycleCount, 1);
        QVERIFY(self.nodes.at(0).inCycle);
    }

    void blockedChainGoesDownstream()
    {
        // t1 blocked; t2 waits on t1, t3 on t2; t4 independent; t5 completed after t1.
        const DependencyGraph g = DependencyGraph::forPhase(
            snapshot({ u"blocked"_s, u"pending"_s, u"pending"_s, u"pending"_s, u"completed"_s },
                { u"t1>t2"_s, u"t2>t3"_s, u"t1>t5"_s }),
            u"P1"_s);
        QCOMPARE(flagged(g, &GraphNode::blockedChain), (QStringList { u"t1"_s, u"t2"_s, u"t3"_s }));
    }

    void criticalPathIsTheLongestUnfinishedChain()
    {
        // Chains: t1 -> t2 -> t3 -> t4 (t1 completed, so 3 unfinished) and t5 -> t6 (2).
        const DependencyGraph g = DependencyGraph::forPhase(
            snapshot({ u"completed"_s, u"in_progress"_s, u"pending"_s, u"pending"_s, u"pending"_s, u"pending"_s },
                { u"t1>t2"_s, u"t2>t3"_s, u"t3>t4"_s, u"t5>t6"_s }),
            u"P1"_s);
        QCOMPARE(g.criticalLength, 3);
        QCOMPARE(flagged(g, &GraphNode::critical), (QStringList { u"t2"_s, u"t3"_s, u"t4"_s }));
        int criticalEdges = 0;
        for (const GraphEdge &e : g.edges)
            criticalEdges += e.critical ? 1 : 0;
        QCOMPARE(criticalEdges, 2);
    }

    void noDependencies()
    {
        const DependencyGraph g
            = DependencyGraph::forPhase(snapshot({ u"pending"_s, u"completed"_s, u"pending"_s }, {}), u"P1"_s);
        QVERIFY(g.error.isEmpty());
        QCOMPARE(g.nodes.size(), 3);
        QVERIFY(g.edges.isEmpty());
        QCOMPARE(g.cycleCount, 0);
        QVERIFY(flagged(g, &GraphNode::critical).isEmpty());
    }

    void prerequisitesOutsideThePhaseJoin()
    {
        TaskTreeSnapshot s = snapshot({ u"pending"_s }, {});
        TreeTask other;
        other.id = u"x1"_s;
        other.phaseId = u"P0"_s;
        other.name = u"Schema"_s;
        other.status = u"completed"_s;
        s.tasks.append(other);
        s.taskDependencies.append({ u"t1"_s, u"x1"_s });
        s.taskDependencies.append({ u"t1"_s, u"gone"_s }); // a dangling reference
        const DependencyGraph g = DependencyGraph::forPhase(s, u"P1"_s);
        QCOMPARE(g.nodes.size(), 3);
        QCOMPARE(flagged(g, &GraphNode::outside), (QStringList { u"x1"_s, u"gone"_s }));
        QVERIFY(g.nodes.at(g.indexOf(u"gone"_s)).name.contains(u"missing"_s));
    }

    void phasesOfAnInitiative()
    {
        TaskTreeSnapshot s = snapshot({}, {});
        s.phaseDependencies.append({ u"P1"_s, u"P0"_s });
        const DependencyGraph g = DependencyGraph::forInitiative(s, u"I1"_s);
        QCOMPARE(g.nodes.size(), 2);
        QCOMPARE(g.edges.size(), 1);
        QCOMPARE(g.nodes.at(g.edges.at(0).from).id, u"P0"_s);
        QVERIFY(DependencyGraph::forPhase(s, u"nope"_s).error.contains(u"nope"_s));
    }

    void neighbourhoodOfABigGraph()
    {
        QStringList statuses;
        QStringList edges;
        for (int i = 1; i <= 2000; ++i) {
            statuses << u"pending"_s;
            if (i > 1)
                edges << u"t%1>t%2"_s.arg(i - 1).arg(i); // one long chain
        }
        const DependencyGraph g = DependencyGraph::forPhase(snapshot(statuses, edges), u"P1"_s);
        QCOMPARE(g.criticalLength, 2000);
        const DependencyGraph part = g.neighbourhood(g.indexOf(u"t1000"_s), 3);
        QCOMPARE(part.nodes.size(), 7);
        QCOMPARE(part.edges.size(), 6);
        QVERIFY(part.nodes.at(0).critical); // flags come from the whole graph
        // The nearest 500: breadth first from the centre, the centre always among them.
        const DependencyGraph near = g.nearest(g.indexOf(u"t1000"_s), 500);
        QCOMPARE(near.nodes.size(), 500);
        QCOMPARE(near.edges.size(), 499);
        QCOMPARE(near.nodes.first().id, u"t750"_s);
        QCOMPARE(near.nodes.last().id, u"t1249"_s);
    }

    // A hub that 1,999 tasks wait on: the part around one of them keeps it, the hub and 498 more.
    void nearestAroundAStarKeepsTheCentre()
    {
        QStringList statuses;
        QStringList edges;
        for (int i = 1; i <= 2000; ++i) {
            statuses << u"pending"_s;
            if (i > 1)
                edges << u"t1>t%1"_s.arg(i);
        }
        const DependencyGraph g = DependencyGraph::forPhase(snapshot(statuses, edges), u"P1"_s);
        const DependencyGraph near = g.nearest(g.indexOf(u"t1900"_s), 500);
        QCOMPARE(near.nodes.size(), 500);
        QVERIFY(near.indexOf(u"t1900"_s) >= 0);
        QVERIFY(near.indexOf(u"t1"_s) >= 0);
        QCOMPARE(near.edges.size(), 499);
    }
};

QTEST_GUILESS_MAIN(TestDependencyGraph)
#include "tst_dependencygraph.moc"
