#pragma once

// The Graph pane's model side: reads the task tree (worker), builds the dependency graph of a
// phase (or of an initiative's phases), keeps it small enough to lay out (above kMaxNodes only
// the neighbourhood of the focused node), and lays it out with Graphviz `dot` (worker, with a
// timeout and cancel) or, when dot is missing or fails, with the built-in layered layout. All
// background work goes through runAsync (models/asyncjob.h, until the job tracker lands); a
// newer show() or cancel() drops older results and sets the running layout's cancel flag.

#include "graph/dependencygraph.h"
#include "graph/graphlayout.h"

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

    bool isBusy() const { return m_busy; }
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
    void setBusy(bool busy);
    void stopRunning(); // the running job's result will be dropped, its dot killed

    std::shared_ptr<Database> m_database;
    quint64 m_generation = 0;
    std::shared_ptr<std::atomic_bool> m_cancel;
    bool m_busy = false;
    QString m_dot;
    std::function<QSizeF(const GraphNode &)> m_sizer;
    QString m_id;
    QString m_focus;
    DependencyGraph m_graph;
    GraphLayout m_layout;
};

} // namespace cwi
