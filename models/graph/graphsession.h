#pragma once

// The Graph pane's model side: reads the task tree (worker), builds the dependency graph of a
// phase (or of an initiative's phases), keeps it small enough to lay out (above kMaxNodes only
// the kMaxNodes nodes nearest to the focused one), and lays it out with Graphviz `dot` (worker,
// cancellable) or, when dot is missing, fails or does not finish within the layout budget
// (kLayoutBudgetMs, so a 500-task phase of any shape is drawn within about a second), with the
// built-in layered layout. The budget runs from the moment the layout is asked for, on this
// thread: a dot that has not answered by then (waiting for a worker, starting up, or laying out
// on a busy machine) is stopped and the layered layout (under a millisecond for 500 nodes)
// drawn at once. A small phase (kDrawAtOnceNodes) does not wait at all: the layered layout is
// drawn at once and dot's picture replaces it when it comes within the budget. All background
// work goes through one JobTracker: a newer show(), refocus(), cancel() or the session's end
// drops older results and sets the running layout's cancel token, which kills dot.

#include "graph/dependencygraph.h"
#include "graph/graphlayout.h"
#include "jobtracker.h"

#include <QElapsedTimer>
#include <QObject>
#include <QSizeF>
#include <QTimer>

#include <atomic>
#include <functional>
#include <memory>

namespace cwi {

class Database;

class GraphSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int kMaxNodes = 500;
    // From the start of a layout to its result: dot gets this less kFallbackReserveMs, the
    // layered layout (a few ms for 500 nodes) the rest.
    static constexpr int kLayoutBudgetMs = 1000;
    static constexpr int kFallbackReserveMs = 100;
    // Up to this many nodes the layered layout is drawn at once and dot's replaces it when it
    // comes within the budget: a small phase shows in a millisecond on a machine of any load.
    static constexpr int kDrawAtOnceNodes = kCarefulOrderNodes;

    explicit GraphSession(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ~GraphSession() override;

    void setDatabase(std::shared_ptr<Database> database);
    // The dot program to run; by default the one on PATH (looked up at each show()).
    void setDotProgram(const QString &program) { m_dot = program; }
    // How big a node is drawn (the view knows its fonts); asked on this thread.
    void setNodeSizer(std::function<QSizeF(const GraphNode &)> sizer) { m_sizer = std::move(sizer); }
    // The layout budget in ms (tests give a fake, slow dot more or less time).
    void setLayoutBudget(int ms) { m_budgetMs = ms; }

    // ID: a phase (its tasks) or an initiative (its phases). FOCUS: the node kept in view when
    // the graph is too big to show whole.
    void show(const QString &id, const QString &focusId = {});
    void reload();
    void cancel();
    // A graph shown in part (isPartial()): lays it out again around FOCUSID when that node is not
    // drawn now. True when it started a layout.
    bool refocus(const QString &focusId);

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    QString shownId() const { return m_id; }
    const DependencyGraph &graph() const { return m_graph; }
    const GraphLayout &layout() const { return m_layout; }
    // Only the nearest kMaxNodes of wholeNodeCount() nodes are shown, around centerId().
    bool isPartial() const { return m_wholeNodeCount > m_graph.nodes.size(); }
    int wholeNodeCount() const { return m_wholeNodeCount; }
    QString centerId() const { return m_centerId; }
    // From the start of the layout (after the tree was read) to its result (dot's, when a small
    // graph was drawn first).
    qint64 layoutMilliseconds() const { return m_layoutMs; }
    // A small graph: when it was first drawn (by the layered layout); -1 for others.
    qint64 firstDrawnMilliseconds() const { return m_firstMs; }
    // Which engine laid it out, and how to get the better one when it is missing.
    QString layoutNote() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void ready(); // graph() and layout() belong together now
    void failed(const QString &message);

private:
    void layOut();
    void onDeadline(); // the budget ran out before dot answered
    void setLayout(const DependencyGraph &graph, const GraphLayout &layout, const QString &centerId, int wholeCount);

    std::shared_ptr<Database> m_database;
    mutable JobTracker m_jobs;
    QString m_dot;
    std::function<QSizeF(const GraphNode &)> m_sizer;
    QString m_id;
    QString m_focus;
    int m_budgetMs = kLayoutBudgetMs;
    DependencyGraph m_whole; // as read; m_graph is the part of it laid out
    DependencyGraph m_graph;
    GraphLayout m_layout;
    int m_wholeNodeCount = 0;
    QString m_centerId;
    QElapsedTimer m_clock;
    qint64 m_layoutMs = 0;
    qint64 m_firstMs = -1;
    QTimer m_deadline;
    // What the running layout lays out, for the layered layout when the deadline comes first.
    struct Pending
    {
        DependencyGraph graph;
        QVector<QSizeF> sizes;
        QString centerId;
        int wholeCount = 0;
    };
    Pending m_pending;
};

} // namespace cwi
