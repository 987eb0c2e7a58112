#pragma once

// The Graph pane's model side: reads the task tree (worker), builds the dependency graph of a
// phase (or of an initiative's phases), keeps it small enough to lay out (above kMaxNodes only
// the neighbourhood of the focused node), and lays it out with Graphviz `dot` (worker, with a
// timeout and cancel) or, when dot is missing or fails, with the built-in layered layout. All
// background work goes through one JobTracker: a newer show(), cancel() or the session's end
// drops older results and sets the running layout's cancel token, which kills dot.

#include "graph/dependencygraph.h"
#include "graph/graphlayout.h"
#include "jobtracker.h"

#include <QObject>
#include <QSizeF>

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

    explicit GraphSession(std::shared_ptr<Database> database, QObject *parent = nullptr);
    ~GraphSession() override;

    void setDatabase(std::shared_ptr<Database> database);
    // The dot program to run; by default the one on PATH (looked up at each show()).
    void setDotProgram(const QString &program) { m_dot = program; }
    // How big a node is drawn (the view knows its fonts); asked on this thread.
    void setNodeSizer(std::function<QSizeF(const GraphNode &)> sizer) { m_sizer = std::move(sizer); }

    // ID: a phase (its tasks) or an initiative (its phases). FOCUS: the node kept in view when
    // the graph is too big to show whole.
    void show(const QString &id, const QString &focusId = {});
    void reload();
    void cancel();

    bool isBusy() const { return m_jobs.isBusy(); }
    JobTracker *jobs() const { return &m_jobs; }
    QString shownId() const { return m_id; }
    const DependencyGraph &graph() const { return m_graph; }
    const GraphLayout &layout() const { return m_layout; }
    // Which engine laid it out, and how to get the better one when it is missing.
    QString layoutNote() const;

Q_SIGNALS:
    void busyChanged(bool busy);
    void ready(); // graph() and layout() belong together now
    void failed(const QString &message);

private:
    void layOut(DependencyGraph graph);

    std::shared_ptr<Database> m_database;
    mutable JobTracker m_jobs;
    QString m_dot;
    std::function<QSizeF(const GraphNode &)> m_sizer;
    QString m_id;
    QString m_focus;
    DependencyGraph m_graph;
    GraphLayout m_layout;
};

} // namespace cwi
